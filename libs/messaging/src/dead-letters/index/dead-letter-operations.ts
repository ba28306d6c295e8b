import type { EventBus, RunningConsumer } from '../../bus/event-bus.port';
import { DEAD_LETTER_HEADERS } from '../dead-letter-headers';
import { deadLetterEntryOf, type DeadLetterEntry } from './dead-letter-entry';
import type { DeadLetterIndex } from './dead-letter-index.port';

export class DeadLetterNotFoundError extends Error {
  readonly code = 'DEAD_LETTER_NOT_FOUND';
  constructor(readonly id: string) {
    super(`No dead letter ${id}`);
  }
}

export class DeadLetterAlreadyRedrivenError extends Error {
  readonly code = 'DEAD_LETTER_ALREADY_REDRIVEN';
  constructor(readonly id: string) {
    super(`Dead letter ${id} was already re-driven`);
  }
}

/**
 * Indexes every message of the given dead-letter topics (its own consumer
 * group, from the beginning, so nothing dead-lettered before it started is
 * missed; a redelivery is recorded once).
 */
export function startDeadLetterIndexer(options: {
  bus: EventBus;
  index: DeadLetterIndex;
  dlqTopics: string[];
  groupId: string;
}): Promise<RunningConsumer> {
  return options.bus.consume({
    groupId: options.groupId,
    topics: options.dlqTopics,
    fromBeginning: true,
    handler: async (message) => {
      await options.index.record(deadLetterEntryOf(message));
    },
  });
}

/**
 * Re-drives one dead letter after a fix: publishes it again to its original
 * topic with its original key and headers (plus `redriven-from`), once — a
 * second attempt is refused; a failed publication releases the claim.
 */
export async function redriveDeadLetter(options: {
  bus: EventBus;
  index: DeadLetterIndex;
  id: string;
  by: string;
  now?: () => Date;
}): Promise<DeadLetterEntry> {
  const entry = await options.index.get(options.id);
  if (!entry) throw new DeadLetterNotFoundError(options.id);
  if (!entry.originalTopic) throw new DeadLetterNotFoundError(options.id);
  if (entry.payloadTruncated) {
    throw Object.assign(
      new Error(
        'The index does not hold this dead letter byte for byte (too large, or not UTF-8); re-drive it from its topic with npm run dlq:redrive',
      ),
      {
        code: 'DEAD_LETTER_TOO_LARGE',
      },
    );
  }
  const at = (options.now ?? (() => new Date()))().toISOString();
  if (!(await options.index.claimRedrive(entry.id, at, options.by)))
    throw new DeadLetterAlreadyRedrivenError(entry.id);
  try {
    await options.bus.publish(entry.originalTopic, [
      {
        key: entry.key ?? '',
        value: entry.payload ?? '',
        headers: {
          ...entry.headers,
          [DEAD_LETTER_HEADERS.redrivenFrom]: `${entry.dlqTopic}@${entry.partition}:${entry.offset}`,
        },
      },
    ]);
  } catch (error) {
    await options.index.releaseRedrive(entry.id);
    throw error;
  }
  return { ...entry, status: 'redriven', redrivenAt: at, redrivenBy: options.by };
}
