import { OptionalText } from '@sfp/service-kit/body-fields';

export class CloseResearchProjectDto {
  @OptionalText(1, 2000, { example: 'Final report delivered to the donor' })
  note?: string;
}
