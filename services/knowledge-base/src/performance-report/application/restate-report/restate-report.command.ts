import { KnowledgeBaseCommand } from '../../../application/knowledge-base-command';
import type { ReportFigures } from '../report-command.handler';

/** Restates a filed report: a new version of the same period, the earlier ones kept. */
export class RestateReportCommand extends KnowledgeBaseCommand<
  ReportFigures & { reportId: string; reason: string }
> {}
