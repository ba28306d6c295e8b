import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FILLER = '.disk-filler';

/**
 * A data directory on a small file system of its own (a tmpfs mounted for the
 * test, so root or CAP_SYS_ADMIN is needed), which the test fills to the last
 * block and frees again while the platform runs: writes then fail with the
 * kernel's ENOSPC, as on a full disk.
 */
export class TmpfsDataDir {
  private constructor(
    private readonly root: string,
    readonly path: string,
  ) {}

  static async mount(sizeMb: number): Promise<TmpfsDataDir> {
    const root = await mkdtemp(join(tmpdir(), 'sfp-disk-full-'));
    const path = join(root, 'data');
    mkdirSync(path);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0755`, 'tmpfs', path], {
        stdio: 'pipe',
      });
    } catch (error) {
      await rm(root, { recursive: true, force: true });
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(
        `Could not mount a ${sizeMb} MB tmpfs on ${path} (${stderr ?? String(error)}): ` +
          'the disk-full scenario needs root with CAP_SYS_ADMIN (e.g. docker run --cap-add SYS_ADMIN)',
      );
    }
    return new TmpfsDataDir(root, path);
  }

  /** Bytes still free for files on the file system. */
  freeBytes(): number {
    const stats = statfsSync(this.path);
    return stats.bavail * stats.bsize;
  }

  /** Writes a filler file until the file system refuses a single byte more (ENOSPC); returns its size. */
  fill(): number {
    const fd = openSync(join(this.path, FILLER), 'a');
    let written = 0;
    try {
      for (let chunk = 1 << 20; chunk >= 1; ) {
        try {
          written += writeSync(fd, Buffer.alloc(chunk));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          chunk = chunk >> 1;
        }
      }
    } finally {
      closeSync(fd);
    }
    return written;
  }

  /** Deletes the filler: the space is back at once. */
  free(): void {
    rmSync(join(this.path, FILLER), { force: true });
  }

  /** Remounts the file system read-only (refused by the kernel while a process holds a file open for writing), or read-write again. */
  remount(mode: 'ro' | 'rw'): void {
    execFileSync('mount', ['-o', `remount,${mode}`, this.path], { stdio: 'pipe' });
  }

  /** Unmounts the file system (its files are gone) and deletes the directory. */
  async unmount(): Promise<void> {
    try {
      execFileSync('umount', [this.path], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', this.path], { stdio: 'pipe' });
    }
    await rm(this.root, { recursive: true, force: true });
  }
}
