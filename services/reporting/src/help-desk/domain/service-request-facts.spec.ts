import { HelpDeskHistory } from '../../../test/support/help-desk-history';
import { helpDeskShapeProblems } from './help-desk.public-events';
import { evolveServiceRequestFacts, type ServiceRequestFacts } from './service-request-facts';

function fold(history: HelpDeskHistory): ServiceRequestFacts | undefined {
  return history.events.reduce<ServiceRequestFacts | undefined>(
    (facts, e) =>
      evolveServiceRequestFacts(facts, { type: e.type, data: e.data as Record<string, unknown> }) ??
      facts,
    undefined,
  );
}

describe('service request facts', () => {
  it('follows every event of a request', () => {
    const h = new HelpDeskHistory();
    h.submit('r1', '2026-01-01T00:00:00.000Z', {
      kind: 'referral',
      themes: ['youth'],
      priority: 'low',
    });
    expect(fold(h)).toMatchObject({
      status: 'submitted',
      open: true,
      origin: 'regional-office',
      themes: ['youth'],
    });
    h.triage('r1', '2026-01-01T02:00:00.000Z', {
      kind: 'tool-development',
      themes: ['gender'],
      priority: 'high',
    });
    expect(fold(h)).toMatchObject({
      status: 'triaged',
      kind: 'tool-development',
      themes: ['gender'],
      priority: 'high',
      hoursToFirstResponse: 2,
    });
    h.breach('r1', '2026-01-03T00:00:00.000Z', 'high');
    expect(fold(h)).toMatchObject({
      slaBreached: true,
      slaBreachCount: 1,
      slaBreachDetectedAt: ['2026-01-03T00:00:00.000Z'],
    });
    h.resolve('r1', '2026-01-04T00:00:00.000Z');
    expect(fold(h)).toMatchObject({
      status: 'resolved',
      open: false,
      firstResolvedAt: '2026-01-04T00:00:00.000Z',
      hoursToFirstResolution: 72,
    });
    h.close('r1', '2026-01-05T00:00:00.000Z');
    expect(fold(h)).toMatchObject({ status: 'closed', closedAt: '2026-01-05T00:00:00.000Z' });
    h.reopen('r1', '2026-01-06T00:00:00.000Z');
    expect(fold(h)).toMatchObject({
      status: 'in-progress',
      open: true,
      closedAt: null,
      reopenCount: 1,
    });
    h.resolve('r1', '2026-01-10T00:00:00.000Z');
    expect(fold(h)).toMatchObject({
      firstResolvedAt: '2026-01-04T00:00:00.000Z',
      hoursToFirstResolution: 72,
      lastResolvedAt: '2026-01-10T00:00:00.000Z',
    });
    h.comment('r1', '2026-01-11T00:00:00.000Z');
    expect(fold(h)).toMatchObject({ lastEventAt: '2026-01-11T00:00:00.000Z' });
    const c = new HelpDeskHistory();
    c.submit('r2', '2026-01-01T00:00:00.000Z', { kind: 'referral', themes: [], priority: 'low' });
    c.cancel('r2', '2026-01-02T00:00:00.000Z');
    expect(fold(c)).toMatchObject({
      status: 'cancelled',
      open: false,
      cancelledAt: '2026-01-02T00:00:00.000Z',
    });
  });

  it('ignores events of a request it never saw submitted, and unknown types', () => {
    expect(
      evolveServiceRequestFacts(undefined, {
        type: 'help-desk.ServiceRequestResolved',
        data: { requestId: 'x', resolvedAt: '2026-01-01' },
      }),
    ).toBeUndefined();
    expect(
      evolveServiceRequestFacts(undefined, { type: 'help-desk.SomethingNew', data: {} }),
    ).toBeUndefined();
  });

  it('names the payload fields it cannot use', () => {
    expect(
      helpDeskShapeProblems('help-desk.ServiceRequestSubmitted', {
        requestId: 'x',
        themes: 'youth',
        kind: 3,
        submittedAt: 'yesterday',
      })
        .map((p) => p.field)
        .sort(),
    ).toEqual(
      [
        'data.country',
        'data.dueAt',
        'data.kind',
        'data.priority',
        'data.region',
        'data.requester',
        'data.submittedAt',
        'data.themes',
      ].sort(),
    );
    expect(helpDeskShapeProblems('help-desk.ServiceRequestResolved', null)).toEqual([
      { field: 'data', messages: ['must be an object'] },
    ]);
    expect(helpDeskShapeProblems('help-desk.SomethingNew', 'anything')).toEqual([]);
  });
});
