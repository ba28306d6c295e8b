import { KnowledgeBaseError, RecordNotFoundError } from '../../shared/domain/knowledge-base.errors';

export class PerformanceReportNotFoundError extends RecordNotFoundError {
  readonly code = 'PERFORMANCE_REPORT_NOT_FOUND';
  constructor(readonly reportId?: string) {
    super('performance report', reportId);
  }
}

/** A second report for the same institution and period: restate it instead (HTTP 409). */
export class PerformanceReportAlreadyFiledError extends KnowledgeBaseError {
  readonly code = 'PERFORMANCE_REPORT_ALREADY_FILED';
  constructor(readonly reportId: string) {
    super(
      `A report for this institution and period was already filed (${reportId}); restate it to correct it`,
    );
  }
}
