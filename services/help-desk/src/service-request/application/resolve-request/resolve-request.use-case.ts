import { requestCommand } from '../service-request.command-routes';
import { ResolveRequestDto } from './resolve-request.request.dto';

/** Resolution: the answer given and the outputs sent. POST /service-requests/:id/resolve */
export const resolveRequest = requestCommand({
  action: 'resolve',
  summary: 'Resolve the request with the answer given and the outputs sent.',
  done: 'Resolved with an answer and its outputs',
  dto: ResolveRequestDto,
  command: (dto) => ({ type: 'ResolveServiceRequest', answer: dto.answer, outputs: dto.outputs }),
});
