import { createHash, randomBytes } from 'node:crypto';
import type { AttachmentStorage } from './attachment-storage.port';

/** A storage under test, and how to open the same storage again (a restart). */
export interface AttachmentStorageFixture {
  storage: AttachmentStorage;
  reopen(): Promise<AttachmentStorage>;
  cleanup(): Promise<void>;
}

const hex = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/**
 * What every AttachmentStorage adapter does, run against each (file system,
 * MongoDB): one suite, so the embedded and the distributed help desk keep the
 * same files the same way.
 */
export function describeAttachmentStorageContract(
  name: string,
  open: () => Promise<AttachmentStorageFixture>,
): void {
  describe(`AttachmentStorage contract: ${name}`, () => {
    let fixture: AttachmentStorageFixture;
    let storage: AttachmentStorage;

    beforeEach(async () => {
      fixture = await open();
      storage = fixture.storage;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    it('keeps a content under its SHA-256 and gives the same bytes back, after a restart too', async () => {
      const content = Buffer.from('%PDF-1.7\nguarantee fund guidelines\n');
      const stored = await storage.put(content);
      expect(stored).toEqual({ sha256: hex(content), size: content.length });
      expect((await storage.get(stored.sha256))?.equals(content)).toBe(true);
      const again = await fixture.reopen();
      try {
        expect((await again.get(stored.sha256))?.equals(content)).toBe(true);
      } finally {
        await again.close();
      }
    });

    it('keeps a large binary content whole (more than one chunk), byte for byte', async () => {
      const content = randomBytes(1_100_000);
      const { sha256 } = await storage.put(content);
      const read = await storage.get(sha256);
      expect(read?.length).toBe(content.length);
      expect(read && hex(read)).toBe(sha256);
    });

    it('stores the same content twice as one, and answers the same key', async () => {
      const content = Buffer.from('the same annex');
      const first = await storage.put(content);
      const second = await storage.put(Buffer.from('the same annex'));
      expect(second).toEqual(first);
      expect(await storage.delete(first.sha256)).toBe(true);
      expect(await storage.get(first.sha256)).toBeUndefined();
    });

    it('answers undefined for a content it does not hold', async () => {
      expect(await storage.get(hex(Buffer.from('never stored')))).toBeUndefined();
    });

    it('removes a content: gone for readers, false when removed again, other contents kept', async () => {
      const kept = await storage.put(Buffer.from('kept'));
      const removed = await storage.put(Buffer.from('removed'));
      expect(await storage.delete(removed.sha256)).toBe(true);
      expect(await storage.get(removed.sha256)).toBeUndefined();
      expect(await storage.delete(removed.sha256)).toBe(false);
      expect((await storage.get(kept.sha256))?.toString()).toBe('kept');
    });

    it('stores it again after a removal', async () => {
      const content = Buffer.from('back again');
      const { sha256 } = await storage.put(content);
      await storage.delete(sha256);
      await storage.put(content);
      expect((await storage.get(sha256))?.toString()).toBe('back again');
    });

    it('refuses a key that is not a hex SHA-256 (no path can be passed as a key)', async () => {
      await expect(storage.get('../../etc/passwd')).rejects.toThrow(RangeError);
      await expect(storage.delete('ABC')).rejects.toThrow(RangeError);
    });
  });
}
