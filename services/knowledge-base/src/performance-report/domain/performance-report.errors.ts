import { recordExists, recordNotFound } from '../../shared/domain/knowledge-base.errors';

export class PerformanceReportNotFoundError extends recordNotFound(
  'PERFORMANCE_REPORT_NOT_FOUND',
  'performance report',
) {}

/** A second report for the same institution and period: restate it instead (HTTP 409). */
export class PerformanceReportAlreadyFiledError extends recordExists(
  'PERFORMANCE_REPORT_ALREADY_FILED',
  (reportId) =>
    `A report for this institution and period was already filed (${reportId}); restate it to correct it`,
) {}
