import {
  isRequestCommandAllowed,
  REQUEST_COMMANDS,
  REQUEST_STATUSES,
  type RequestCommandType,
  type RequestStatus,
} from '@sfp/contracts';
import type { ServiceRequestCommand } from './service-request.commands';
import { serviceRequestDecider, type OpenedServiceRequest } from './service-request.decider';
import { IllegalTransitionError } from './service-request.errors';

/**
 * The decider refuses exactly what the contracts' transition table forbids
 * (libs/contracts), for every status and every command given on a request:
 * the actions the console offers are the ones the help desk accepts.
 */
const T0 = '2026-03-02T09:00:00.000Z';
const at = '2026-03-03T09:00:00.000Z'; // a day later: within the reopen window
const base = { at, by: 'staff-jkamau' };

/** A well-formed command of each type: only its status can refuse it. Fails to compile if the contracts name a command the help desk has not. */
const commands: { [C in RequestCommandType]: Extract<ServiceRequestCommand, { type: C }> } = {
  StartWorkOnServiceRequest: { type: 'StartWorkOnServiceRequest', ...base },
  ResolveServiceRequest: {
    type: 'ResolveServiceRequest',
    answer: 'The toolkit',
    outputs: [],
    ...base,
  },
  ReferServiceRequest: {
    type: 'ReferServiceRequest',
    target: 'external-body',
    referredTo: 'CGAP',
    reason: 'They hold the toolkit',
    ...base,
  },
  AssignServiceRequest: { type: 'AssignServiceRequest', assignee: 'staff-other', ...base },
  TriageServiceRequest: {
    type: 'TriageServiceRequest',
    kind: 'referral',
    themes: ['youth'],
    priority: 'high',
    ...base,
  },
  CloseServiceRequest: { type: 'CloseServiceRequest', ...base },
  ReopenServiceRequest: { type: 'ReopenServiceRequest', reason: 'Not answered', ...base },
  CancelServiceRequest: {
    type: 'CancelServiceRequest',
    cancelledBy: 'operator',
    reason: 'Duplicate',
    ...base,
  },
  CommentOnServiceRequest: {
    type: 'CommentOnServiceRequest',
    commentId: 'comment-1',
    text: 'Called the requester',
    ...base,
  },
};

function requestIn(status: RequestStatus): OpenedServiceRequest {
  return {
    status,
    requestId: 'service-request-1',
    kind: 'referral',
    priority: 'normal',
    submittedAt: T0,
    dueAt: '2026-03-12T09:00:00.000Z',
    assignee: 'staff-jkamau',
    resolvedAt: T0,
    slaBreached: false,
  };
}

const pairs = REQUEST_STATUSES.flatMap((status) =>
  REQUEST_COMMANDS.map((command) => [status, command] as const),
);

describe('service request transitions', () => {
  const decider = serviceRequestDecider();

  it.each(pairs)(
    'in status %s, %s is refused exactly when the contracts forbid it',
    (status, type) => {
      const decide = () => decider.decide(commands[type], requestIn(status));
      if (isRequestCommandAllowed(type, status)) {
        expect(decide).not.toThrow();
      } else {
        expect(decide).toThrow(IllegalTransitionError);
      }
    },
  );
});
