import { InMemoryEventStore } from '@sfp/event-sourcing';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { scriptedHistory } from '../../test/support/help-desk-history';
import { logStreamIdOf, toLoggedEvent } from '../consumption/public-event';
import { serviceRequestsView } from '../help-desk/help-desk.reporting-plugin';
import { liveViewDocuments } from './live-view-documents';

/** Over a real engine: reporting's log in the in-memory event store, read models in in-memory SQLite. */
describe('live view documents', () => {
  let engine: ProjectionEngine;
  const { history, ids } = scriptedHistory();

  beforeAll(async () => {
    const log = new InMemoryEventStore();
    for (const event of history.events)
      await log.append(logStreamIdOf('help-desk', event.streamId), 'any', [
        toLoggedEvent('help-desk', event),
      ]);
    engine = new ProjectionEngine({
      eventStore: log,
      store: new SqliteReadModelStore({ filename: ':memory:' }),
      pollIntervalMs: 10,
    });
    engine.register(serviceRequestsView.projection);
    await engine.start();
    await engine.waitForPosition(serviceRequestsView.projection.name, history.events.length, 5_000);
  });
  afterAll(() => engine.stop());

  const bounds = (maxScannedRows: number, deadline = Date.now() + 5_000) => ({
    maxScannedRows,
    deadline,
    timeoutMs: 5_000,
  });

  it('pushes indexed conditions to the store and checks list conditions in memory', async () => {
    const docs = await liveViewDocuments(
      engine,
      serviceRequestsView,
      [
        { field: 'submittedAt', op: 'gte', value: '2026-01-01T00:00:00.000Z' },
        { field: 'themes', op: 'eq', value: 'gender' },
      ],
      bounds(100),
    );
    expect(docs.map((d) => d['requestId']).sort()).toEqual([ids.A, ids.E].sort());
  });

  it('stops past the bound on documents read, and past the deadline', async () => {
    await expect(
      liveViewDocuments(engine, serviceRequestsView, [], bounds(4)),
    ).rejects.toMatchObject({
      code: 'QUERY_TOO_BROAD',
      message: expect.stringContaining('more than 4 documents; narrow the filter'),
    });
    expect(
      await liveViewDocuments(
        engine,
        serviceRequestsView,
        [{ field: 'kind', op: 'eq', value: 'referral' }],
        bounds(4),
      ),
    ).toHaveLength(3);
    await expect(
      liveViewDocuments(engine, serviceRequestsView, [], bounds(100, Date.now() - 1)),
    ).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
  });
});
