/**
 * Versions this process has seen stored for each stream. Each is the end of a
 * stored commit, so the stream's next commit can only start right after it: an
 * append expecting exactly that version needs no read first (the unique index
 * on (streamId, streamVersion) catches anyone who appended since). Another
 * process may have appended since, so an entry is a lower bound, never the
 * truth; it only ever grows. Bounded: the oldest entries are dropped.
 */
export class StreamVersionCache {
  private readonly versions = new Map<string, number>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): number | undefined {
    return this.versions.get(streamId);
  }

  observe(streamId: string, version: number): void {
    const known = this.versions.get(streamId);
    if (known !== undefined && known >= version) return;
    // Re-inserting moves the entry to the end of the Map's order (most recent).
    this.versions.delete(streamId);
    this.versions.set(streamId, version);
    if (this.versions.size > this.capacity) {
      const oldest = this.versions.keys().next().value;
      if (oldest !== undefined) this.versions.delete(oldest);
    }
  }
}
