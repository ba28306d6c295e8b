import type { PartnerInstitutionEntry } from '@sfp/contracts';
import { defineProjection, type ReadModelFields } from '@sfp/projections';
import type { PartnerInstitutionNotedData } from '../domain/partner-institution.events';

export const RESEARCH_PARTNER_INSTITUTIONS_PROJECTION = 'research-partner-institutions';

export type PartnerInstitutionDoc = PartnerInstitutionEntry & { sortName: string };

const fields: ReadModelFields = { country: 'string', status: 'string', sortName: 'string' };

/** The institution after a noted event (a change of status keeps the name and country). */
export function evolvePartnerInstitution(
  current: PartnerInstitutionDoc | undefined,
  noted: PartnerInstitutionNotedData,
): PartnerInstitutionDoc {
  const name = noted.name ?? current?.name;
  const country = noted.country ?? current?.country;
  return {
    institutionId: noted.institutionId,
    ...(name ? { name } : {}),
    ...(country ? { country } : {}),
    status: noted.status,
    updatedAt: noted.sourceOccurredAt,
    sortName: (name ?? noted.institutionId).toLowerCase(),
  };
}

/** The knowledge-base institutions research knows, one document per institution. */
export const partnerInstitutionsProjection = defineProjection<PartnerInstitutionDoc>({
  name: RESEARCH_PARTNER_INSTITUTIONS_PROJECTION,
  version: 1,
  fields,
  handlers: {
    'innovation-research.PartnerInstitutionNoted': async (recorded, view) => {
      const noted = recorded.data as PartnerInstitutionNotedData;
      await view.update(noted.institutionId, (current) => evolvePartnerInstitution(current, noted));
    },
  },
});
