import { createHash } from 'node:crypto';

/** DI token of the help desk's AttachmentStorage. */
export const ATTACHMENT_STORAGE = Symbol('help-desk.attachment-storage');

/**
 * Where the bytes of attachments live, outside the event log: by content,
 * keyed by their hex SHA-256 (the same file twice is stored once). The events
 * name a file by that hash; the storage knows nothing of requests.
 */
export interface AttachmentStorage {
  /** Stores the content (nothing more when it is already there); answers its key and size. */
  put(content: Buffer): Promise<StoredContent>;
  /** The content stored under the key, or undefined when there is none. */
  get(sha256: string): Promise<Buffer | undefined>;
  /** Removes the content; false when there was none. */
  delete(sha256: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoredContent {
  sha256: string;
  size: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The key of a content: its hex SHA-256. */
export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Refuses what is not a hex SHA-256 (no path or query can be smuggled in as a key). */
export function assertSha256(key: string): void {
  if (!SHA256_HEX.test(key)) throw new RangeError(`Not a hex SHA-256: "${key.slice(0, 80)}"`);
}
