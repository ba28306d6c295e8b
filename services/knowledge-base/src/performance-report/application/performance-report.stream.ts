import { streamIds } from '../../knowledge-base.context';
import { performanceReportDecider } from '../domain/performance-report.decider';

/** A report's stream (every version of one institution's report for one period) and its decider. */
export const performanceReportStream = (reportId: string) => ({
  id: reportId,
  streamId: streamIds.performanceReport(reportId),
  decider: performanceReportDecider,
});
