import { CommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../application/knowledge-base-command';
import { InstitutionNotFoundError } from '../../../institution/domain/institution.errors';
import { performanceReportId } from '../../domain/performance-report.id';
import { performanceReportStream } from '../performance-report.stream';
import { ReportCommandHandler } from '../report-command.handler';
import { FileReportCommand } from './file-report.command';

@CommandHandler(FileReportCommand)
export class FileReportHandler extends ReportCommandHandler<FileReportCommand> {
  async execute({ request, context }: FileReportCommand): Promise<CommandResult> {
    const { institutionId, period, ...figures } = request;
    const reportId = performanceReportId(institutionId, period);
    return this.run(performanceReportStream(reportId), context, async (timed) => ({
      type: 'FilePerformanceReport' as const,
      reportId,
      period,
      ...(await this.decisionInputs(
        { institutionId, period },
        figures,
        context,
        () => new InstitutionNotFoundError(institutionId),
      )),
      ...timed,
    }));
  }
}
