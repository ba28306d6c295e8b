import { OneOf } from '@sfp/service-kit/body-fields';
import { CANCELLED_BY, type CancelledBy } from '../../domain/service-request.reference-data';
import { RequestReasonDto } from '../reopen-request/reopen-request.request.dto';

export class CancelRequestDto extends RequestReasonDto {
  @OneOf(CANCELLED_BY)
  cancelledBy!: CancelledBy;
}
