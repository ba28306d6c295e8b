import { Text } from '@sfp/service-kit/body-fields';

export class AbandonResearchProjectDto {
  @Text(1, 1000, { example: 'The partner bank withdrew the product after the first season' })
  reason!: string;
}
