import { REVIEW_CRITERIA, type CriterionRating, type ReviewCriterion } from '@sfp/contracts';
import { NumberIn, OneOf, OptionalText } from '@sfp/service-kit/body-fields';

/** One criterion rated on the review's scale (its policy's), with a comment. */
export class CriterionRatingDto {
  @OneOf(REVIEW_CRITERIA)
  criterion!: ReviewCriterion;

  @NumberIn(0, 100, {
    example: 4,
    description: 'On the scale of the review’s policy (version 1: 1 to 5); outside it a 400',
  })
  rating!: number;

  @OptionalText(1, 2000, {
    example: 'The partner’s PAR30 has fallen for three quarters; audited statements attached',
  })
  comment?: string;
}

export function criterionRatingsOf(ratings: CriterionRatingDto[]): CriterionRating[] {
  return ratings.map((r) => ({
    criterion: r.criterion,
    rating: r.rating,
    ...(r.comment ? { comment: r.comment } : {}),
  }));
}
