import { requestCommand } from '../service-request.command-routes';
import { AssignRequestDto } from './assign-request.request.dto';

/** Assignment to the staff member who will handle the request. POST /service-requests/:id/assign */
export const assignRequest = requestCommand({
  action: 'assign',
  summary: 'Assign the request to the staff member who will handle it.',
  done: 'Assigned to the staff member',
  dto: AssignRequestDto,
  command: (dto) => ({ type: 'AssignServiceRequest', assignee: dto.assignee }),
});
