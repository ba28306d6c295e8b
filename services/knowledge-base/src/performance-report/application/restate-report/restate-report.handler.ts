import { CommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../application/knowledge-base-command';
import { PerformanceReportNotFoundError } from '../../domain/performance-report.errors';
import { performanceReportStream } from '../performance-report.stream';
import { ReportCommandHandler } from '../report-command.handler';
import { RestateReportCommand } from './restate-report.command';

@CommandHandler(RestateReportCommand)
export class RestateReportHandler extends ReportCommandHandler<RestateReportCommand> {
  async execute({ request, context }: RestateReportCommand): Promise<CommandResult> {
    const stream = performanceReportStream(request.reportId);
    const { state: filed } = await this.commands.load(stream.streamId, stream.decider);
    if (filed.status === 'none') throw new PerformanceReportNotFoundError(request.reportId);
    return this.run(stream, context, async (timed) => ({
      type: 'RestatePerformanceReport' as const,
      reason: request.reason,
      ...(await this.decisionInputs(
        filed,
        request,
        context,
        () => new PerformanceReportNotFoundError(request.reportId),
      )),
      ...timed,
    }));
  }
}
