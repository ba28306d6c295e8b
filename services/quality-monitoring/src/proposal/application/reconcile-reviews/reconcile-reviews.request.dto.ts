import { Text } from '@sfp/service-kit/body-fields';
import type { CriterionRatingDto } from '../rate-criteria/criterion-rating.dto';
import { ratingsProperty } from '../rate-criteria/ratings-property';

export class ReconcileReviewsDto {
  @ratingsProperty(1, 'The agreed ratings: every criterion of the review’s policy, each once')
  ratings!: CriterionRatingDto[];

  @Text(3, 4000, {
    example: 'Agreed on 3 for partner appraisal after reading the 2025 audited statements',
  })
  note!: string;
}
