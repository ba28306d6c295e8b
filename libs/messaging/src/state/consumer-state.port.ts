/**
 * Durable state of the messaging runtime, kept beside each context's data:
 *  - checkpoints: how far a follower (the outbox relay) got in a stream of positions;
 *  - leases: which instance is the one active relay of a store;
 *  - processed messages: what a consumer group already applied (idempotency),
 *    with the outcome it produced, so a duplicate gets the same answer.
 */

export interface CheckpointStore {
  /** The saved position, or 0 when the follower never saved one. */
  load(name: string): Promise<number>;
  save(name: string, position: number): Promise<void>;
}

export interface LeaseStore {
  /**
   * Takes the lease `name` for `owner` until now + ttlMs when it is free,
   * expired, or already this owner's (a renewal). Returns whether `owner` holds it.
   */
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, if `owner` holds it. */
  release(name: string, owner: string): Promise<void>;
}

export interface ProcessedMessage {
  /** The outcome recorded when the message was handled (JSON), if any. */
  outcome?: unknown;
  processedAt: string;
}

export interface ProcessedMessageStore {
  find(groupId: string, messageId: string): Promise<ProcessedMessage | undefined>;
  /**
   * Records the message as handled. Returns false when it already was
   * (another instance got there first), in which case nothing changes.
   */
  record(groupId: string, messageId: string, outcome?: unknown): Promise<boolean>;
  /** The ids among `messageIds` this group already processed (one query where the adapter can). */
  findMany?(groupId: string, messageIds: readonly string[]): Promise<Set<string>>;
  /**
   * Records several as handled, without outcome, durably before it resolves
   * (one transaction or insert where the adapter can); ids already recorded stay as they are.
   */
  recordMany?(groupId: string, messageIds: readonly string[]): Promise<void>;
}

export interface ConsumerStateStores {
  checkpoints: CheckpointStore;
  leases: LeaseStore;
  processed: ProcessedMessageStore;
}
