import { contextTopics } from '@sfp/messaging';

export const REPORTING_CONTEXT = 'reporting';

/** Where reporting puts the public events it could not use (with the reason in headers). */
export const REPORTING_DEAD_LETTER_TOPIC = contextTopics(REPORTING_CONTEXT).dlq;

/** HTTP status of each error code of reporting (INVALID_QUERY, UNKNOWN_PROJECTION, REBUILD_IN_PROGRESS are common). */
export const REPORTING_ERROR_STATUSES: Record<string, number> = {
  INVALID_QUERY: 400,
  INVALID_PERIOD: 400,
  UNKNOWN_VIEW: 404,
  UNKNOWN_PROJECTION_SOURCE: 404,
  QUERY_TOO_BROAD: 422,
  UNKNOWN_REPORT_TABLE: 404,
  REPORT_SUBMISSION_NOT_FOUND: 404,
  QUERY_TIMEOUT: 503,
};
