import { requestCommand } from '../service-request.command-routes';

/** The assignee starts work on the request. POST /service-requests/:id/start */
export const startWork = requestCommand({
  action: 'start',
  summary: 'Start work on an assigned request.',
  done: 'Work started',
  command: () => ({ type: 'StartWorkOnServiceRequest' }),
});
