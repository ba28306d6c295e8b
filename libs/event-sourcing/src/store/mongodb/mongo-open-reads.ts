import type { mongo } from 'mongoose';
import type { CommitDocument } from './mongo-event-store.documents';

/**
 * A range read of commits (ordered by position) that a readAll left open where
 * it stopped at its limit, so that the next page continues it instead of
 * querying again.
 */
export interface OpenRead {
  cursor: mongo.FindCursor<unknown>;
  /** The commit the page ended in, when some of its events are still to return. */
  pending: CommitDocument | undefined;
}

/**
 * The open range reads of one store, keyed by the position the page ended at.
 * A catch-up reader (projection rebuild, outbox relay after a restart) reads
 * page after page from where the last one ended: on FerretDB v1 every query
 * loads and decodes the whole collection, so a new query per page made a
 * catch-up cost one collection scan per page; continuing the cursor costs one
 * scan per catch-up. Continuing is gap-safe: commits tile positions 1..M with
 * no hole, and any commit stored after the cursor opened starts after M.
 *
 * A read is taken by one caller at a time (take removes it). At most `max` are
 * kept; one unused for `idleMs` is closed (the server would time it out).
 */
export class OpenReads {
  private readonly reads = new Map<number, OpenRead & { keptAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly max = 4,
    private readonly idleMs = 30_000,
  ) {}

  /** The read that continues after `position`, if one is open; the caller owns it now. */
  take(position: number): OpenRead | undefined {
    this.closeIdle();
    const read = this.reads.get(position);
    if (read) this.reads.delete(position);
    return read;
  }

  /** Keeps a read to continue after `position`. */
  keep(position: number, read: OpenRead): void {
    const previous = this.reads.get(position);
    if (previous) void closeQuietly(previous.cursor);
    this.reads.delete(position);
    this.reads.set(position, { ...read, keptAt: this.now() });
    while (this.reads.size > this.max) {
      const [oldest, evicted] = this.reads.entries().next().value as [number, OpenRead];
      this.reads.delete(oldest);
      void closeQuietly(evicted.cursor);
    }
  }

  /** Closes every open read. */
  async closeAll(): Promise<void> {
    const reads = [...this.reads.values()];
    this.reads.clear();
    await Promise.all(reads.map((read) => closeQuietly(read.cursor)));
  }

  private closeIdle(): void {
    const now = this.now();
    for (const [position, read] of this.reads) {
      if (now - read.keptAt < this.idleMs) continue;
      this.reads.delete(position);
      void closeQuietly(read.cursor);
    }
  }
}

export async function closeQuietly(cursor: mongo.FindCursor<unknown>): Promise<void> {
  await cursor.close().catch(() => undefined);
}
