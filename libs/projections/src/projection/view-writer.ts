/**
 * What a projection handler writes through. Every write is stamped with the
 * position of the event being applied and guarded by it: a document already
 * at that position or later is left alone, so replaying an event changes
 * nothing. Writes are buffered per batch and committed with the checkpoint.
 */
export interface ViewWriter<TDoc extends object> {
  /** The position of the event being applied. */
  readonly position: number;
  /** The document as the projection has built it so far (a copy), or undefined when absent or deleted. */
  get(id: string): Promise<TDoc | undefined>;
  /**
   * Replaces the whole document. The view keeps `data` as given until the
   * batch commits (no copy, for speed): build a new object per write, and do
   * not change it afterwards.
   */
  upsert(id: string, data: TDoc): Promise<void>;
  /** Merges top-level properties into the document (undefined removes one); nothing when it is absent. */
  patch(id: string, fields: Partial<TDoc>): Promise<void>;
  /** Reads, then writes what `change` returns (nothing when it returns undefined). For counters and lists. */
  update(id: string, change: (current: TDoc | undefined) => TDoc | undefined): Promise<void>;
  /** Deletes; the position is kept (a tombstone), so a replayed earlier event cannot bring it back. */
  delete(id: string): Promise<void>;
}
