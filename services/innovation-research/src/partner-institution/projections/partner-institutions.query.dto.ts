import { OptionalText } from '@sfp/service-kit/body-fields';
import { CountryFilter, PagedQueryDto } from '@sfp/service-kit/query-fields';

/** GET /partner-institutions: by the start of the name, and country. */
export class PartnerInstitutionListQueryDto extends PagedQueryDto {
  @OptionalText(1, 200, { description: 'The start of the name', example: 'Caisse' })
  q?: string;

  @CountryFilter()
  country?: string;
}
