import type { ProjectionEngine, ProjectionReadModel } from '../projection/projection.engine';
import type { ViewWriter } from '../projection/view-writer';

/**
 * A posting document: the keys of the documents that hold one word or one
 * value of a list field (id `word:<w>`, `country:<CC>`, …). A search reads
 * the postings of its words in one `getMany` and filters the documents by
 * `id in …`: a fixed number of queries, on `_id` only (FerretDB is fast there).
 */
export interface PostingDoc {
  docType: 'posting';
  keys: string[];
}

export const wordPosting = (word: string) => `word:${word}`;
export const countryPosting = (country: string) => `country:${country}`;

/** The words of a text, lower-cased, without accents or punctuation. */
export function wordsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 1),
    ),
  ];
}

/** Moves `key` from the postings it left to those it joined. */
export async function repost<TDoc extends object>(
  view: ViewWriter<TDoc>,
  key: string,
  before: readonly string[],
  after: readonly string[],
): Promise<void> {
  const left = before.filter((id) => !after.includes(id));
  const joined = after.filter((id) => !before.includes(id));
  for (const id of left) {
    await view.update(id, (current) => {
      const posting = current as unknown as PostingDoc | undefined;
      if (!posting) return undefined;
      return { docType: 'posting', keys: posting.keys.filter((k) => k !== key) } as unknown as TDoc;
    });
  }
  for (const id of joined) {
    await view.update(id, (current) => {
      const keys = (current as unknown as PostingDoc | undefined)?.keys ?? [];
      return {
        docType: 'posting',
        keys: keys.includes(key) ? keys : [...keys, key],
      } as unknown as TDoc;
    });
  }
}

/**
 * The keys holding every one of the posting ids (undefined: no restriction,
 * when there is none). One `getMany`.
 */
export async function keysInAll(
  readModel: ProjectionReadModel<object>,
  postingIds: readonly string[],
): Promise<string[] | undefined> {
  if (postingIds.length === 0) return undefined;
  const found = await readModel.getMany([...new Set(postingIds)]);
  let keys: string[] | undefined;
  for (const id of new Set(postingIds)) {
    const posting = found.get(id) as PostingDoc | undefined;
    const these = posting?.keys ?? [];
    keys = keys === undefined ? these : keys.filter((k) => these.includes(k));
  }
  return keys ?? [];
}

/**
 * The `id in …` restriction of a search by words and other postings (a
 * country, …), from the postings in one `getMany`: undefined when nothing is
 * asked, [] when nothing matches.
 */
export async function postingRestriction(
  projections: ProjectionEngine,
  projection: string,
  q: string | undefined,
  ...others: Array<string | undefined>
): Promise<string[] | undefined> {
  const asked = others.filter((p): p is string => p !== undefined);
  const ids = [...(q ? wordsOf(q).map(wordPosting) : []), ...asked];
  if (q && wordsOf(q).length === 0 && asked.length === 0) return undefined;
  return keysInAll(projections.readModel<object>(projection), ids);
}
