import { InMemoryEventStore } from '@sfp/event-sourcing';
import { scriptedHistory } from '../../test/support/help-desk-history';
import { logStreamIdOf, toLoggedEvent } from '../consumption/public-event';
import { serviceRequestsView } from '../help-desk/help-desk.reporting-plugin';
import { AsOfReplayer } from './as-of.replayer';

/** Runs with reporting's log in the in-memory adapter of the event store (the same port as SQLite and MongoDB). */
describe('as-of replay', () => {
  const far = () => Date.now() + 60_000;

  async function logAll(
    log: InMemoryEventStore,
    events: ReturnType<typeof scriptedHistory>['history']['events'],
  ) {
    for (const event of events)
      await log.append(logStreamIdOf('help-desk', event.streamId), 'any', [
        toLoggedEvent('help-desk', event),
      ]);
  }

  it('folds the events recorded up to the instant, then catches up with late arrivals only', async () => {
    const { history, ids } = scriptedHistory();
    const log = new InMemoryEventStore();
    const events = history.events;
    // B's submission arrives late (consumer lag): logged after everything else.
    const lateIndex = events.findIndex(
      (e) => e.type.endsWith('Submitted') && (e.data as any).requestId === ids.B,
    );
    const late = events[lateIndex]!;
    await logAll(
      log,
      events.filter((_, i) => i !== lateIndex),
    );
    const replayer = new AsOfReplayer(log, 4);

    const asOf = '2026-02-15T00:00:00.000Z';
    const before = await replayer.documents(serviceRequestsView, asOf, far(), 1_000);
    // Recorded by 02-15: D (submitted, resolved), A (all four). B's triage came, but not its submission.
    expect(before.map((d) => d['requestId']).sort()).toEqual([ids.A, ids.D].sort());
    expect(before.find((d) => d['requestId'] === ids.A)).toMatchObject({
      status: 'closed',
      hoursToFirstResolution: 48,
    });
    const read = replayer.stats().eventsRead;
    expect(read).toBe(events.length - 1);

    await logAll(log, [late]);
    const after = await replayer.documents(serviceRequestsView, asOf, far(), 1_000);
    // The cached fold reads only the new event; B is now known as submitted (its triage was folded before its submission was seen, so it is not applied).
    expect(replayer.stats().eventsRead).toBe(read + 1);
    expect(after.map((d) => d['requestId']).sort()).toEqual([ids.A, ids.B, ids.D].sort());
    expect(after.find((d) => d['requestId'] === ids.B)).toMatchObject({
      status: 'submitted',
      kind: 'tool-development',
    });
  });

  it('gives the current state for an instant after every event, and nothing before the first', async () => {
    const { history, ids } = scriptedHistory();
    const log = new InMemoryEventStore();
    await logAll(log, history.events);
    const replayer = new AsOfReplayer(log, 1);
    const now = await replayer.documents(
      serviceRequestsView,
      '2027-01-01T00:00:00.000Z',
      far(),
      1_000,
    );
    expect(now).toHaveLength(5);
    expect(now.find((d) => d['requestId'] === ids.B)).toMatchObject({
      status: 'resolved',
      reopenCount: 1,
      hoursToFirstResolution: 360,
    });
    expect(
      await replayer.documents(serviceRequestsView, '2020-01-01T00:00:00.000Z', far(), 1_000),
    ).toEqual([]);
    expect(replayer.stats().entries).toBe(1);
  });

  it('stops at the deadline with a clear error and keeps its progress', async () => {
    const { history } = scriptedHistory();
    const log = new InMemoryEventStore();
    await logAll(log, history.events);
    const replayer = new AsOfReplayer(log, 4);
    await expect(
      replayer.documents(serviceRequestsView, '2027-01-01T00:00:00.000Z', Date.now() - 1, 250),
    ).rejects.toMatchObject({
      code: 'QUERY_TIMEOUT',
      message: expect.stringContaining('longer than 250 ms'),
    });
    expect(
      await replayer.documents(serviceRequestsView, '2027-01-01T00:00:00.000Z', far(), 250),
    ).toHaveLength(5);
  });
});
