import { OneOf } from '../../../http/field-decorators';
import { CANCELLED_BY, type CancelledBy } from '../../domain/service-request.reference-data';
import { RequestReasonDto } from '../reopen-request/reopen-request.request.dto';

export class CancelRequestDto extends RequestReasonDto {
  @OneOf(CANCELLED_BY)
  cancelledBy!: CancelledBy;
}
