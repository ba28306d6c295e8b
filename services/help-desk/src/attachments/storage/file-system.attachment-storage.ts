import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertSha256,
  sha256Of,
  type AttachmentStorage,
  type StoredContent,
} from './attachment-storage.port';

/**
 * Attachments as files under a folder (embedded mode: `<dataDir>/help-desk/attachments`),
 * `<first two hex digits>/<sha256>`. A file is written beside its place and
 * renamed into it, so a reader never sees half a file.
 */
export class FileSystemAttachmentStorage implements AttachmentStorage {
  constructor(private readonly dir: string) {}

  async put(content: Buffer): Promise<StoredContent> {
    const sha256 = sha256Of(content);
    const path = this.pathOf(sha256);
    if (!(await exists(path))) {
      await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
      const partial = `${path}.${randomUUID()}.partial`;
      try {
        await writeFile(partial, content, { flag: 'wx' });
        await rename(partial, path);
      } finally {
        await rm(partial, { force: true });
      }
    }
    return { sha256, size: content.length };
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(sha256: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(sha256));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async close(): Promise<void> {
    // Nothing held open.
  }

  private pathOf(sha256: string): string {
    assertSha256(sha256);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
