import type { ReportPeriod } from './performance-inputs';

/** One report per institution and period: its id says which (`<institutionId>_<start>_<end>`). */
export function performanceReportId(institutionId: string, period: ReportPeriod): string {
  return `${institutionId}_${period.start}_${period.end}`;
}
