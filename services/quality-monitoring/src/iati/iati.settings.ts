import { IsString, Matches, ValidateIf } from 'class-validator';
import { ORGANISATION_TYPE_MULTILATERAL } from './iati.codes';
import type { IatiReportingOrg } from './iati-activity.writer';

/** Checked when set and not blank (blank: the default). */
const WhenSet = () =>
  ValidateIf((_settings: object, value: unknown) => value !== undefined && value !== '');

/**
 * The variables of the export's reporting organisation, all optional (unset
 * or blank: the defaults, the ILO's IATI identity). The context's settings class
 * declares them by extending this one (or is this one); the export reads them
 * from CONTEXT_SETTINGS.
 */
export class IatiReportingOrgSettings {
  /** An IATI organisation identifier (default XM-DAC-41302). */
  @WhenSet()
  @IsString()
  @Matches(/^\S+$/, { message: 'must be an IATI organisation identifier, e.g. XM-DAC-41302' })
  QUALITY_IATI_REPORTING_ORG_REF?: string;

  /** Its name (default International Labour Organization). */
  @WhenSet()
  @IsString()
  QUALITY_IATI_REPORTING_ORG_NAME?: string;

  /** Its OrganisationType code (default 40, multilateral). */
  @WhenSet()
  @Matches(/^\d{2}$/, { message: 'must be an IATI OrganisationType code, e.g. 40' })
  QUALITY_IATI_REPORTING_ORG_TYPE?: string;
}

export const DEFAULT_REPORTING_ORG: IatiReportingOrg = {
  ref: 'XM-DAC-41302',
  name: 'International Labour Organization',
  type: ORGANISATION_TYPE_MULTILATERAL,
};

/** The reporting organisation of the export, from the settings or the defaults. */
export function reportingOrgOf(settings: IatiReportingOrgSettings | undefined): IatiReportingOrg {
  return {
    ref: settings?.QUALITY_IATI_REPORTING_ORG_REF?.trim() || DEFAULT_REPORTING_ORG.ref,
    name: settings?.QUALITY_IATI_REPORTING_ORG_NAME?.trim() || DEFAULT_REPORTING_ORG.name,
    type: settings?.QUALITY_IATI_REPORTING_ORG_TYPE?.trim() || DEFAULT_REPORTING_ORG.type,
  };
}
