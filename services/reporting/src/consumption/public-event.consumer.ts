import { DuplicateEventError, type EventStore, type RecordedEvent } from '@sfp/event-sourcing';
import {
  DeadLetterError,
  decodeEventMessage,
  startReliableConsumer,
  type DeadLetterNotice,
  type EventBus,
  type IncomingMessage,
  type RunningConsumer,
} from '@sfp/messaging';
import type { ReportingPlugin } from '../registry/reporting-plugin';
import { logStreamIdOf, toLoggedEvent } from './public-event';

export interface PublicEventConsumerOptions {
  bus: EventBus;
  log: EventStore;
  plugin: ReportingPlugin;
  topic: string;
  groupId: string;
  deadLetterTopic: string;
  /** Called after an event was logged (wakes the projections). */
  onLogged: () => void;
  onDeadLetter: (notice: DeadLetterNotice) => void;
  /** Called before a failed batch or event is tried again (a store outage is retried until it is back). */
  onRetry: (error: unknown, attempt: number, message: IncomingMessage) => void;
}

/**
 * Follows one context's public events (a consumer group of its own, from the
 * beginning of the topic) and appends each to reporting's log. Checked on the
 * way in: the envelope, that the type belongs to the context, and the payload
 * fields reporting reads; a message that fails goes to sfp.reporting.dlq with
 * the reason and field errors. At-least-once delivery, logged once: the log
 * refuses an eventId it holds (DuplicateEventError), which counts as done.
 * Messages come in batches of one partition (handleBatch), in order.
 */
async function appendOnce(
  log: EventStore,
  streamId: string,
  event: Parameters<EventStore['append']>[2][number],
) {
  try {
    await log.append(streamId, 'any', [event]);
  } catch (error) {
    if (!(error instanceof DuplicateEventError)) throw error;
  }
}

export function startPublicEventConsumer(
  options: PublicEventConsumerOptions,
): Promise<RunningConsumer> {
  const { plugin } = options;
  return startReliableConsumer<RecordedEvent>({
    bus: options.bus,
    groupId: options.groupId,
    topics: [options.topic],
    deadLetterTopic: () => options.deadLetterTopic,
    decode: (message) => {
      const event = decodeEventMessage(message);
      if (!event.type.startsWith(`${plugin.context}.`)) {
        throw new DeadLetterError(
          'schema-invalid',
          `Event type ${event.type} does not belong to ${plugin.context}`,
          [{ field: 'type', messages: [`must start with ${plugin.context}.`] }],
        );
      }
      const problems = plugin.shapeProblems(event.type, event.data);
      if (problems.length > 0) {
        throw new DeadLetterError(
          'schema-invalid',
          `The payload of ${event.type} lacks what reporting reads: ${problems.map((p) => `${p.field} ${p.messages[0]}`).join('; ')}`,
          problems,
        );
      }
      return event;
    },
    // A batch of one partition: each source stream's events in one append, the
    // streams side by side, so the log's group commit makes one durable write of
    // the batch. A redelivered event makes its stream's append fail as a
    // duplicate: that stream is then logged event by event, skipping those held.
    handleBatch: async (items) => {
      const byStream = new Map<string, RecordedEvent[]>();
      for (const { decoded } of items) {
        const streamId = logStreamIdOf(plugin.context, decoded.streamId);
        byStream.set(streamId, [...(byStream.get(streamId) ?? []), decoded]);
      }
      await Promise.all(
        [...byStream].map(async ([streamId, events]) => {
          try {
            await options.log.append(
              streamId,
              'any',
              events.map((event) => toLoggedEvent(plugin.context, event)),
            );
          } catch (error) {
            if (!(error instanceof DuplicateEventError)) throw error;
            for (const event of events)
              await appendOnce(options.log, streamId, toLoggedEvent(plugin.context, event));
          }
        }),
      );
      options.onLogged();
    },
    onDeadLetter: options.onDeadLetter,
    onRetry: options.onRetry,
  });
}
