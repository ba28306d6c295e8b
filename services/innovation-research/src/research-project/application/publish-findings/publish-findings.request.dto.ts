import { OptionalText, Text } from '@sfp/service-kit/body-fields';

export class PublishResearchFindingsDto {
  @Text(10, 4000, {
    example:
      'Insured households cut children’s work by 1.8 hours a week after the 2025 drought; no effect on school enrolment.',
  })
  summary!: string;

  @OptionalText(1, 2000, {
    example: 'The comparison group’s sample size was misreported in version 1',
    description: 'Required for a correction (a publication after the first)',
  })
  correctionReason?: string;
}
