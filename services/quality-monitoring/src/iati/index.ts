import { IatiExportController } from './iati-export.http.controller';
import { IatiImportController } from './iati-import.http.controller';

/**
 * The IATI routes, for the service's definition (`controllers`):
 * POST /iati/activities (an activity file read as a proposal) and
 * GET /proposals/:id/iati (an approved proposal as an activity file).
 */
export const IATI_CONTROLLERS = [IatiImportController, IatiExportController];

export { parseIatiActivity } from './iati-activity.parser';
export {
  writeIatiActivity,
  type IatiExportInput,
  type IatiReportingOrg,
} from './iati-activity.writer';
export type { IatiImport, ImportedProposal } from './iati-import';
export { IatiFileError } from './iati-file.error';
export { SFP_IATI_NAMESPACE } from './iati.codes';
export { IatiReportingOrgSettings, reportingOrgOf } from './iati.settings';
