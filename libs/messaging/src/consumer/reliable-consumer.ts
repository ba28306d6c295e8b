import { isStoreUnavailable } from '@sfp/event-sourcing';
import {
  bytesOf,
  type EventBus,
  type IncomingMessage,
  type RunningConsumer,
} from '../bus/event-bus.port';
import type { ProcessedMessageStore } from '../state/consumer-state.port';
import { DEAD_LETTER_HEADERS } from '../dead-letters/dead-letter-headers';
import {
  DeadLetterError,
  PermanentFailure,
  type DeadLetterReason,
  type FieldError,
} from '../dead-letters/dead-letter.errors';
import { ConsumerStoppedError } from './consumer-stopped.error';
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
  /**
   * Applies the message. Throwing DeadLetterError or PermanentFailure dead-letters it at once.
   * Exactly one of `handle` and `handleBatch` is given.
   */
  handle?: (decoded: T, message: IncomingMessage) => Promise<void>;
  /**
   * Applies consecutive messages of one partition at once (in order; those
   * already processed and those that could not be decoded are left out), e.g.
   * to load and write a read model once per batch. Retried as a whole with
   * the retry policy; if it still fails (or throws DeadLetterError or
   * PermanentFailure), its messages are handled one by one, each as a batch of
   * one with the same policy, so that only the culprit is dead-lettered.
   */
  handleBatch?: (items: Array<{ decoded: T; message: IncomingMessage }>) => Promise<void>;
  /** Messages per handleBatch call at most (default 500). */
  maxBatchSize?: number;
  /**
   * Idempotency: with a store and an id, a message whose id this group already
   * processed is skipped. The id is recorded after `handle` succeeded.
   * Costs a lookup and an insert per batch (per message with `handle`). Leave
   * it out where the destination makes a redelivery harmless by design (a
   * read model whose documents carry the event's position, a log that refuses
   * an event id it holds); keep it where the outcome must happen once (an
   * inbound command's reply).
   */
  idempotency?: {
    store: ProcessedMessageStore;
    messageId: (decoded: T, message: IncomingMessage) => string;
  };
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
  /**
   * Set when stop() is called. A message still failing then is left as it is,
   * neither dead-lettered nor committed: the group delivers it again after the
   * restart. Its failure may be the stop itself (a store closed under it), and
   * a store outage would otherwise keep the retries, and the stop, going for ever.
   */
  let stopping = false;
  const giveUpIfStopping = (error: unknown) => {
    if (stopping) throw new ConsumerStoppedError(options.groupId, error);
  };

  const deadLetter = async (
    message: IncomingMessage,
    reason: DeadLetterReason,
    error: string,
    fieldErrors: FieldError[],
    attempts: number,
  ) => {
    // The original key, value and headers byte for byte (never decoded and
    // encoded again), the dlq-* headers beside them.
    const original = bytesOf(message);
    const headers: Record<string, string | Buffer[]> = {
      ...original.headers,
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
      {
        key: original.key ?? `${message.topic}/${message.partition}/${message.offset}`,
        value: original.value,
        headers,
      },
    ]);
    await options.onDeadLetter?.({ reason, error, fieldErrors, message, attempts });
  };

  type Item = { decoded: T; message: IncomingMessage };
  if ((options.handle === undefined) === (options.handleBatch === undefined)) {
    throw new Error(
      `Reliable consumer ${options.groupId}: give exactly one of handle and handleBatch`,
    );
  }
  const handleOne: (decoded: T, message: IncomingMessage) => Promise<void> =
    options.handle ??
    ((decoded, message) =>
      (options.handleBatch as (items: Item[]) => Promise<void>)([{ decoded, message }]));
  const idOf = (item: Item): string | undefined =>
    options.idempotency?.messageId(item.decoded, item.message);

  const decode = async (message: IncomingMessage): Promise<Item | undefined> => {
    try {
      return { decoded: await options.decode(message), message };
    } catch (error) {
      // A store that cannot be reached (an API key looked up to check a signature) is not a bad
      // message: the bus delivers it again.
      if (isStoreUnavailable(error)) throw error;
      const failure = asDeadLetter(error, 'undecodable');
      await deadLetter(message, failure.reason, failure.message, failure.fieldErrors, 1);
      return undefined;
    }
  };

  /** Handle with retries, dead-letter on a permanent failure; records it when handled (not when dead-lettered). */
  const handleWithRetries = async ({ decoded, message }: Item, messageId: string | undefined) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await handleOne(decoded, message);
        break;
      } catch (error) {
        if (error instanceof DeadLetterError) {
          await deadLetter(message, error.reason, error.message, error.fieldErrors, attempt);
          return;
        }
        giveUpIfStopping(error);
        // A store that cannot be reached is retried until it is back: the message is not at fault.
        const outage = isStoreUnavailable(error);
        if (!outage && (error instanceof PermanentFailure || attempt >= policy.attempts)) {
          await deadLetter(message, 'failed', describe(error), [], attempt);
          return;
        }
        options.onRetry?.(error, attempt, message);
        await sleep(backoffDelay(policy, Math.min(attempt, policy.attempts)));
      }
    }
    if (options.idempotency && messageId !== undefined) {
      await options.idempotency.store.record(options.groupId, messageId);
    }
  };

  const process = async (message: IncomingMessage) => {
    const item = await decode(message);
    if (!item) return;
    const messageId = idOf(item);
    if (options.idempotency && messageId !== undefined) {
      if (await options.idempotency.store.find(options.groupId, messageId)) return;
    }
    await handleWithRetries(item, messageId);
  };

  const processBatch = async (messages: IncomingMessage[]) => {
    const decoded: Item[] = [];
    for (const message of messages) {
      const item = await decode(message);
      if (item) decoded.push(item);
    }
    // Leave out what this group already processed, and repeats within the batch.
    let fresh = decoded;
    const idempotency = options.idempotency;
    if (idempotency) {
      const ids = [...new Set(decoded.map(idOf).filter((id): id is string => id !== undefined))];
      const done = await findProcessed(idempotency.store, options.groupId, ids);
      const taken = new Set<string>();
      fresh = decoded.filter((item) => {
        const id = idOf(item);
        if (id === undefined) return true;
        if (done.has(id) || taken.has(id)) return false;
        taken.add(id);
        return true;
      });
    }
    if (fresh.length === 0) return;
    if (fresh.length === 1) {
      await handleWithRetries(fresh[0] as Item, idOf(fresh[0] as Item));
      return;
    }
    const handleBatch = options.handleBatch as (items: Item[]) => Promise<void>;
    for (let attempt = 1; ; attempt++) {
      try {
        await handleBatch(fresh);
        break;
      } catch (error) {
        giveUpIfStopping(error);
        if (
          error instanceof DeadLetterError ||
          error instanceof PermanentFailure ||
          (attempt >= policy.attempts && !isStoreUnavailable(error))
        ) {
          // Find the culprit: one message at a time, each with the whole policy.
          for (const item of fresh) await handleWithRetries(item, idOf(item));
          return;
        }
        options.onRetry?.(error, attempt, (fresh[0] as Item).message);
        await sleep(backoffDelay(policy, Math.min(attempt, policy.attempts)));
      }
    }
    if (idempotency) {
      const ids = fresh.map(idOf).filter((id): id is string => id !== undefined);
      await recordProcessed(idempotency.store, options.groupId, ids);
    }
  };

  const running = await options.bus.consume({
    groupId: options.groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning ?? true,
    ...(options.handleBatch
      ? {
          batchHandler: processBatch,
          ...(options.maxBatchSize === undefined ? {} : { maxBatchSize: options.maxBatchSize }),
        }
      : { handler: process }),
  });
  return {
    groupId: running.groupId,
    stop: () => {
      stopping = true;
      return running.stop();
    },
  };
}

/** The ids this group already processed: one call where the store can. */
async function findProcessed(
  store: ProcessedMessageStore,
  groupId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  if (store.findMany) return store.findMany(groupId, ids);
  const found = await Promise.all(ids.map((id) => store.find(groupId, id)));
  return new Set(ids.filter((_, index) => found[index] !== undefined));
}

async function recordProcessed(
  store: ProcessedMessageStore,
  groupId: string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  if (store.recordMany) return store.recordMany(groupId, ids);
  for (const id of ids) await store.record(groupId, id);
}

function asDeadLetter(error: unknown, fallback: DeadLetterReason): DeadLetterError {
  if (error instanceof DeadLetterError) return error;
  return new DeadLetterError(fallback, describe(error));
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
