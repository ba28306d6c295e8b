import type { ProjectionEngine } from '@sfp/projections';
import { MIN_POSITION_WAIT_MS, type Clock } from '@sfp/service-kit';
import { countryPosting, keysInAll, wordPosting } from './postings';
import { wordsOf } from './research-project.document';

/** Read your writes: waits until `projection` has applied `minPosition`. */
export async function waitFor(
  projections: ProjectionEngine,
  projection: string,
  minPosition: number | undefined,
): Promise<void> {
  if (minPosition === undefined) return;
  await projections.waitForPosition(projection, minPosition, MIN_POSITION_WAIT_MS);
}

/** Today, by the context's clock (YYYY-MM-DD). */
export const todayOf = (clock: Clock): string => clock().toISOString().slice(0, 10);

/**
 * The `id in …` restriction of a search by words and country, from the
 * postings in one `getMany`: undefined when neither is asked, [] when nothing
 * matches.
 */
export async function postingRestriction(
  projections: ProjectionEngine,
  projection: string,
  q: string | undefined,
  country: string | undefined,
): Promise<string[] | undefined> {
  const ids = [
    ...(q ? wordsOf(q).map(wordPosting) : []),
    ...(country ? [countryPosting(country)] : []),
  ];
  if (q && wordsOf(q).length === 0 && !country) return undefined;
  return keysInAll(projections.readModel<object>(projection), ids);
}
