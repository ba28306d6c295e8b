import { CodedError } from '@sfp/event-sourcing';

export class ReportSubmissionNotFoundError extends CodedError {
  constructor(
    readonly period: string,
    readonly version: number,
  ) {
    super(
      'REPORT_SUBMISSION_NOT_FOUND',
      `The progress report ${period} has no submitted version ${version}`,
    );
  }
}

/** No table of the report has that id. */
export class UnknownReportTableError extends CodedError {
  readonly field = 'table';
  constructor(
    readonly table: string,
    known: readonly string[],
  ) {
    super(
      'UNKNOWN_REPORT_TABLE',
      `The progress report has no table ${JSON.stringify(table.slice(0, 100))}; its tables are: ${known.join(', ')}`,
    );
  }
}
