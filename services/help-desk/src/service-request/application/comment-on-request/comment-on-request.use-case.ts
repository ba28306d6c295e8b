import { randomUUID } from 'node:crypto';
import { requestCommand } from '../service-request.command-routes';
import { commentCommandOf } from './comment-on-request.command';
import { CommentDto } from './comment-on-request.request.dto';

/** A comment on a request, by staff or by the department's system. POST /service-requests/:id/comments */
export const commentOnRequest = requestCommand({
  action: 'comments',
  summary: 'Comment on an open or resolved request.',
  done: 'Comment added to the request',
  dto: CommentDto,
  status: 201,
  command: (dto) => commentCommandOf(dto, randomUUID()),
});
