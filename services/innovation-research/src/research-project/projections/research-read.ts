import {
  countryPosting,
  postingRestriction as restrictionOf,
  type ProjectionEngine,
} from '@sfp/projections';
import { waitForMinPosition, type Clock } from '@sfp/service-kit';

/** Read your writes: waits until `projection` has applied `minPosition`. */
export const waitFor = waitForMinPosition;

/** Today, by the context's clock (YYYY-MM-DD). */
export const todayOf = (clock: Clock): string => clock().toISOString().slice(0, 10);

/**
 * The `id in …` restriction of a search by words and country, from the
 * postings in one `getMany`: undefined when neither is asked, [] when nothing
 * matches.
 */
export const postingRestriction = (
  projections: ProjectionEngine,
  projection: string,
  q: string | undefined,
  country: string | undefined,
): Promise<string[] | undefined> =>
  restrictionOf(projections, projection, q, country ? countryPosting(country) : undefined);
