import type { InstitutionDetails } from '@sfp/contracts';

/** What an institution is registered with, and what each of its reports records of it (@sfp/contracts). */
export type { InstitutionDetails } from '@sfp/contracts';

/** The details alone, out of a command, an event or a state; the reporting department only when there is one. */
export function institutionDetailsOf(source: InstitutionDetails): InstitutionDetails {
  return {
    name: source.name,
    kind: source.kind,
    legalType: source.legalType,
    country: source.country,
    region: source.region,
    programmes: source.programmes,
    ...(source.reportingDepartment ? { reportingDepartment: source.reportingDepartment } : {}),
  };
}
