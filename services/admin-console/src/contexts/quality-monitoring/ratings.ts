// A reviewer's ratings as a form holds them (text, as typed) and as the API
// takes them (CriterionRating[]): one row per criterion of the review's policy.
import type { CriterionRating, ReviewPolicy } from '@sfp/contracts';

export interface RatingRow {
  rating: string;
  comment: string;
}

export type RatingRows = Record<string, RatingRow>;

/** The rows of a policy's criteria, filled from ratings saved before (a draft, a review). */
export function ratingRowsOf(
  policy: Pick<ReviewPolicy, 'criteria'>,
  saved: readonly CriterionRating[] = [],
): RatingRows {
  const rows: RatingRows = {};
  for (const { criterion } of policy.criteria) {
    const found = saved.find((r) => r.criterion === criterion);
    rows[criterion] = {
      rating: found ? String(found.rating) : '',
      comment: found?.comment ?? '',
    };
  }
  return rows;
}

/** The rated criteria, in the policy's order (a criterion not rated yet is left out). */
export function ratingsOf(
  policy: Pick<ReviewPolicy, 'criteria'>,
  rows: RatingRows,
): CriterionRating[] {
  return policy.criteria.flatMap(({ criterion }) => {
    const row = rows[criterion];
    if (!row || row.rating === '') return [];
    const comment = row.comment.trim();
    return [{ criterion, rating: Number(row.rating), ...(comment ? { comment } : {}) }];
  });
}

/** The scale's ratings as choices: 1, 2, … 5. */
export function scaleOf(policy: Pick<ReviewPolicy, 'scale'>): string[] {
  const choices: string[] = [];
  for (let r = policy.scale.min; r <= policy.scale.max; r++) choices.push(String(r));
  return choices;
}

/** A criterion's weight as its share of the checklist: 15 of 100 → 0.15. */
export function weightShare(policy: Pick<ReviewPolicy, 'criteria'>, weight: number): number {
  const total = policy.criteria.reduce((sum, c) => sum + c.weight, 0);
  return total > 0 ? weight / total : 0;
}
