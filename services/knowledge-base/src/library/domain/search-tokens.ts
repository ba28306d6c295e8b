/** Words too common to search by (English, French, Spanish). */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has in is it of on or the to with ' +
    'au aux de des du en et la le les par pour sur un une ' +
    'al con del el en las los para por un una y'
  ).split(' '),
);

/**
 * The search tokens of a text: lower case, accents removed, split on anything
 * that is not a letter or digit, stop words and one-letter words dropped,
 * each token once, in order of first appearance.
 */
export function searchTokens(text: string): string[] {
  const normalised = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const seen = new Set<string>();
  for (const word of normalised.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || word.length > 64 || STOP_WORDS.has(word)) continue;
    seen.add(word);
  }
  return [...seen];
}

/** Weights of where a token was found: a title match counts most. */
export const FIELD_WEIGHTS = { title: 3, tags: 2, summary: 1 } as const;

/** Each token of an entry with its weight (the best of the fields it appears in). */
export function weightedTokens(entry: {
  title: string;
  summary: string;
  tags: readonly string[];
}): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const token of searchTokens(text))
      weights.set(token, Math.max(weights.get(token) ?? 0, weight));
  };
  add(entry.summary, FIELD_WEIGHTS.summary);
  add(entry.tags.join(' '), FIELD_WEIGHTS.tags);
  add(entry.title, FIELD_WEIGHTS.title);
  return weights;
}
