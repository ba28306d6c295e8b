import type { CriterionRatingDto } from './criterion-rating.dto';
import { ratingsProperty } from './ratings-property';

export class RateCriteriaDto {
  @ratingsProperty(1, 'Some or all criteria, each once: the draft so far')
  ratings!: CriterionRatingDto[];
}
