import { ORGANISATION_TYPE_MULTILATERAL } from './iati.codes';
import type { IatiReportingOrg } from './iati-activity.writer';

/**
 * The variables of the export's reporting organisation (optional, in the
 * context's settings; the defaults are the ILO's IATI identity):
 *   QUALITY_IATI_REPORTING_ORG_REF   an IATI organisation identifier (default XM-DAC-41302)
 *   QUALITY_IATI_REPORTING_ORG_NAME  its name (default International Labour Organization)
 *   QUALITY_IATI_REPORTING_ORG_TYPE  its OrganisationType code (default 40, multilateral)
 */
export interface IatiReportingOrgSettings {
  QUALITY_IATI_REPORTING_ORG_REF?: string;
  QUALITY_IATI_REPORTING_ORG_NAME?: string;
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
