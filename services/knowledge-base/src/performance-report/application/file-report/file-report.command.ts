import { KnowledgeBaseCommand } from '../../../application/knowledge-base-command';
import type { ReportPeriod } from '../../domain/performance-inputs';
import type { ReportFigures } from '../report-command.handler';

/**
 * Files an institution's report for a period (once: a correction is a
 * restatement). `checkOnly`: decided but not recorded (an import's check).
 */
export class FileReportCommand extends KnowledgeBaseCommand<
  ReportFigures & { institutionId: string; period: ReportPeriod; checkOnly?: boolean }
> {}
