import type { ProjectionReadModel } from '@sfp/projections';
import { searchTokens } from '../domain/search-tokens';
import type {
  LibraryDoc,
  LibraryEntryDoc,
  LibraryKind,
  LibraryTokenDoc,
} from './library.projection';

const MAX_POSTINGS = 5_000;
const MAX_RESULTS = 100;

export interface SearchHit {
  score: number;
  entry: LibraryEntryDoc;
}

/**
 * Finds the entries that hold every word of the query (the last word also as
 * a prefix, for search-as-you-type), scored by the sum of each word's weight
 * in the entry. Uses only equality and range filters on the indexed `token`
 * field, so it runs the same on SQLite and MongoDB/FerretDB.
 */
export async function searchLibrary(
  model: ProjectionReadModel<LibraryDoc>,
  query: string,
  kind?: LibraryKind,
): Promise<SearchHit[]> {
  const words = searchTokens(query);
  if (words.length === 0) return [];
  let scores: Map<string, number> | undefined;
  for (const [index, word] of words.entries()) {
    const prefix = index === words.length - 1 && word.length >= 3;
    const postings = await tokenPostings(model, word, prefix);
    const next = new Map<string, number>();
    for (const [entryKey, weight] of postings) {
      if (scores && !scores.has(entryKey)) continue;
      next.set(entryKey, (scores?.get(entryKey) ?? 0) + weight);
    }
    scores = next;
    if (scores.size === 0) return [];
  }
  const ranked = [...(scores ?? new Map<string, number>()).entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  const hits: SearchHit[] = [];
  for (const [key, score] of ranked) {
    if (hits.length >= MAX_RESULTS) break;
    const entry = (await model.get(key)) as LibraryEntryDoc | undefined;
    if (entry && (!kind || entry.kind === kind)) hits.push({ score, entry });
  }
  return hits;
}

/** Entry key → best weight of the word (or of words starting with it) in that entry. */
async function tokenPostings(
  model: ProjectionReadModel<LibraryDoc>,
  word: string,
  prefix: boolean,
): Promise<Map<string, number>> {
  const filter = prefix
    ? { docType: 'token', token: { gte: word, lt: `${word}\uffff` } }
    : { docType: 'token', token: word };
  const postings = new Map<string, number>();
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = await model.find({ filter, limit: 1_000, ...(cursor ? { cursor } : {}) });
    for (const { data } of page.items) {
      const token = data as LibraryTokenDoc;
      postings.set(token.entryKey, Math.max(postings.get(token.entryKey) ?? 0, token.weight));
    }
    seen += page.items.length;
    cursor = seen < MAX_POSTINGS ? page.nextCursor : undefined;
  } while (cursor);
  return postings;
}
