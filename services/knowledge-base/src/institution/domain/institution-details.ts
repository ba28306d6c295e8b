import type { InstitutionKind, LegalType, Region } from '../../shared/domain/reference-data';

/** What an institution is registered with, and what each of its reports records of it. */
export interface InstitutionDetails {
  name: string;
  kind: InstitutionKind;
  legalType: LegalType;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region: Region;
  /** Programmes of the organisation the institution takes part in. */
  programmes: string[];
  /** The department or regional office that reports on it; its integration clients may file its reports. */
  reportingDepartment?: string;
}

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
