import { OptionalText } from '@sfp/service-kit/body-fields';

export class ApproveResearchProjectDto {
  @OptionalText(1, 2000, { example: 'Approved by the research committee on 3 February 2025' })
  note?: string;
}
