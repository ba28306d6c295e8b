import type { ServiceRequestCommandBody } from '../service-requests';
import type { CommentDto } from './comment-on-request.request.dto';

/** The domain command of a validated comment, from HTTP or Kafka alike; the caller names the comment. */
export function commentCommandOf(dto: CommentDto, commentId: string): ServiceRequestCommandBody {
  return {
    type: 'CommentOnServiceRequest',
    commentId,
    text: dto.text,
    visibility: dto.visibility ?? 'internal',
  };
}
