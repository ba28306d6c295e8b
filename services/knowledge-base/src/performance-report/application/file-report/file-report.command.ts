import { KnowledgeBaseCommand } from '../../../application/knowledge-base-command';
import type { ReportPeriod } from '../../domain/performance-inputs';
import type { ReportFigures } from '../report-command.handler';

/** Files an institution's report for a period (once: a correction is a restatement). */
export class FileReportCommand extends KnowledgeBaseCommand<
  ReportFigures & { institutionId: string; period: ReportPeriod }
> {}
