import { IsUUID } from 'class-validator';
import { plain } from '../../../http/plain-json';
import { streamIds } from '../../../knowledge-base.context';
import type { CommandMessage } from '../../../messaging/message-dispatch';
import { performanceReportId } from '../../domain/performance-report.id';
import { FileReportDto } from '../performance-report.request.dto';
import { FileReportCommand } from './file-report.command';

export class FileReportMessageDto extends FileReportDto {
  @IsUUID('4')
  institutionId!: string;
}

/** `FilePerformanceReport` on sfp.knowledge-base.commands: the HTTP body and the institution's id. */
export const fileReportMessage: CommandMessage<FileReportMessageDto> = {
  type: 'FilePerformanceReport',
  dto: FileReportMessageDto,
  command: (dto) => {
    const filing = plain(dto);
    const reportId = performanceReportId(filing.institutionId, filing.period);
    return {
      streamId: streamIds.performanceReport(reportId),
      command: (context) => new FileReportCommand(filing, context),
    };
  },
};
