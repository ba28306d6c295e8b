import { CodedError } from '@sfp/event-sourcing';

/**
 * The EventBus port: how contexts exchange messages (events, commands,
 * outcomes, dead letters). Two adapters: Kafka (distributed mode) and an
 * embedded bus (one process, SQLite-backed log). Same guarantees on both:
 *  - at-least-once: a message is handed to a group's consumer until its handler
 *    resolves; a crash or a throwing handler means it is delivered again;
 *  - ordered per key: messages with the same key land in the same partition and
 *    are handled one after another, in publish order;
 *  - each consumer group has its own cursor (offsets per partition);
 *  - members of one group share the partitions and take over each other's on
 *    leave (rebalance).
 */

export type MessageHeaders = Record<string, string>;

/**
 * A message's key, value and headers exactly as the bus holds them, byte for
 * byte (a header name that repeats has its values in order). Dead letters and
 * re-drives are written from these, and command signatures are checked over
 * them: decoding as UTF-8 would replace what is not UTF-8 (`ff fe` becomes
 * `ef bf bd ef bf bd`).
 */
export interface MessageBytes {
  key: Buffer | null;
  /** null for a tombstone. */
  value: Buffer | null;
  headers: Record<string, Buffer[]>;
}

export interface OutgoingMessage {
  /** Partitioning key: the stream id for events, so each stream stays in order. */
  key: string | Buffer;
  /** A string is written as UTF-8; a Buffer as it is; null only to copy a tombstone. */
  value: string | Buffer | null;
  /** A string is written as UTF-8; a Buffer as it is; several values for a repeated header. */
  headers?: Record<string, string | Buffer | Buffer[]>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  /** Offset within the partition, as a decimal string (Kafka offsets are 64-bit). */
  offset: string;
  key: string | null;
  /** null for a tombstone. */
  value: string | null;
  headers: MessageHeaders;
  /** When the bus accepted the message (ISO 8601). */
  timestamp: string;
  /**
   * The exact bytes (both adapters set it; `key`, `value` and `headers` above
   * are their UTF-8 decoding, the first value of a repeated header). Absent
   * only on a message a test built by hand: see `bytesOf`.
   */
  raw?: MessageBytes;
}

/** A message's exact bytes: `raw`, or (a hand-built message) its strings as UTF-8. */
export function bytesOf(message: IncomingMessage): MessageBytes {
  if (message.raw) return message.raw;
  const headers: Record<string, Buffer[]> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    headers[name] = [Buffer.from(value, 'utf8')];
  }
  return {
    key: message.key === null ? null : Buffer.from(message.key, 'utf8'),
    value: message.value === null ? null : Buffer.from(message.value, 'utf8'),
    headers,
  };
}

export type MessageHandler = (message: IncomingMessage) => Promise<void>;

/**
 * Handles consecutive messages of ONE partition, in offset order, at once. If
 * it resolves they are all committed; if it throws, none of them is, and the
 * batch (or one starting at its first message) is delivered again.
 */
export type BatchHandler = (messages: IncomingMessage[]) => Promise<void>;

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /** Where a group with no committed offset starts: the beginning (default) or only new messages. */
  fromBeginning?: boolean;
  /** One message at a time. Exactly one of `handler` and `batchHandler` is given. */
  handler?: MessageHandler;
  /**
   * Batches of one partition (at most `maxBatchSize` messages): fewer round
   * trips and one offset commit per batch, same guarantees (at-least-once,
   * order per key, since a key stays in one partition).
   */
  batchHandler?: BatchHandler;
  /** Messages per batchHandler call at most (default 500). */
  maxBatchSize?: number;
  /** Called when the handler threw (with a batch: its first message); delivered again after a pause. */
  onHandlerError?: (error: unknown, message: IncomingMessage) => void;
}

/** Checks that exactly one handler is given; returns the batch size to use. */
export function assertConsumerHandlers(options: ConsumerOptions): number {
  if ((options.handler === undefined) === (options.batchHandler === undefined)) {
    throw new Error(`Consumer ${options.groupId}: give exactly one of handler and batchHandler`);
  }
  const size = options.maxBatchSize ?? 500;
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new Error(`Consumer ${options.groupId}: maxBatchSize must be a positive integer`);
  }
  return size;
}

export interface RunningConsumer {
  readonly groupId: string;
  stop(): Promise<void>;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
  /** Broker-side topic settings, e.g. retention.ms. */
  config?: Record<string, string>;
}

export interface EventBus {
  /** Resolves once every message is durably accepted (all in-sync replicas on Kafka). */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  consume(options: ConsumerOptions): Promise<RunningConsumer>;
  /** Creates the topics that do not exist yet; existing ones are left as they are. */
  ensureTopics(specs: TopicSpec[]): Promise<void>;
  /** Committed offset and end offset per partition, to compute a group's lag. */
  groupLag(groupId: string, topic: string): Promise<PartitionLag[]>;
  close(): Promise<void>;
}

export interface PartitionLag {
  partition: number;
  /** Next offset the group will read (-1 when it never committed). */
  committedOffset: string;
  /** Offset the next published message will get. */
  endOffset: string;
  lag: number;
}

export class UnknownTopicError extends CodedError {
  constructor(readonly topic: string) {
    super(
      'UNKNOWN_TOPIC',
      `Topic ${topic} does not exist; provision it first (automatic topic creation is off)`,
    );
  }
}
