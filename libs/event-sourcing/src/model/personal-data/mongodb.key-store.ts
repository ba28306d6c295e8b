import type { Collection, Connection } from 'mongoose';
import {
  assertSubjectId,
  generateSubjectKey,
  type KeyStore,
  type SubjectKey,
} from './key-store.port';

export interface MongoKeyStoreOptions {
  connection: Connection;
  /** Default `subject_keys`. */
  collection?: string;
}

interface KeyDocument {
  _id: string;
  keyId: string;
  /** Base64 of the 32-byte key. */
  key: string;
  createdAt: string;
}

const DUPLICATE_KEY = 11000;
const DURABLE = { writeConcern: { w: 'majority' as const, j: true } };

/**
 * Keys in a MongoDB collection, one document per subject (`_id` = subject id), so
 * the `_id` index decides between concurrent creators: the loser reads the winner's
 * key. Writes wait for the journal (a lost key is data lost). Works on FerretDB v1:
 * no transactions, no special keys.
 */
export class MongoKeyStore implements KeyStore {
  private readonly keys: Collection<KeyDocument>;

  constructor(options: MongoKeyStoreOptions) {
    this.keys = options.connection.collection<KeyDocument>(options.collection ?? 'subject_keys');
  }

  async getOrCreateKey(subjectId: string): Promise<SubjectKey> {
    const existing = await this.getKey(subjectId);
    if (existing) return existing;
    const candidate = generateSubjectKey(subjectId);
    try {
      await this.keys.insertOne(
        {
          _id: subjectId,
          keyId: candidate.keyId,
          key: candidate.key.toString('base64'),
          createdAt: new Date().toISOString(),
        },
        DURABLE,
      );
      return candidate;
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      const winner = await this.getKey(subjectId);
      if (!winner)
        throw new Error(`Key of subject ${subjectId} vanished while it was being created`);
      return winner;
    }
  }

  async getKey(subjectId: string): Promise<SubjectKey | undefined> {
    assertSubjectId(subjectId);
    const document = await this.keys.findOne({ _id: subjectId });
    return document
      ? { subjectId, keyId: document.keyId, key: Buffer.from(document.key, 'base64') }
      : undefined;
  }

  async erase(subjectId: string): Promise<boolean> {
    assertSubjectId(subjectId);
    const result = await this.keys.deleteOne({ _id: subjectId }, DURABLE);
    return result.deletedCount > 0;
  }

  async close(): Promise<void> {
    // The connection belongs to the caller.
  }
}
