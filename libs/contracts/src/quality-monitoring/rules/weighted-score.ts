import type { ReviewCriterion } from '../reference-data';
import type { CriterionRating } from '../proposal';
import type { ReviewPolicy } from '../review-policy';

/** Scores are kept to one decimal: what is stored is what people see. */
export const roundScore = (score: number): number => Math.round(score * 10) / 10;

/** The rating of each criterion (the last one given wins). */
function ratingsByCriterion(ratings: readonly CriterionRating[]): Map<string, number> {
  return new Map(ratings.map((r) => [r.criterion, r.rating]));
}

/**
 * The weighted score of a set of ratings, 0–100 (one decimal):
 * Σ wᵢ·(rᵢ − min)/(max − min) / Σ wᵢ · 100 over the policy's criteria; a
 * rating outside the scale counts as its nearest end. Undefined until every
 * criterion of the policy is rated; ratings of other criteria are ignored.
 */
export function weightedScore(
  policy: Pick<ReviewPolicy, 'scale' | 'criteria'>,
  ratings: readonly CriterionRating[],
): number | undefined {
  const given = ratingsByCriterion(ratings);
  const { min, max } = policy.scale;
  let weighted = 0;
  let weights = 0;
  for (const { criterion, weight } of policy.criteria) {
    const rating = given.get(criterion);
    if (rating === undefined || !Number.isFinite(rating)) return undefined;
    const clamped = Math.min(max, Math.max(min, rating));
    weighted += weight * ((clamped - min) / (max - min));
    weights += weight;
  }
  if (weights <= 0) return undefined;
  return roundScore((weighted / weights) * 100);
}

/**
 * The criteria (in the policy's order) on which two reviewers' ratings are
 * further apart than the policy's reconciliation tolerance. A criterion one
 * of them has not rated does not diverge.
 */
export function divergentCriteria(
  policy: Pick<ReviewPolicy, 'criteria' | 'reconciliationTolerance'>,
  a: readonly CriterionRating[],
  b: readonly CriterionRating[],
): ReviewCriterion[] {
  const left = ratingsByCriterion(a);
  const right = ratingsByCriterion(b);
  return policy.criteria
    .map((c) => c.criterion)
    .filter((criterion) => {
      const x = left.get(criterion);
      const y = right.get(criterion);
      return x !== undefined && y !== undefined && Math.abs(x - y) > policy.reconciliationTolerance;
    });
}

/** The criteria of the policy that the ratings leave unrated (in the policy's order). */
export function unratedCriteria(
  policy: Pick<ReviewPolicy, 'criteria'>,
  ratings: readonly CriterionRating[],
): ReviewCriterion[] {
  const given = ratingsByCriterion(ratings);
  return policy.criteria.map((c) => c.criterion).filter((criterion) => !given.has(criterion));
}
