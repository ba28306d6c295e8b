import { Text } from '@sfp/service-kit/body-fields';
import type { CriterionRatingDto } from '../rate-criteria/criterion-rating.dto';
import { ratingsProperty } from '../rate-criteria/ratings-property';

export class SubmitReviewDto {
  @ratingsProperty(1, 'Every criterion of the review’s policy, each once')
  ratings!: CriterionRatingDto[];

  @Text(3, 4000, {
    example: 'Sound channel and pricing; the partner’s portfolio quality is the main risk.',
  })
  summary!: string;
}
