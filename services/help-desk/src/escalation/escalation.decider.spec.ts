import { deciderSpec } from '@sfp/event-sourcing/testing';
import { OFFICE_HOURS } from '../business-hours/business-calendar';
import { serviceRequestDecider } from '../service-request/domain/service-request.decider';
import {
  ServiceRequestEscalated,
  ServiceRequestReopened,
  ServiceRequestResolved,
  ServiceRequestSlaBreached,
} from '../service-request/domain/service-request.events';
import { DEFAULT_SLA_POLICY } from '../service-request/domain/sla-policy';
import { at, history, requestId } from '../service-request/domain/testing/service-request.fixtures';

/**
 * The fixtures' request is filed on Monday 2 March 2026 at 09:00 and triaged as
 * high: due on day 5 (Saturday 09:00). In office hours (Monday to Friday,
 * 09:00–17:00 UTC) its SLA span holds 5 × 8 = 40 business hours, so 80 % of it
 * (32 h) is used on Thursday at 17:00.
 */
const spec = deciderSpec(
  serviceRequestDecider({ ...DEFAULT_SLA_POLICY, calendar: OFFICE_HOURS, approachingShare: 0.8 }),
);
const hours = (days: number, plus: number) =>
  new Date(Date.parse(at(days)) + plus * 3_600_000).toISOString();
const check = (when: string) => ({
  type: 'CheckServiceRequestSla' as const,
  at: when,
  teamLead: 'amara',
  team: 'inclusion',
});
const escalated = (reason: 'approaching' | 'breached', when: string, dueAt = at(5)) =>
  ServiceRequestEscalated.of({
    requestId,
    reason,
    teamLead: 'amara',
    team: 'inclusion',
    dueAt,
    escalatedAt: when,
  });
const breach = (when: string, dueAt = at(5)) =>
  ServiceRequestSlaBreached.of({ requestId, dueAt, priority: 'high', detectedAt: when });

describe('escalation of a request to its team lead', () => {
  it('does nothing before 80 % of the SLA is used in business hours', () => {
    // Thursday 16:00: 31 of 40 business hours.
    spec
      .given(history.assigned)
      .when(check(hours(3, 7)))
      .thenNothingHappens();
  });

  it('escalates as approaching once 80 % is used, and only once', () => {
    // Friday 10:00: 33 of 40 business hours.
    spec
      .given(history.assigned)
      .when(check(hours(4, 1)))
      .then([escalated('approaching', hours(4, 1))]);
    spec
      .given([...history.assigned, escalated('approaching', hours(4, 1))])
      .when(check(hours(4, 5)))
      .thenNothingHappens();
  });

  it('records the breach and escalates it once past the due date, even after the warning', () => {
    spec
      .given([...history.assigned, escalated('approaching', hours(4, 1))])
      .when(check(at(5.5)))
      .then([breach(at(5.5)), escalated('breached', at(5.5))]);
    spec
      .given([...history.assigned, breach(at(5.5)), escalated('breached', at(5.5))])
      .when(check(at(9)))
      .thenNothingHappens();
  });

  it('escalates nothing without a team lead, but still records the breach', () => {
    spec
      .given(history.assigned)
      .when({ type: 'CheckServiceRequestSla', at: at(5.5) })
      .then([breach(at(5.5))]);
  });

  it('starts again after a reopening: the new SLA span escalates afresh', () => {
    const resolved = ServiceRequestResolved.of({
      requestId,
      answer: 'Done',
      outputs: [],
      resolvedBy: 'staff-1',
      resolvedAt: at(6),
    });
    // Reopened on Monday 9 March at 09:00, due again on a Saturday: 40 business hours.
    const reopened = ServiceRequestReopened.of({
      requestId,
      reason: 'Not answered',
      reopenedBy: 'person-1',
      reopenedAt: at(7),
      dueAt: at(12),
    });
    spec
      .given([
        ...history.assigned,
        breach(at(5.5)),
        escalated('breached', at(5.5)),
        resolved,
        reopened,
      ])
      .when(check(hours(11, 1)))
      .then([escalated('approaching', hours(11, 1), at(12))]);
  });

  it('escalates nothing for a resolved request', () => {
    spec
      .given(history.resolved)
      .when(check(at(30)))
      .thenNothingHappens();
  });
});
