import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CANCELLED_BY, type CancelledBy } from '../../domain/service-request.reference-data';
import { RequestReasonDto } from '../reopen-request/reopen-request.request.dto';

export class CancelRequestDto extends RequestReasonDto {
  @ApiProperty({ enum: CANCELLED_BY })
  @IsIn(CANCELLED_BY)
  cancelledBy!: CancelledBy;
}
