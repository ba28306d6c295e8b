import { InMemoryEventStore } from '@sfp/event-sourcing';
import { defineProjection, ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { PlatformProjections } from './platform-projections';

/** With real engines over the in-memory event store and in-memory SQLite read models. */
describe('platform projections', () => {
  const engines: ProjectionEngine[] = [];
  afterAll(async () => {
    for (const engine of engines) await engine.stop();
  });

  async function engineWith(name: string, events: number): Promise<ProjectionEngine> {
    const store = new InMemoryEventStore();
    for (let i = 1; i <= events; i++) {
      await store.append(`s-${i}`, 'no-stream', [
        {
          eventId: `${name}-${i}`,
          type: 'x.Happened',
          schemaVersion: 1,
          data: {},
          metadata: {
            correlationId: 'c',
            actor: { kind: 'system', id: 's' },
            occurredAt: '2026-01-01T00:00:00.000Z',
          },
        },
      ]);
    }
    const engine = new ProjectionEngine({
      eventStore: store,
      store: new SqliteReadModelStore({ filename: ':memory:' }),
      pollIntervalMs: 10,
    });
    engine.register(
      defineProjection({
        name,
        version: 1,
        handlers: { 'x.Happened': (e, view) => view.upsert(e.streamId, { n: e.position }) },
      }),
    );
    await engine.start();
    engines.push(engine);
    return engine;
  }

  it("lists reporting's projections and every source's, each with its context, and rebuilds in the right engine", async () => {
    const own = await engineWith('reporting-things', 2);
    const sources = [{ context: 'help-desk', engine: await engineWith('help-desk-requests', 3) }];
    const platform = new PlatformProjections(own, sources);
    const waitCaughtUp = async () => {
      for (let i = 0; i < 100; i++) {
        const list = await platform.list();
        if (list.every((p) => p.lagEvents === 0)) return list;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('projections did not catch up');
    };
    const list = await waitCaughtUp();
    expect(list.map((p) => [p.context, p.name, p.position])).toEqual([
      ['reporting', 'reporting-things', 2],
      ['help-desk', 'help-desk-requests', 3],
    ]);
    const handle = await platform.rebuild('help-desk', 'help-desk-requests');
    await expect(handle.done).resolves.toMatchObject({
      projection: 'help-desk-requests',
      position: 3,
    });
    expect(await platform.status('help-desk', 'help-desk-requests')).toMatchObject({
      context: 'help-desk',
      generation: handle.generation,
    });
    await expect(platform.status('training', 'x')).rejects.toMatchObject({
      code: 'UNKNOWN_PROJECTION_SOURCE',
    });
    await expect(platform.rebuild('reporting', 'help-desk-requests')).rejects.toMatchObject({
      code: 'UNKNOWN_PROJECTION',
    });
  });
});
