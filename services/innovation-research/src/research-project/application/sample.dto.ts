import { WholeNumber } from '@sfp/service-kit/body-fields';

/** The sample sizes of a survey round or a finding: treatment and comparison groups. */
export class SampleDto {
  @WholeNumber(1, 10_000_000, { example: 1200, description: 'Units in the treatment group' })
  treatment!: number;

  @WholeNumber(1, 10_000_000, { example: 1180, description: 'Units in the comparison group' })
  comparison!: number;
}
