import { CommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../application/knowledge-base-command';
import type { Timed } from '../../../application/knowledge-base-command.handler';
import { InstitutionNotFoundError } from '../../../institution/domain/institution.errors';
import { performanceReportId } from '../../domain/performance-report.id';
import { performanceReportStream } from '../performance-report.stream';
import { ReportCommandHandler } from '../report-command.handler';
import { FileReportCommand } from './file-report.command';

@CommandHandler(FileReportCommand)
export class FileReportHandler extends ReportCommandHandler<FileReportCommand> {
  async execute({ request, context }: FileReportCommand): Promise<CommandResult> {
    const { institutionId, period, checkOnly, ...figures } = request;
    const reportId = performanceReportId(institutionId, period);
    const stream = performanceReportStream(reportId);
    const filing = async (timed: Timed) => ({
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
    });
    return checkOnly ? this.check(stream, context, filing) : this.run(stream, context, filing);
  }
}
