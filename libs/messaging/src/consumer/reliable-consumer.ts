import type { EventBus, IncomingMessage, RunningConsumer } from '../bus/event-bus.port';
import type { ProcessedMessageStore } from '../state/consumer-state.port';
import { DEAD_LETTER_HEADERS } from '../dead-letters/dead-letter-headers';
import {
  DeadLetterError,
  PermanentFailure,
  type DeadLetterReason,
  type FieldError,
} from '../dead-letters/dead-letter.errors';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export interface DeadLetterNotice {
  reason: DeadLetterReason;
  error: string;
  fieldErrors: FieldError[];
  message: IncomingMessage;
  attempts: number;
}

export interface ReliableConsumerOptions<T> {
  bus: EventBus;
  groupId: string;
  topics: string[];
  /** Where messages of each topic go when they cannot be processed. */
  deadLetterTopic: (topic: string) => string;
  /** Turns a message into what the handler takes; throws DeadLetterError for a bad message. */
  decode: (message: IncomingMessage) => T | Promise<T>;
  /** Applies the message. Throwing DeadLetterError or PermanentFailure dead-letters it at once. */
  handle: (decoded: T, message: IncomingMessage) => Promise<void>;
  /**
   * Idempotency: with a store and an id, a message whose id this group already
   * processed is skipped. The id is recorded after `handle` succeeded.
   */
  idempotency?: { store: ProcessedMessageStore; messageId: (decoded: T, message: IncomingMessage) => string };
  retry?: Partial<RetryPolicy>;
  fromBeginning?: boolean;
  /** Awaited after the dead letter is published (e.g. to tell the sender). */
  onDeadLetter?: (notice: DeadLetterNotice) => Promise<void> | void;
  onRetry?: (error: unknown, attempt: number, message: IncomingMessage) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/**
 * The consumer runtime: decode → skip if already processed → handle with
 * retries and backoff → record as processed. A message that cannot be decoded,
 * fails validation, or fails for good goes to the dead-letter topic with the
 * reason and its original topic, partition and offset in headers; the consumer
 * then moves on to the next message. Only a failure to publish the dead letter
 * itself stops progress (the bus delivers the message again).
 */
export async function startReliableConsumer<T>(
  options: ReliableConsumerOptions<T>,
): Promise<RunningConsumer> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? (() => new Date());

  const deadLetter = async (
    message: IncomingMessage,
    reason: DeadLetterReason,
    error: string,
    fieldErrors: FieldError[],
    attempts: number,
  ) => {
    const headers: Record<string, string> = {
      ...message.headers,
      [DEAD_LETTER_HEADERS.reason]: reason,
      [DEAD_LETTER_HEADERS.error]: error.slice(0, 2_000),
      [DEAD_LETTER_HEADERS.originalTopic]: message.topic,
      [DEAD_LETTER_HEADERS.originalPartition]: String(message.partition),
      [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
      [DEAD_LETTER_HEADERS.consumerGroup]: options.groupId,
      [DEAD_LETTER_HEADERS.attempts]: String(attempts),
      [DEAD_LETTER_HEADERS.failedAt]: now().toISOString(),
    };
    if (fieldErrors.length) headers[DEAD_LETTER_HEADERS.fieldErrors] = JSON.stringify(fieldErrors);
    await options.bus.publish(options.deadLetterTopic(message.topic), [
      { key: message.key ?? `${message.topic}/${message.partition}/${message.offset}`, value: message.value ?? '', headers },
    ]);
    await options.onDeadLetter?.({ reason, error, fieldErrors, message, attempts });
  };

  const process = async (message: IncomingMessage) => {
    let decoded: T;
    try {
      decoded = await options.decode(message);
    } catch (error) {
      const failure = asDeadLetter(error, 'undecodable');
      await deadLetter(message, failure.reason, failure.message, failure.fieldErrors, 1);
      return;
    }

    const messageId = options.idempotency?.messageId(decoded, message);
    if (options.idempotency && messageId !== undefined) {
      if (await options.idempotency.store.find(options.groupId, messageId)) return;
    }

    for (let attempt = 1; ; attempt++) {
      try {
        await options.handle(decoded, message);
        break;
      } catch (error) {
        if (error instanceof DeadLetterError) {
          await deadLetter(message, error.reason, error.message, error.fieldErrors, attempt);
          return;
        }
        if (error instanceof PermanentFailure || attempt >= policy.attempts) {
          await deadLetter(message, 'failed', describe(error), [], attempt);
          return;
        }
        options.onRetry?.(error, attempt, message);
        await sleep(backoffDelay(policy, attempt));
      }
    }

    if (options.idempotency && messageId !== undefined) {
      await options.idempotency.store.record(options.groupId, messageId);
    }
  };

  return options.bus.consume({
    groupId: options.groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning ?? true,
    handler: process,
  });
}

function asDeadLetter(error: unknown, fallback: DeadLetterReason): DeadLetterError {
  if (error instanceof DeadLetterError) return error;
  return new DeadLetterError(fallback, describe(error));
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
