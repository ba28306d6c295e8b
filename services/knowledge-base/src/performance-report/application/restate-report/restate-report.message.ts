import { Matches } from 'class-validator';
import { plain } from '../../../http/plain-json';
import { streamIds } from '../../../knowledge-base.context';
import type { CommandMessage } from '../../../messaging/message-dispatch';
import { RestateReportDto } from '../performance-report.request.dto';
import { RestateReportCommand } from './restate-report.command';

export class RestateReportMessageDto extends RestateReportDto {
  @Matches(/^[0-9a-f-]{36}_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/, {
    message: 'reportId must be <institutionId>_<start>_<end>',
  })
  reportId!: string;
}

/** `RestatePerformanceReport` on sfp.knowledge-base.commands: the HTTP body and the report's id. */
export const restateReportMessage: CommandMessage<RestateReportMessageDto> = {
  type: 'RestatePerformanceReport',
  dto: RestateReportMessageDto,
  command: (dto) => ({
    streamId: streamIds.performanceReport(dto.reportId),
    command: (context) => new RestateReportCommand(plain(dto), context),
  }),
};
