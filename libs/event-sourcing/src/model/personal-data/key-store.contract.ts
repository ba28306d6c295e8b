import { contractSuite, uniqueIds } from '../../contract-fixture';
import type { ReopenableStoreFixture } from '../test-fixtures/store-contract.fixtures';
import type { KeyStore } from './key-store.port';

export type KeyStoreFixture = ReopenableStoreFixture<KeyStore>;

/**
 * The one contract every KeyStore adapter keeps. Run by
 * `key-store.contract-spec.ts` on memory, SQLite and MongoDB.
 */
export const describeKeyStoreContract = contractSuite<KeyStoreFixture>('KeyStore', (fixture) => {
  const store = () => fixture.current().store;
  const subject = uniqueIds('person');

  it('has no key for a subject it never saw', async () => {
    expect(await store().getKey(subject())).toBeUndefined();
  });

  it('creates a 256-bit key once and returns the same key afterwards', async () => {
    const id = subject();
    const created = await store().getOrCreateKey(id);
    expect(created.subjectId).toBe(id);
    expect(created.key).toBeInstanceOf(Buffer);
    expect(created.key).toHaveLength(32);
    expect(created.keyId).toEqual(expect.any(String));
    const again = await store().getOrCreateKey(id);
    const read = await store().getKey(id);
    for (const key of [again, read!]) {
      expect(key.keyId).toBe(created.keyId);
      expect(key.key.equals(created.key)).toBe(true);
    }
  });

  it('gives every subject its own key', async () => {
    const a = await store().getOrCreateKey(subject());
    const b = await store().getOrCreateKey(subject());
    expect(a.key.equals(b.key)).toBe(false);
    expect(a.keyId).not.toBe(b.keyId);
  });

  it('agrees on one key when callers race to create it, also across instances', async () => {
    const id = subject();
    const other = await fixture.current().reopen();
    try {
      const keys = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? store() : other).getOrCreateKey(id)),
      );
      expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
      expect(new Set(keys.map((k) => k.key.toString('hex'))).size).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('erases a key for good: gone, erasing again is harmless, a new key is another key', async () => {
    const id = subject();
    const keep = subject();
    const old = await store().getOrCreateKey(id);
    const kept = await store().getOrCreateKey(keep);
    expect(await store().erase(id)).toBe(true);
    expect(await store().getKey(id)).toBeUndefined();
    expect(await store().erase(id)).toBe(false);
    expect(await store().erase(subject())).toBe(false);
    expect((await store().getKey(keep))!.keyId).toBe(kept.keyId);
    const fresh = await store().getOrCreateKey(id);
    expect(fresh.keyId).not.toBe(old.keyId);
    expect(fresh.key.equals(old.key)).toBe(false);
  });

  it('keeps keys and erasures across a restart', async () => {
    const kept = subject();
    const erased = subject();
    const key = await store().getOrCreateKey(kept);
    await store().getOrCreateKey(erased);
    await store().erase(erased);
    const reopened = await fixture.current().reopen();
    try {
      expect((await reopened.getKey(kept))!.key.equals(key.key)).toBe(true);
      expect(await reopened.getKey(erased)).toBeUndefined();
    } finally {
      await reopened.close();
    }
  });

  it('takes any non-empty subject id, and refuses an empty one', async () => {
    for (const id of ['person.with.dots', '$dollar', 'naïve 名前 🎉', 'a/b\\c', ' spaced ']) {
      const key = await store().getOrCreateKey(id);
      expect((await store().getKey(id))!.keyId).toBe(key.keyId);
    }
    await expect(store().getOrCreateKey('')).rejects.toThrow(TypeError);
    await expect(store().getKey('')).rejects.toThrow(TypeError);
    await expect(store().erase('')).rejects.toThrow(TypeError);
  });

  it('hands out copies: changing a returned key changes nothing stored', async () => {
    const id = subject();
    const key = await store().getOrCreateKey(id);
    const original = Buffer.from(key.key);
    key.key.fill(0);
    expect((await store().getKey(id))!.key.equals(original)).toBe(true);
  });
});
