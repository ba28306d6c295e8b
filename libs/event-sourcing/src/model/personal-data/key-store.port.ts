import { randomBytes, randomUUID } from 'node:crypto';

/** A data subject's encryption key (AES-256: 32 bytes). */
export interface SubjectKey {
  subjectId: string;
  /** Identifies this key: a key created after an erasure has another id, so it never opens older data. */
  keyId: string;
  key: Buffer;
}

/**
 * Per-subject keys for crypto-shredding. Erasing a subject deletes its key, which
 * makes every value encrypted with it unreadable, wherever it was copied.
 *
 * Adapters must make `getOrCreateKey` durable before it returns (a lost key is lost
 * data) and agree under concurrency: two callers for one new subject get the same key.
 */
export interface KeyStore {
  /** The subject's key, created when it has none (also after an erasure: a new key, new keyId). */
  getOrCreateKey(subjectId: string): Promise<SubjectKey>;
  /** The subject's key, or undefined when it has none (never created, or erased). */
  getKey(subjectId: string): Promise<SubjectKey | undefined>;
  /** Deletes the subject's key. True when there was one; erasing twice is harmless. */
  erase(subjectId: string): Promise<boolean>;
  close(): Promise<void>;
}

export const KEY_BYTES = 32;

export function generateSubjectKey(subjectId: string): SubjectKey {
  return { subjectId, keyId: randomUUID(), key: randomBytes(KEY_BYTES) };
}

export function assertSubjectId(subjectId: string): void {
  if (typeof subjectId !== 'string' || subjectId.length === 0) {
    throw new TypeError('A data subject id must be a non-empty string');
  }
}
