import type { ProjectionReadModel, ReadModelFilter } from '@sfp/projections';
import { searchTokens } from '../domain/search-tokens';
import {
  entryKeyOf,
  type LibraryDoc,
  type LibraryEntryDoc,
  type LibraryKind,
  type LibraryTokenDoc,
} from './library.projection';

/** Postings read per query word at most (a word in more entries than this is not selective anyway). */
const MAX_POSTINGS = 5_000;
const MAX_RESULTS = 100;
const PAGE = 1_000;

export interface SearchHit {
  score: number;
  entry: LibraryEntryDoc;
}

/**
 * Finds the entries that hold every word of the query (the last word also as
 * a prefix, for search-as-you-type), scored by the sum of each word's weight
 * in the entry. Uses only equality, `in` and range filters on the indexed
 * `token` field, so it runs the same on SQLite and MongoDB/FerretDB. The
 * number of queries does not grow with the answer: one for the whole words,
 * one for the prefix, and one per few hundred entries shown. (FerretDB v1
 * scans a collection for any filter but an `_id` lookup, so a search that
 * looked up each word and then each entry on its own took minutes there.)
 */
export async function searchLibrary(
  model: ProjectionReadModel<LibraryDoc>,
  query: string,
  kind?: LibraryKind,
): Promise<SearchHit[]> {
  const words = searchTokens(query);
  if (words.length === 0) return [];
  const last = words[words.length - 1] ?? '';
  const prefix = last.length >= 3 ? last : undefined;
  const whole = [...new Set(prefix ? words.slice(0, -1) : words)];
  const postings: Map<string, number>[] = [];
  if (whole.length > 0) {
    const byWord = await readPostings(
      model,
      { docType: 'token', token: whole.length === 1 ? whole[0] : { in: whole } },
      whole.length,
      (token) => token,
    );
    for (const word of whole) postings.push(byWord.get(word) ?? new Map());
  }
  if (prefix) {
    const byWord = await readPostings(
      model,
      { docType: 'token', token: { gte: prefix, lt: `${prefix}\uffff` } },
      1,
      () => prefix,
    );
    postings.push(byWord.get(prefix) ?? new Map());
  }
  const scores = intersect(postings, kind ? entryKeyOf(kind, '') : '');
  const ranked = [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_RESULTS);
  const entries = await model.getMany(ranked.map(([key]) => key));
  const hits: SearchHit[] = [];
  for (const [key, score] of ranked) {
    const entry = entries.get(key) as LibraryEntryDoc | undefined;
    if (entry) hits.push({ score, entry });
  }
  return hits;
}

/**
 * The postings of the token documents matching `filter`, grouped by
 * `wordOf(token)`: entry key → best weight of the word (or of the words
 * starting with it) in that entry.
 */
async function readPostings(
  model: ProjectionReadModel<LibraryDoc>,
  filter: ReadModelFilter,
  words: number,
  wordOf: (token: string) => string,
): Promise<Map<string, Map<string, number>>> {
  const byWord = new Map<string, Map<string, number>>();
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = await model.find({ filter, limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const { data } of page.items) {
      const token = data as LibraryTokenDoc;
      const word = wordOf(token.token);
      const postings = byWord.get(word) ?? new Map<string, number>();
      byWord.set(word, postings);
      postings.set(token.entryKey, Math.max(postings.get(token.entryKey) ?? 0, token.weight));
    }
    seen += page.items.length;
    cursor = seen < MAX_POSTINGS * words ? page.nextCursor : undefined;
  } while (cursor);
  return byWord;
}

/** The entries (of keys starting with `keyPrefix`) in every word's postings, with the sum of their weights. */
function intersect(postings: Map<string, number>[], keyPrefix: string): Map<string, number> {
  const [first, ...rest] = [...postings].sort((a, b) => a.size - b.size);
  const scores = new Map<string, number>();
  if (!first) return scores;
  for (const [key, weight] of first) {
    if (!key.startsWith(keyPrefix)) continue;
    let score = weight;
    for (const other of rest) {
      const found = other.get(key);
      if (found === undefined) {
        score = -1;
        break;
      }
      score += found;
    }
    if (score >= 0) scores.set(key, score);
  }
  return scores;
}
