import type { RequestSummary } from '../help-desk/help-desk.api';
import type { Institution, Target } from '../knowledge-base/knowledge-base.api';
import { quarterStart, summariseKnowledgeBase, summariseQueue } from './home.api';

const request = (assignee: string | undefined, slaStatus: RequestSummary['slaStatus']) =>
  ({
    requestId: `${assignee}-${slaStatus}`,
    assignee,
    slaStatus,
    slaBreached: false,
  }) as RequestSummary;

describe('the home dashboard figures', () => {
  it('sums the open queue by SLA status and by assignee, the unassigned last', () => {
    const summary = summariseQueue({
      items: [
        request('amina', 'due-soon'),
        request('amina', 'breached'),
        request(undefined, 'on-track'),
        request(undefined, 'overdue'),
        request(undefined, 'on-track'),
        request('omar', 'on-track'),
      ],
      more: false,
    });
    expect(summary.open).toBe(6);
    expect(summary.bySla).toEqual({ 'on-track': 3, 'due-soon': 1, overdue: 1, breached: 1 });
    expect(summary.byAssignee).toEqual([
      { assignee: 'amina', open: 2, atRisk: 1, late: 1 },
      { assignee: 'omar', open: 1, atRisk: 0, late: 0 },
      { assignee: null, open: 3, atRisk: 0, late: 1 },
    ]);
  });

  it('a report is due from an active institution with none for the last full quarter; targets at risk and due soon', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    expect(quarterStart(now)).toBe('2026-10-01');
    const institution = (id: string, status: string, latestPeriodEnd?: string) =>
      ({ institutionId: id, name: id, status, latestPeriodEnd }) as Institution;
    const target = (id: string, status: string, dueDate: string, active = true) =>
      ({ targetId: id, status, dueDate, active }) as Target;
    const summary = summariseKnowledgeBase(
      {
        items: [
          institution('current', 'active', '2026-09-30'),
          institution('late', 'active', '2026-06-30'),
          institution('never', 'active'),
          institution('closed', 'closed', '2020-12-31'),
        ],
        more: false,
      },
      {
        items: [
          target('a', 'at-risk', '2026-12-31'),
          target('b', 'off-track', '2027-06-30'),
          target('c', 'on-track', '2027-02-28'),
          target('withdrawn', 'at-risk', '2026-12-31', false),
        ],
        more: false,
      },
      now,
    );
    expect(summary.reportsDue.map((i) => i.institutionId)).toEqual(['late', 'never']);
    expect(summary.atRisk.map((t) => t.targetId)).toEqual(['a']);
    expect(summary.offTrack.map((t) => t.targetId)).toEqual(['b']);
    expect(summary.dueSoon.map((t) => t.targetId)).toEqual(['a', 'c']);
    expect(summary.names['late']).toBe('late');
  });
});
