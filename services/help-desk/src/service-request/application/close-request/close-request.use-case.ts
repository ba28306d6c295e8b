import { requestCommand } from '../service-request.command-routes';

/** Closing a resolved request. POST /service-requests/:id/close */
export const closeRequest = requestCommand({
  action: 'close',
  summary: 'Close a resolved request.',
  done: 'Closed',
  command: () => ({ type: 'CloseServiceRequest' }),
});
