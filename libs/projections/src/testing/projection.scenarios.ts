import type { EventStore } from '@sfp/event-sourcing';
import { defineProjection } from '../projection/projection.definition';
import { ProjectionEngine, type ProjectionEngineOptions } from '../projection/projection.engine';
import { PositionBeyondHeadError, ProjectionTimeoutError } from '../projection/projection.errors';
import { ReadModelCollection } from '../read-model/read-model.collection';
import type { ReadModelStore } from '../read-model/read-model-store.port';
import {
  appendTicket,
  eventually,
  rebuildGate,
  TICKET_NOTED,
  ticketProjection,
  type TicketView,
} from './ticket.projection.fixture';

/** Real stores for one scenario; `reopen` stands for a process restart (new connections to the same data). */
export interface ProjectionPipelineFixture {
  eventStore: EventStore;
  store: ReadModelStore;
  reopen(): Promise<{ eventStore: EventStore; store: ReadModelStore }>;
  /** Lists the physical read-model tables or collections of `projection`. */
  listReadModels(projection: string): Promise<string[]>;
  cleanup(): Promise<void>;
}

const FAST: Partial<ProjectionEngineOptions> = {
  pollIntervalMs: 10,
  retryInitialDelayMs: 10,
  retryMaxDelayMs: 100,
  dropGraceMs: 1_000,
};

/**
 * The projection runner over real stores, run for each mode: embedded (SQLite
 * event store and read models, files) and distributed (MongoDB-protocol server).
 */
export function describeProjectionPipeline(
  mode: string,
  createFixture: () => Promise<ProjectionPipelineFixture>,
  options: { scale?: number } = {},
): void {
  const scale = options.scale ?? 1;

  describe(`projection pipeline: ${mode}`, () => {
    let fixture: ProjectionPipelineFixture;
    const engines: ProjectionEngine[] = [];
    const newEngine = (
      stores: { eventStore: EventStore; store: ReadModelStore },
      extra: Partial<ProjectionEngineOptions> = {},
    ): ProjectionEngine => {
      const engine = new ProjectionEngine({ ...stores, ...FAST, ...extra });
      engines.push(engine);
      return engine;
    };

    beforeEach(async () => {
      fixture = await createFixture();
    });
    afterEach(async () => {
      for (const engine of engines.splice(0)) await engine.stop();
      await fixture.cleanup();
    });

    it('applies every event, and after a restart replaying from an old checkpoint: then not updated', async () => {
      const tickets = 20 * scale;
      for (let i = 0; i < tickets; i++)
        await appendTicket(fixture.eventStore, `t${i}`, { notes: 3, close: i % 3 === 0 });
      const head = await fixture.eventStore.headPosition();
      const first = newEngine(fixture);
      first.register(ticketProjection());
      await first.start();
      await first.waitForPosition('tickets', head, 20_000);
      const before = (await first.readModel<TicketView>('tickets').find({ limit: 1000 })).items;
      expect(before).toHaveLength(tickets + 1);
      expect(await first.readModel<TicketView>('tickets').count({ status: 'closed' })).toBe(
        Math.ceil(tickets / 3),
      );
      await first.stop();

      // The process died after writing documents but before its checkpoint.
      const restarted = await fixture.reopen();
      await restarted.store.saveCheckpoint({
        readModel: 'rm_tickets__v1',
        position: 0,
        updatedAt: new Date().toISOString(),
      });
      const second = newEngine(restarted);
      second.register(ticketProjection());
      await second.start();
      await second.waitForPosition('tickets', head, 20_000);
      expect((await second.readModel<TicketView>('tickets').find({ limit: 1000 })).items).toEqual(
        before,
      );
      expect(await second.readModel<TicketView>('tickets').get('totals')).toEqual({
        kind: 'totals',
        events: head,
      });
    });

    it('rebuilds during concurrent writes into a new version beside the old, swaps, drops the old: nothing lost or counted twice', async () => {
      const expected = new Map<string, number>();
      let handled = 0;
      const append = async (id: string, notes: number): Promise<void> => {
        await appendTicket(fixture.eventStore, id, { notes });
        expected.set(`ticket-${id}`, notes);
        handled += 1 + notes;
      };
      for (let i = 0; i < 30 * scale; i++) await append(`early-${i}`, 3);
      const engine = newEngine(fixture, { batchSize: 50 });
      const runner = engine.register(ticketProjection());
      await engine.start();
      await engine.waitForPosition('tickets', await fixture.eventStore.headPosition(), 20_000);

      // The rebuild holds on its first event until events were appended meanwhile, so the
      // overlap is certain, not a matter of timing.
      const gate = rebuildGate();
      const handle = await engine.rebuild('tickets', gate.definition);
      let rebuilding = true;
      const swapped = handle.done.finally(() => (rebuilding = false));
      let appendedDuringRebuild = 0;
      let servedDuringRebuild = 0;
      let headWhenGateOpened = 0;
      const writer = (async () => {
        for (let i = 0; i < 40 * scale; i++) {
          await append(`late-${i}`, i % 4);
          if (!rebuilding) continue;
          appendedDuringRebuild++;
          // The old version still serves: queries answer during the rebuild.
          if ((await engine.readModel<TicketView>('tickets').get('ticket-early-0'))?.notes === 3)
            servedDuringRebuild++;
          if (i === 4) {
            headWhenGateOpened = await fixture.eventStore.headPosition();
            gate.open();
          }
        }
      })();
      const result = await swapped;
      // Read the old version before its drop: it kept being updated during the rebuild.
      const oldCheckpoint = await fixture.store.loadCheckpoint('rm_tickets__v1');
      const oldTotals = await new ReadModelCollection<TicketView>(fixture.store, {
        projection: 'tickets',
        generation: 1,
        fields: ticketProjection().fields,
      }).get('totals');
      await writer;
      expect(result.generation).toBe(2);
      expect(appendedDuringRebuild).toBeGreaterThanOrEqual(5);
      expect(servedDuringRebuild).toBeGreaterThan(0);
      expect(oldCheckpoint?.position).toBeGreaterThanOrEqual(headWhenGateOpened);
      expect(oldTotals?.events).toBe(oldCheckpoint?.position);

      await engine.waitForPosition('tickets', await fixture.eventStore.headPosition(), 20_000);
      expect(runner.activeTable().generation).toBe(2);
      const view = engine.readModel<TicketView>('tickets');
      expect(await view.get('totals')).toEqual({ kind: 'totals', events: handled });
      const docs = (await view.find({ filter: { kind: 'ticket' }, limit: 1000 })).items;
      expect(new Map(docs.map((doc) => [doc.id, doc.data.notes]))).toEqual(expected);
      await eventually(
        async () =>
          JSON.stringify(await fixture.listReadModels('tickets')) ===
          JSON.stringify(['rm_tickets__v2']),
        10_000,
        'the old version to be dropped',
      );
    });

    it('reports a failing projection as stalled with its error, in its process and in another one, then recovers', async () => {
      const control = { broken: true };
      const engine = newEngine(fixture, { stallAfterMs: 300 });
      engine.register(
        defineProjection<TicketView>({
          ...ticketProjection(),
          handlers: {
            ...ticketProjection().handlers,
            [TICKET_NOTED]: async (event, view) => {
              if (control.broken)
                throw Object.assign(new Error('search index unavailable'), {
                  code: 'ECONNREFUSED',
                });
              await ticketProjection().handlers[TICKET_NOTED]?.(event, view);
            },
          },
        }),
      );
      await engine.start();
      const head = await appendTicket(fixture.eventStore, 'a', { notes: 2 });
      engine.wake();
      await eventually(
        async () => (await engine.status('tickets')).state === 'stalled',
        10_000,
        'stalled',
      );
      expect(await engine.status('tickets')).toMatchObject({
        state: 'stalled',
        position: head - 2,
        lagEvents: 2,
        lastError: {
          message: 'search index unavailable',
          code: 'ECONNREFUSED',
          position: head - 1,
          stage: 'handler',
        },
      });

      const elsewhere = await fixture.reopen();
      const queries = newEngine(elsewhere, { stallAfterMs: 300 });
      const remote = await queries.status('tickets');
      expect(remote).toMatchObject({
        state: 'stalled',
        local: false,
        position: head - 2,
        lagEvents: 2,
      });
      expect(remote.lastError).toMatchObject({ eventType: TICKET_NOTED, position: head - 1 });
      // A position no event has yet is refused at once, running or not: no one was answered it.
      for (const waiting of [engine, queries]) {
        const ahead = await waiting
          .waitForPosition('tickets', head + 1_000, 60_000)
          .catch((e: unknown) => e);
        expect(ahead).toBeInstanceOf(PositionBeyondHeadError);
        expect(ahead).toMatchObject({
          code: 'POSITION_BEYOND_HEAD',
          headPosition: head,
          problems: [
            { field: 'minPosition', message: expect.stringContaining(`head, which is ${head}`) },
          ],
        });
      }
      const timeout = await queries.waitForPosition('tickets', head, 100).catch((e: unknown) => e);
      expect(timeout).toBeInstanceOf(ProjectionTimeoutError);
      expect(timeout).toMatchObject({ position: head, appliedPosition: head - 2 });

      control.broken = false;
      await queries.waitForPosition('tickets', head, 10_000);
      expect(await queries.readModel<TicketView>('tickets').get('ticket-a')).toMatchObject({
        notes: 2,
      });
      expect(await engine.status('tickets')).toMatchObject({
        state: 'running',
        stalledSince: null,
        lagEvents: 0,
      });
    });
  });
}
