import type { ViewWriter } from '@sfp/projections';

interface Entry {
  position: number;
  /** null for a deleted document (its position kept, as the stores do). */
  data: object | null;
}

/**
 * A view held in memory, written through the same ViewWriter interface as the
 * stored read models and with the same guard: a write applies only to a
 * document at a lower position. "As of" replays fold a view's projection
 * handlers into one of these.
 */
export class MemoryView {
  private readonly docs = new Map<string, Entry>();

  get size(): number {
    return this.docs.size;
  }

  writer<TDoc extends object>(position: number): ViewWriter<TDoc> {
    const docs = this.docs;
    const current = (id: string): TDoc | undefined => {
      const data = docs.get(id)?.data;
      return data ? (structuredClone(data) as TDoc) : undefined;
    };
    const write = (id: string, data: object | null) => {
      const stored = docs.get(id);
      if (stored && stored.position >= position) return;
      docs.set(id, { position, data });
    };
    return {
      position,
      get: async (id) => current(id),
      upsert: async (id, data) => write(id, structuredClone(data)),
      patch: async (id, fields) => {
        const existing = current(id);
        if (!existing) return;
        const merged: Record<string, unknown> = { ...(existing as Record<string, unknown>) };
        for (const [key, value] of Object.entries(fields)) {
          if (value === undefined) delete merged[key];
          else merged[key] = value;
        }
        write(id, merged);
      },
      update: async (id, change) => {
        const next = change(current(id));
        if (next !== undefined) write(id, structuredClone(next));
      },
      delete: async (id) => write(id, null),
    };
  }

  /** The live documents (copies). */
  documents<TDoc>(): TDoc[] {
    const result: TDoc[] = [];
    for (const entry of this.docs.values())
      if (entry.data) result.push(structuredClone(entry.data) as TDoc);
    return result;
  }
}
