import { deciderSpec } from '@sfp/event-sourcing/testing';
import type { ServiceRequestCommand } from './service-request.commands';
import { serviceRequestDecider } from './service-request.decider';
import {
  IllegalTransitionError,
  ReopenWindowClosedError,
  ServiceRequestAlreadySubmittedError,
  ServiceRequestNotFoundError,
  ServiceRequestRuleError,
} from './service-request.errors';
import {
  ServiceRequestAssigned,
  ServiceRequestCancelled,
  ServiceRequestClosed,
  ServiceRequestCommented,
  ServiceRequestReferred,
  ServiceRequestReopened,
  ServiceRequestResolved,
  ServiceRequestSlaBreached,
  ServiceRequestSubmitted,
  ServiceRequestTriaged,
  ServiceRequestWorkStarted,
  type ServiceRequestEvent,
} from './service-request.events';

const spec = deciderSpec(serviceRequestDecider());
const id = 'service-request-0b6c3f0e-8a55-4d5e-9c1b-5f6a7e8d9c0a';
const T0 = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();

const requester = {
  personId: 'person-1',
  name: 'Amina Diallo',
  email: 'amina.diallo@example.org',
  origin: 'regional-office' as const,
  organisation: 'Regional Office for Africa',
};

const submit: ServiceRequestCommand = {
  type: 'SubmitServiceRequest',
  requestId: id,
  requester,
  title: 'Guidelines for a guarantee fund',
  description: 'How should the fund for youth entrepreneurs be managed?',
  kind: 'fund-instrument-guidelines',
  themes: ['youth', 'poverty'],
  region: 'africa',
  country: 'SN',
  priority: 'normal',
  at: T0,
  by: 'person-1',
};

const submitted = ServiceRequestSubmitted.of({
  requestId: id,
  requester,
  title: 'Guidelines for a guarantee fund',
  description: 'How should the fund for youth entrepreneurs be managed?',
  kind: 'fund-instrument-guidelines',
  themes: ['youth', 'poverty'],
  region: 'africa',
  country: 'SN',
  priority: 'normal',
  submittedAt: T0,
  dueAt: at(10),
});
const triaged = ServiceRequestTriaged.of({
  requestId: id,
  kind: 'fund-instrument-guidelines',
  themes: ['youth'],
  priority: 'high',
  dueAt: at(5),
  triagedBy: 'op-1',
  triagedAt: at(1),
});
const assigned = ServiceRequestAssigned.of({
  requestId: id,
  assignee: 'staff-7',
  assignedBy: 'op-1',
  assignedAt: at(1),
});
const started = ServiceRequestWorkStarted.of({
  requestId: id,
  startedBy: 'staff-7',
  startedAt: at(2),
});
const referred = ServiceRequestReferred.of({
  requestId: id,
  target: 'external-body',
  referredTo: 'CGAP',
  reason: 'They hold the guarantee-fund toolkit',
  referredBy: 'staff-7',
  referredAt: at(3),
});
const resolved = ServiceRequestResolved.of({
  requestId: id,
  answer: 'Guidelines sent',
  outputs: ['Guarantee fund guidelines, 2026 edition'],
  resolvedBy: 'staff-7',
  resolvedAt: at(4),
});
const closed = ServiceRequestClosed.of({ requestId: id, closedBy: 'op-1', closedAt: at(5) });
const cancelled = ServiceRequestCancelled.of({
  requestId: id,
  cancelledBy: 'requester',
  reason: 'No longer needed',
  actorId: 'person-1',
  cancelledAt: at(1),
});

const history: Record<string, ServiceRequestEvent[]> = {
  submitted: [submitted],
  triaged: [submitted, triaged],
  assigned: [submitted, triaged, assigned],
  'in-progress': [submitted, triaged, assigned, started],
  referred: [submitted, triaged, assigned, started, referred],
  resolved: [submitted, triaged, assigned, started, resolved],
  closed: [submitted, triaged, assigned, started, resolved, closed],
  cancelled: [submitted, cancelled],
};

const commands: Record<string, ServiceRequestCommand> = {
  triage: {
    type: 'TriageServiceRequest',
    kind: 'fund-instrument-guidelines',
    themes: ['youth'],
    priority: 'high',
    at: at(1),
    by: 'op-1',
  },
  assign: { type: 'AssignServiceRequest', assignee: 'staff-9', at: at(2), by: 'op-1' },
  start: { type: 'StartWorkOnServiceRequest', at: at(2), by: 'staff-7' },
  refer: {
    type: 'ReferServiceRequest',
    target: 'internal-unit',
    referredTo: 'Cooperatives unit',
    reason: 'Their field',
    at: at(3),
    by: 'staff-7',
  },
  resolve: { type: 'ResolveServiceRequest', answer: 'Done', outputs: [], at: at(4), by: 'staff-7' },
  close: { type: 'CloseServiceRequest', at: at(5), by: 'op-1' },
  reopen: {
    type: 'ReopenServiceRequest',
    reason: 'The answer missed the youth component',
    at: at(6),
    by: 'person-1',
  },
  cancel: {
    type: 'CancelServiceRequest',
    cancelledBy: 'operator',
    reason: 'Duplicate',
    at: at(2),
    by: 'op-1',
  },
  comment: {
    type: 'CommentOnServiceRequest',
    commentId: 'c-1',
    text: 'Any news?',
    at: at(2),
    by: 'person-1',
  },
};

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
        .when({ ...submit, kind: 'global-initiative-coordination' } as ServiceRequestCommand)
        .thenThrows(ServiceRequestRuleError, (e) => expect(e.field).toBe('globalInitiative'));
      spec
        .given([])
        .when({ ...submit, globalInitiative: 'cgap' } as ServiceRequestCommand)
        .thenThrows(ServiceRequestRuleError);
      spec
        .given([])
        .when({
          ...submit,
          kind: 'global-initiative-coordination',
          globalInitiative: 'cgap',
        } as ServiceRequestCommand)
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
        .when({ ...submit, themes: ['youth', 'youth'] } as ServiceRequestCommand)
        .thenThrows(ServiceRequestRuleError);
    });

    it('refuses any other command on a request that does not exist', () => {
      for (const command of Object.values(commands)) {
        spec.given([]).when(command).thenThrows(ServiceRequestNotFoundError);
      }
    });
  });

  describe('the lifecycle', () => {
    it('triages a submitted request, recomputing the due date from the confirmed priority', () => {
      spec.given(history['submitted']).when(commands['triage']!).then([triaged]);
    });

    it('assigns a triaged request to a staff member', () => {
      spec
        .given(history['triaged'])
        .when(commands['assign']!)
        .then([
          ServiceRequestAssigned.of({
            requestId: id,
            assignee: 'staff-9',
            assignedBy: 'op-1',
            assignedAt: at(2),
          }),
        ]);
    });

    it('reassigns, naming the previous assignee, and keeps work in progress', () => {
      spec
        .given(history['in-progress'])
        .when(commands['assign']!)
        .then([
          ServiceRequestAssigned.of({
            requestId: id,
            assignee: 'staff-9',
            previousAssignee: 'staff-7',
            assignedBy: 'op-1',
            assignedAt: at(2),
          }),
        ]);
      spec
        .given([
          ...history['in-progress']!,
          ServiceRequestAssigned.of({
            requestId: id,
            assignee: 'staff-9',
            previousAssignee: 'staff-7',
            assignedBy: 'op-1',
            assignedAt: at(2),
          }),
        ])
        .when(commands['refer']!)
        .then([
          ServiceRequestReferred.of({
            requestId: id,
            target: 'internal-unit',
            referredTo: 'Cooperatives unit',
            reason: 'Their field',
            referredBy: 'staff-7',
            referredAt: at(3),
          }),
        ]);
    });

    it('does nothing when assigning to the current assignee', () => {
      spec
        .given(history['assigned'])
        .when({ ...commands['assign']!, assignee: 'staff-7' } as ServiceRequestCommand)
        .thenNothingHappens();
    });

    it('starts work on an assigned request', () => {
      spec.given(history['assigned']).when(commands['start']!).then([started]);
    });

    it('refers a request in progress, with the reason', () => {
      spec
        .given(history['in-progress'])
        .when(commands['refer']!)
        .then([
          ServiceRequestReferred.of({
            requestId: id,
            target: 'internal-unit',
            referredTo: 'Cooperatives unit',
            reason: 'Their field',
            referredBy: 'staff-7',
            referredAt: at(3),
          }),
        ]);
    });

    it('resolves a request in progress or referred, with the answer', () => {
      const event = ServiceRequestResolved.of({
        requestId: id,
        answer: 'Done',
        outputs: [],
        resolvedBy: 'staff-7',
        resolvedAt: at(4),
      });
      spec.given(history['in-progress']).when(commands['resolve']!).then([event]);
      spec.given(history['referred']).when(commands['resolve']!).then([event]);
    });

    it('closes a resolved request', () => {
      spec.given(history['resolved']).when(commands['close']!).then([closed]);
    });

    it('reopens within the window after resolution, with a new due date, back in progress', () => {
      const reopened = ServiceRequestReopened.of({
        requestId: id,
        reason: 'The answer missed the youth component',
        reopenedBy: 'person-1',
        reopenedAt: at(6),
        dueAt: at(11),
      });
      spec.given(history['resolved']).when(commands['reopen']!).then([reopened]);
      spec.given(history['closed']).when(commands['reopen']!).then([reopened]);
      spec
        .given([...history['closed']!, reopened])
        .when(commands['resolve']!)
        .then([
          ServiceRequestResolved.of({
            requestId: id,
            answer: 'Done',
            outputs: [],
            resolvedBy: 'staff-7',
            resolvedAt: at(4),
          }),
        ]);
    });

    it('refuses to reopen after the window (14 days by default)', () => {
      spec
        .given(history['resolved'])
        .when({ ...commands['reopen']!, at: at(4 + 14) } as ServiceRequestCommand)
        .then([
          ServiceRequestReopened.of({
            requestId: id,
            reason: 'The answer missed the youth component',
            reopenedBy: 'person-1',
            reopenedAt: at(18),
            dueAt: at(23),
          }),
        ]);
      spec
        .given(history['resolved'])
        .when({ ...commands['reopen']!, at: at(4 + 14.001) } as ServiceRequestCommand)
        .thenThrows(ReopenWindowClosedError, (e) => expect(e.deadline).toBe(at(18)));
    });

    it('honours a configured reopen window', () => {
      deciderSpec(
        serviceRequestDecider({
          resolutionDays: { urgent: 1, high: 2, normal: 3, low: 4 },
          reopenWindowDays: 1,
        }),
      )
        .given(history['resolved'])
        .when(commands['reopen']!)
        .thenThrows(ReopenWindowClosedError);
    });

    it('cancels an active request, by the requester or an operator', () => {
      for (const status of ['submitted', 'triaged', 'assigned', 'in-progress', 'referred']) {
        spec
          .given(history[status])
          .when(commands['cancel']!)
          .then([
            ServiceRequestCancelled.of({
              requestId: id,
              cancelledBy: 'operator',
              reason: 'Duplicate',
              actorId: 'op-1',
              cancelledAt: at(2),
            }),
          ]);
      }
    });

    it('takes comments until the request is closed or cancelled', () => {
      const comment = ServiceRequestCommented.of({
        requestId: id,
        commentId: 'c-1',
        text: 'Any news?',
        author: 'person-1',
        commentedAt: at(2),
      });
      for (const status of [
        'submitted',
        'triaged',
        'assigned',
        'in-progress',
        'referred',
        'resolved',
      ]) {
        spec.given(history[status]).when(commands['comment']!).then([comment]);
      }
      spec.given(history['closed']).when(commands['comment']!).thenThrows(IllegalTransitionError);
      spec
        .given(history['cancelled'])
        .when(commands['comment']!)
        .thenThrows(IllegalTransitionError);
    });
  });

  describe('every refused transition', () => {
    const allowed: Record<string, string[]> = {
      triage: ['submitted', 'triaged'],
      assign: ['triaged', 'assigned', 'in-progress'],
      start: ['assigned'],
      refer: ['in-progress'],
      resolve: ['in-progress', 'referred'],
      close: ['resolved'],
      reopen: ['resolved', 'closed'],
      cancel: ['submitted', 'triaged', 'assigned', 'in-progress', 'referred'],
    };
    for (const [name, statuses] of Object.entries(allowed)) {
      for (const status of Object.keys(history).filter((s) => !statuses.includes(s))) {
        it(`refuses ${name} while ${status}, with the reason`, () => {
          spec
            .given(history[status])
            .when(commands[name]!)
            .thenThrows(IllegalTransitionError, (e) => {
              expect(e.status).toBe(status);
              expect(e.message).toContain(`while the request is ${status}`);
            });
        });
      }
    }
  });

  describe('SLA check', () => {
    const check = (days: number): ServiceRequestCommand => ({
      type: 'CheckServiceRequestSla',
      at: at(days),
    });

    it('records a breach once when an active request passes its due date', () => {
      spec
        .given(history['assigned'])
        .when(check(5.5))
        .then([
          ServiceRequestSlaBreached.of({
            requestId: id,
            dueAt: at(5),
            priority: 'high',
            detectedAt: at(5.5),
          }),
        ]);
      spec
        .given([
          ...history['assigned']!,
          ServiceRequestSlaBreached.of({
            requestId: id,
            dueAt: at(5),
            priority: 'high',
            detectedAt: at(5.5),
          }),
        ])
        .when(check(6))
        .thenNothingHappens();
    });

    it('records nothing before the due date, nor for resolved, closed or cancelled requests', () => {
      spec.given(history['assigned']).when(check(4.9)).thenNothingHappens();
      spec.given(history['resolved']).when(check(30)).thenNothingHappens();
      spec.given(history['closed']).when(check(30)).thenNothingHappens();
      spec.given(history['cancelled']).when(check(30)).thenNothingHappens();
    });

    it('measures a reopened request against its new due date', () => {
      const reopened = ServiceRequestReopened.of({
        requestId: id,
        reason: 'r',
        reopenedBy: 'p',
        reopenedAt: at(6),
        dueAt: at(11),
      });
      spec
        .given([...history['resolved']!, reopened])
        .when(check(10))
        .thenNothingHappens();
      spec
        .given([...history['resolved']!, reopened])
        .when(check(12))
        .then([
          ServiceRequestSlaBreached.of({
            requestId: id,
            dueAt: at(11),
            priority: 'high',
            detectedAt: at(12),
          }),
        ]);
    });
  });
});
