import { OPEN_REQUEST_STATUSES, type RequestCommandType, type RequestStatus } from '@sfp/contracts';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import { serviceRequestDecider } from './service-request.decider';
import {
  IllegalTransitionError,
  SatisfactionAlreadyRatedError,
  ReopenWindowClosedError,
  ServiceRequestAlreadySubmittedError,
  ServiceRequestNotFoundError,
  ServiceRequestRuleError,
} from './service-request.errors';
import {
  ServiceRequestAssigned,
  ServiceRequestCancelled,
  ServiceRequestCommented,
  ServiceRequestReferred,
  ServiceRequestReopened,
  ServiceRequestResolved,
  ServiceRequestSatisfactionRated,
  ServiceRequestSlaBreached,
  ServiceRequestSubmitted,
  type ServiceRequestEvent,
} from './service-request.events';
import {
  at,
  closed,
  commands,
  history,
  requestId,
  started,
  submit,
  submitted,
  triaged,
} from './testing/service-request.fixtures';

const spec = deciderSpec(serviceRequestDecider());

/** What the decider records for the fixtures' commands, on a request whose status allows them. */
const recorded = {
  assign: ServiceRequestAssigned.of({
    requestId,
    assignee: 'staff-9',
    assignedBy: 'op-1',
    assignedAt: at(2),
  }),
  refer: ServiceRequestReferred.of({
    requestId,
    target: 'internal-unit',
    referredTo: 'Cooperatives unit',
    reason: 'Their field',
    referredBy: 'staff-7',
    referredAt: at(3),
  }),
  resolve: ServiceRequestResolved.of({
    requestId,
    answer: 'Done',
    outputs: [],
    resolvedBy: 'staff-7',
    resolvedAt: at(4),
  }),
  /** Back in progress, due again 5 days later (high priority). */
  reopen: ServiceRequestReopened.of({
    requestId,
    reason: 'The answer missed the youth component',
    reopenedBy: 'person-1',
    reopenedAt: at(6),
    dueAt: at(11),
  }),
  cancel: ServiceRequestCancelled.of({
    requestId,
    cancelledBy: 'operator',
    reason: 'Duplicate',
    actorId: 'op-1',
    cancelledAt: at(2),
  }),
  comment: ServiceRequestCommented.of({
    requestId,
    commentId: 'c-1',
    text: 'Any news?',
    author: 'person-1',
    commentedAt: at(2),
    visibility: 'internal',
  }),
};
/** A request in progress (assigned to staff-7) handed to staff-9. */
const reassigned = ServiceRequestAssigned.of({
  ...recorded.assign.data,
  previousAssignee: 'staff-7',
});
const breach = (dueDay: number, detectedDay: number) =>
  ServiceRequestSlaBreached.of({
    requestId,
    dueAt: at(dueDay),
    priority: 'high',
    detectedAt: at(detectedDay),
  });

describe('service request decider', () => {
  describe('submission', () => {
    it('records a submitted request with its due date from the priority', () => {
      spec.given([]).when(submit).then([submitted]);
    });

    it('refuses a second submission of the same request', () => {
      spec.given([submitted]).when(submit).thenThrows(ServiceRequestAlreadySubmittedError);
    });

    it('requires the global initiative for a coordination request, and only for it', () => {
      spec
        .given([])
        .when({ ...submit, kind: 'global-initiative-coordination' })
        .thenThrows(ServiceRequestRuleError, (e) => expect(e.field).toBe('globalInitiative'));
      spec
        .given([])
        .when({ ...submit, globalInitiative: 'cgap' })
        .thenThrows(ServiceRequestRuleError);
      spec
        .given([])
        .when({ ...submit, kind: 'global-initiative-coordination', globalInitiative: 'cgap' })
        .then([
          ServiceRequestSubmitted.of({
            ...submitted.data,
            kind: 'global-initiative-coordination',
            globalInitiative: 'cgap',
          }),
        ]);
    });

    it('refuses repeated themes', () => {
      spec
        .given([])
        .when({ ...submit, themes: ['youth', 'youth'] })
        .thenThrows(ServiceRequestRuleError);
    });

    it('refuses any other command on a request that does not exist', () => {
      for (const command of Object.values(commands)) {
        spec.given([]).when(command).thenThrows(ServiceRequestNotFoundError);
      }
    });
  });

  describe('the lifecycle', () => {
    const steps: Array<[string, RequestStatus, RequestCommandType, ServiceRequestEvent[]]> = [
      [
        'triages a submitted request, recomputing the due date from the confirmed priority',
        'submitted',
        'TriageServiceRequest',
        [triaged],
      ],
      [
        'assigns a triaged request to a staff member',
        'triaged',
        'AssignServiceRequest',
        [recorded.assign],
      ],
      [
        'reassigns a request in progress, naming the previous assignee',
        'in-progress',
        'AssignServiceRequest',
        [reassigned],
      ],
      ['starts work on an assigned request', 'assigned', 'StartWorkOnServiceRequest', [started]],
      [
        'refers a request in progress, with the reason',
        'in-progress',
        'ReferServiceRequest',
        [recorded.refer],
      ],
      [
        'resolves a request in progress, with the answer',
        'in-progress',
        'ResolveServiceRequest',
        [recorded.resolve],
      ],
      [
        'resolves a referred request, with the answer',
        'referred',
        'ResolveServiceRequest',
        [recorded.resolve],
      ],
      ['closes a resolved request', 'resolved', 'CloseServiceRequest', [closed]],
      [
        'reopens a resolved request within the window, with a new due date, back in progress',
        'resolved',
        'ReopenServiceRequest',
        [recorded.reopen],
      ],
      [
        'reopens a closed request within the window',
        'closed',
        'ReopenServiceRequest',
        [recorded.reopen],
      ],
      ...OPEN_REQUEST_STATUSES.map(
        (status): [string, RequestStatus, RequestCommandType, ServiceRequestEvent[]] => [
          `cancels a request ${status}, by the requester or an operator`,
          status,
          'CancelServiceRequest',
          [recorded.cancel],
        ],
      ),
      ...[...OPEN_REQUEST_STATUSES, 'resolved' as const].map(
        (status): [string, RequestStatus, RequestCommandType, ServiceRequestEvent[]] => [
          `takes a comment on a request ${status} (until it is closed or cancelled)`,
          status,
          'CommentOnServiceRequest',
          [recorded.comment],
        ],
      ),
    ];

    it.each(steps)('%s', (_title, status, command, events) => {
      spec.given(history[status]).when(commands[command]).then(events);
    });

    it('keeps a reassigned request in progress', () => {
      spec
        .given([...history['in-progress'], reassigned])
        .when(commands.ReferServiceRequest)
        .then([recorded.refer]);
    });

    it('does nothing when assigning to the current assignee', () => {
      spec
        .given(history.assigned)
        .when({ ...commands.AssignServiceRequest, assignee: 'staff-7' })
        .thenNothingHappens();
    });

    it('resolves a reopened request again', () => {
      spec
        .given([...history.closed, recorded.reopen])
        .when(commands.ResolveServiceRequest)
        .then([recorded.resolve]);
    });

    it('refuses to reopen after the window (14 days by default)', () => {
      spec
        .given(history.resolved)
        .when({ ...commands.ReopenServiceRequest, at: at(4 + 14) })
        .then([
          ServiceRequestReopened.of({ ...recorded.reopen.data, reopenedAt: at(18), dueAt: at(23) }),
        ]);
      spec
        .given(history.resolved)
        .when({ ...commands.ReopenServiceRequest, at: at(4 + 14.001) })
        .thenThrows(ReopenWindowClosedError, (e) => expect(e.deadline).toBe(at(18)));
    });

    it('honours a configured reopen window', () => {
      deciderSpec(
        serviceRequestDecider({
          resolutionDays: { urgent: 1, high: 2, normal: 3, low: 4 },
          reopenWindowDays: 1,
        }),
      )
        .given(history.resolved)
        .when(commands.ReopenServiceRequest)
        .thenThrows(ReopenWindowClosedError);
    });
  });

  describe('SLA check', () => {
    const check = (days: number) => ({ type: 'CheckServiceRequestSla' as const, at: at(days) });

    it('records a breach once when an active request passes its due date', () => {
      spec
        .given(history.assigned)
        .when(check(5.5))
        .then([breach(5, 5.5)]);
      spec
        .given([...history.assigned, breach(5, 5.5)])
        .when(check(6))
        .thenNothingHappens();
    });

    it('records nothing before the due date, nor for resolved, closed or cancelled requests', () => {
      spec.given(history.assigned).when(check(4.9)).thenNothingHappens();
      spec.given(history.resolved).when(check(30)).thenNothingHappens();
      spec.given(history.closed).when(check(30)).thenNothingHappens();
      spec.given(history.cancelled).when(check(30)).thenNothingHappens();
    });

    it('measures a reopened request against its new due date', () => {
      spec
        .given([...history.resolved, recorded.reopen])
        .when(check(10))
        .thenNothingHappens();
      spec
        .given([...history.resolved, recorded.reopen])
        .when(check(12))
        .then([breach(11, 12)]);
    });
  });

  describe('replies to the requester and their satisfaction', () => {
    const reply = { ...commands.CommentOnServiceRequest, visibility: 'public' as const };

    it('records a public reply, an internal note by default, and a requester’s reply as public', () => {
      spec
        .given(history.assigned)
        .when(reply)
        .then([ServiceRequestCommented.of({ ...recorded.comment.data, visibility: 'public' })]);
      spec.given(history.assigned).when(commands.CommentOnServiceRequest).then([recorded.comment]);
      spec
        .given(history.assigned)
        .when({ ...commands.CommentOnServiceRequest, visibility: 'internal', fromRequester: true })
        .then([
          ServiceRequestCommented.of({
            ...recorded.comment.data,
            visibility: 'public',
            fromRequester: true,
          }),
        ]);
    });

    const rate = {
      type: 'RateServiceRequestSatisfaction' as const,
      rating: 4,
      comment: 'Quick and clear',
      at: at(6),
      by: 'requester',
    };
    const rated = ServiceRequestSatisfactionRated.of({
      requestId,
      rating: 4,
      comment: 'Quick and clear',
      ratedAt: at(6),
    });

    it('records the satisfaction once, after resolution only, rated 1 to 5', () => {
      spec.given(history.resolved).when(rate).then([rated]);
      spec.given(history.closed).when(rate).then([rated]);
      spec.given(history.assigned).when(rate).thenThrows(IllegalTransitionError);
      spec
        .given([...history.resolved, rated])
        .when(rate)
        .thenThrows(SatisfactionAlreadyRatedError);
      spec
        .given(history.resolved)
        .when({ ...rate, rating: 6 })
        .thenThrows(ServiceRequestRuleError, (e) => expect(e.field).toBe('rating'));
    });
  });
});
