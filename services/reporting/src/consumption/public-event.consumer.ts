import { DuplicateEventError, type EventStore, type RecordedEvent } from '@sfp/event-sourcing';
import {
  DeadLetterError,
  decodeEventMessage,
  startReliableConsumer,
  type DeadLetterNotice,
  type EventBus,
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
}

/**
 * Follows one context's public events (a consumer group of its own, from the
 * beginning of the topic) and appends each to reporting's log. Checked on the
 * way in: the envelope, that the type belongs to the context, and the payload
 * fields reporting reads; a message that fails goes to sfp.reporting.dlq with
 * the reason and field errors. At-least-once delivery, logged once: the log
 * refuses an eventId it holds (DuplicateEventError), which counts as done.
 */
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
    handle: async (event) => {
      try {
        await options.log.append(logStreamIdOf(plugin.context, event.streamId), 'any', [
          toLoggedEvent(plugin.context, event),
        ]);
      } catch (error) {
        if (!(error instanceof DuplicateEventError)) throw error;
      }
      options.onLogged();
    },
    onDeadLetter: options.onDeadLetter,
  });
}
