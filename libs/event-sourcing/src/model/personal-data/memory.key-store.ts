import {
  assertSubjectId,
  generateSubjectKey,
  type KeyStore,
  type SubjectKey,
} from './key-store.port';

/** Keys in a Map: for unit tests and throw-away processes. */
export class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, SubjectKey>();

  async getOrCreateKey(subjectId: string): Promise<SubjectKey> {
    assertSubjectId(subjectId);
    let key = this.keys.get(subjectId);
    if (!key) {
      key = generateSubjectKey(subjectId);
      this.keys.set(subjectId, key);
    }
    return copy(key);
  }

  async getKey(subjectId: string): Promise<SubjectKey | undefined> {
    assertSubjectId(subjectId);
    const key = this.keys.get(subjectId);
    return key && copy(key);
  }

  async erase(subjectId: string): Promise<boolean> {
    assertSubjectId(subjectId);
    const key = this.keys.get(subjectId);
    if (key) key.key.fill(0);
    return this.keys.delete(subjectId);
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}

function copy(key: SubjectKey): SubjectKey {
  return { subjectId: key.subjectId, keyId: key.keyId, key: Buffer.from(key.key) };
}
