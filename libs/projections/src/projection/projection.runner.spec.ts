import { InMemoryEventStore, type EventStore } from '@sfp/event-sourcing';
import { InvalidQueryError } from '../read-model/read-model.errors';
import { SqliteReadModelStore } from '../read-model/sqlite/sqlite-read-model-store';
import {
  appendEvent,
  appendTicket,
  eventually,
  rebuildGate,
  TICKET_CLOSED,
  TICKET_NOTED,
  TICKET_OPENED,
  TICKET_REMOVED,
  ticketProjection,
  type TicketView,
} from '../testing/ticket.projection.fixture';
import { defineProjection, type ProjectionDefinition } from './projection.definition';
import { ProjectionEngine, type ProjectionEngineOptions } from './projection.engine';
import {
  PositionBeyondHeadError,
  ProjectionStoppedError,
  ProjectionTimeoutError,
  ProjectionVersionError,
  RebuildInProgressError,
  UnknownProjectionError,
} from './projection.errors';

const FAST: Partial<ProjectionEngineOptions> = {
  pollIntervalMs: 5,
  retryInitialDelayMs: 5,
  retryMaxDelayMs: 40,
  dropGraceMs: 30,
};

describe('projection runner (in-memory event store, embedded read models)', () => {
  let events: InMemoryEventStore;
  let store: SqliteReadModelStore;
  const engines: ProjectionEngine[] = [];
  const newEngine = (options: Partial<ProjectionEngineOptions> = {}): ProjectionEngine => {
    const engine = new ProjectionEngine({ eventStore: events, store, ...FAST, ...options });
    engines.push(engine);
    return engine;
  };
  const tickets = (engine: ProjectionEngine) => engine.readModel<TicketView>('tickets');

  beforeEach(() => {
    events = new InMemoryEventStore();
    store = new SqliteReadModelStore({ filename: ':memory:' });
  });
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
    await store.close();
    await events.close();
  });

  describe('following the store', () => {
    it('takes its own appends from the feed and what the feed does not carry from the store, with no gap', async () => {
      // The feed of this "instance" leaves out the appends to streams ticket-other-*,
      // as it leaves out another instance's appends: the runner must read those from the store.
      const partial = new Proxy(events, {
        get(target, property, receiver) {
          if (property === 'onAppended') {
            return (
              listener: (
                batch: Parameters<Parameters<NonNullable<EventStore['onAppended']>>[0]>[0],
              ) => void,
            ) =>
              target.onAppended((batch) => {
                if (!batch[0]?.streamId.startsWith('ticket-other-')) listener(batch);
              });
          }
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      }) as EventStore;
      await appendTicket(events, 'before', { notes: 1 });
      const engine = new ProjectionEngine({ eventStore: partial, store, ...FAST, storePollMs: 5 });
      engines.push(engine);
      engine.register(ticketProjection());
      await engine.start();
      let head = 0;
      for (let i = 0; i < 30; i++) {
        head = await appendTicket(events, i % 3 === 0 ? `other-${i}` : `own-${i}`, {
          notes: i % 2,
        });
        if (i % 7 === 0) await engine.waitForPosition('tickets', head, 2_000);
      }
      await engine.waitForPosition('tickets', head, 2_000);
      expect(await tickets(engine).get('totals')).toEqual({ kind: 'totals', events: head });
      expect(await tickets(engine).count({ kind: 'ticket' })).toBe(31);
      expect(await tickets(engine).get('ticket-other-27')).toMatchObject({
        status: 'open',
        notes: 1,
      });
      expect(await tickets(engine).get('ticket-own-28')).toMatchObject({
        status: 'open',
        notes: 0,
      });
    });

    it('applies the event types it handles, skips the others, and checkpoints past all of them', async () => {
      await appendTicket(events, 't1', { notes: 2, close: true });
      await appendTicket(events, 't2');
      await appendEvent(events, 'elsewhere-1', 'test.Unrelated', { any: 'thing' });
      await appendTicket(events, 't3');
      const head = await appendEvent(events, 'ticket-t3', TICKET_REMOVED);
      const engine = newEngine();
      engine.register(ticketProjection());
      await engine.start();
      await engine.waitForPosition('tickets', head, 2_000);

      expect(await tickets(engine).get('ticket-t1')).toEqual({
        kind: 'ticket',
        status: 'closed',
        title: 'Ticket t1',
        notes: 2,
      });
      expect(await tickets(engine).get('ticket-t3')).toBeUndefined();
      expect(await tickets(engine).get('totals')).toEqual({ kind: 'totals', events: head - 1 });
      const open = await tickets(engine).find({ filter: { kind: 'ticket', status: 'open' } });
      expect(open.items.map((doc) => doc.id)).toEqual(['ticket-t2']);
      expect(await tickets(engine).count({ kind: 'ticket' })).toBe(2);
      expect(await store.loadCheckpoint('rm_tickets__v1')).toMatchObject({ position: head });
      expect(await engine.status('tickets')).toMatchObject({
        name: 'tickets',
        state: 'running',
        generation: 1,
        version: 1,
        position: head,
        headPosition: head,
        lagEvents: 0,
        lagSeconds: 0,
        lastError: null,
        stalledSince: null,
        stalledSeconds: 0,
        local: true,
        rebuild: null,
      });
    });

    it('then not updated: replaying from an older checkpoint after a crash counts nothing twice', async () => {
      for (let i = 0; i < 20; i++)
        await appendTicket(events, `t${i}`, { notes: 3, close: i % 2 === 0 });
      const head = await events.headPosition();
      const first = newEngine();
      first.register(ticketProjection());
      await first.start();
      await first.waitForPosition('tickets', head, 2_000);
      const before = (await tickets(first).find({ limit: 100 })).items;
      await first.stop();

      // A crash after the documents were written but before the checkpoint was.
      await store.saveCheckpoint({
        readModel: 'rm_tickets__v1',
        position: 0,
        updatedAt: new Date().toISOString(),
      });
      const second = newEngine();
      second.register(ticketProjection());
      await second.start();
      await second.waitForPosition('tickets', head, 2_000);
      expect((await tickets(second).find({ limit: 100 })).items).toEqual(before);
      expect(await tickets(second).get('totals')).toEqual({ kind: 'totals', events: head });
    });

    it('resumes from its durable checkpoint: a restart applies only the new events', async () => {
      let noted = 0;
      const projection = ticketProjection({ onNoted: () => void noted++ });
      await appendTicket(events, 'a', { notes: 2 });
      const first = newEngine();
      first.register(projection);
      await first.start();
      await first.waitForPosition('tickets', 3, 2_000);
      await first.stop();
      const head = await appendTicket(events, 'b', { notes: 5 });
      const second = newEngine();
      second.register(projection);
      await second.start();
      await second.waitForPosition('tickets', head, 2_000);
      expect(noted).toBe(7);
      expect(await tickets(second).get('totals')).toEqual({ kind: 'totals', events: head });
    });

    it('writes the checkpoint once per batch, not once per event', async () => {
      for (let i = 0; i < 100; i++) await appendTicket(events, `t${i}`, { notes: 9 });
      const writes = jest.spyOn(store, 'write');
      const engine = newEngine({ batchSize: 250 });
      engine.register(ticketProjection());
      await engine.start();
      await engine.waitForPosition('tickets', 1_000, 5_000);
      expect(writes.mock.calls.length).toBeLessThanOrEqual(5);
      expect(await tickets(engine).get('totals')).toEqual({ kind: 'totals', events: 1_000 });
    });

    it('wakes at once on wake(), without waiting for the poll', async () => {
      const engine = newEngine({ pollIntervalMs: 10_000 });
      engine.register(ticketProjection());
      await engine.start();
      const position = await appendTicket(events, 'quick');
      engine.wake();
      await engine.waitForPosition('tickets', position, 1_000);
    });
  });

  describe('failures, status and stalls', () => {
    /** Counts the note, then fails while `broken`: its partial write must not survive the failure. */
    const flaky = (control: { broken: boolean }, version = 1): ProjectionDefinition<TicketView> =>
      defineProjection<TicketView>({
        name: 'tickets',
        version,
        fields: { kind: 'string', status: 'string', notes: 'number' },
        handlers: {
          [TICKET_OPENED]: async (event, view) => {
            await view.upsert(event.streamId, { kind: 'ticket', status: 'open', notes: 0 });
            await view.update('totals', (t) => ({ kind: 'totals', events: (t?.events ?? 0) + 1 }));
          },
          [TICKET_NOTED]: async (event, view) => {
            await view.update('totals', (t) => ({ kind: 'totals', events: (t?.events ?? 0) + 1 }));
            await view.update(event.streamId, (t) => t && { ...t, notes: (t.notes ?? 0) + 1 });
            if (control.broken) throw new Error('downstream unavailable');
          },
        },
      });

    it('retries a failing event with backoff, never skips it, records the error, and recovers', async () => {
      const control = { broken: true };
      await appendTicket(events, 'a', { notes: 1 }); // 1 opened, 2 noted (fails)
      const head = await appendTicket(events, 'b'); // 3
      const engine = newEngine();
      engine.register(flaky(control));
      await engine.start();

      await eventually(
        async () => ((await engine.status('tickets')).retry?.attempts ?? 0) >= 3,
        2_000,
        'retries',
      );
      const failing = await engine.status('tickets');
      expect(failing.position).toBe(1);
      expect(failing.lastError).toMatchObject({
        message: 'downstream unavailable',
        errorName: 'Error',
        position: 2,
        eventType: TICKET_NOTED,
        stage: 'handler',
      });
      expect(failing.lastError?.resolvedAt).toBeUndefined();
      expect(await tickets(engine).get('ticket-b')).toBeUndefined();
      const durable = await store.loadCheckpoint('rm_tickets__v1');
      expect(durable).toMatchObject({
        position: 1,
        lastError: { position: 2, eventType: TICKET_NOTED },
      });

      control.broken = false;
      await engine.waitForPosition('tickets', head, 2_000);
      const recovered = await engine.status('tickets');
      expect(recovered.retry).toBeNull();
      expect(recovered.lastError?.resolvedAt).toEqual(expect.any(String));
      expect(await tickets(engine).get('ticket-a')).toMatchObject({ notes: 1 });
      expect(await tickets(engine).get('totals')).toEqual({ kind: 'totals', events: 3 });
    });

    it('reports stalled when events wait and the position stops advancing, never silently, and clears it', async () => {
      const control = { broken: true };
      const engine = newEngine({ stallAfterMs: 100 });
      engine.register(flaky(control));
      await engine.start();
      await appendTicket(events, 'a', { notes: 2 });
      engine.wake();
      await eventually(
        async () => (await engine.status('tickets')).state === 'stalled',
        3_000,
        'stalled',
      );
      const stalled = await engine.status('tickets');
      expect(stalled).toMatchObject({
        state: 'stalled',
        position: 1,
        headPosition: 3,
        lagEvents: 2,
      });
      expect(stalled.stalledSince).toEqual(expect.any(String));
      expect(stalled.stalledSeconds).toBeGreaterThanOrEqual(0.1);
      expect(stalled.lagSeconds).toBeGreaterThanOrEqual(0.1);

      control.broken = false;
      await engine.waitForPosition('tickets', 3, 2_000);
      expect(await engine.status('tickets')).toMatchObject({
        state: 'running',
        stalledSince: null,
        stalledSeconds: 0,
      });
    });

    it('reports stalled from the durable checkpoint in a process without the runner', async () => {
      const runnerEngine = newEngine();
      runnerEngine.register(ticketProjection());
      await runnerEngine.start();
      await runnerEngine.waitForPosition('tickets', await appendTicket(events, 'a'), 2_000);
      await runnerEngine.stop(); // the runner's process dies
      await appendTicket(events, 'b');
      const queries = newEngine({ stallAfterMs: 50 });
      expect(await queries.status('tickets')).toMatchObject({
        state: 'running',
        local: false,
        lagEvents: 1,
      });
      await new Promise((resolve) => setTimeout(resolve, 60));
      const status = await queries.status('tickets');
      expect(status).toMatchObject({
        state: 'stalled',
        local: false,
        position: 1,
        headPosition: 2,
        lagEvents: 1,
      });
      expect(status.stalledSeconds).toBeGreaterThan(0);
      expect((await queries.statuses()).map((s) => s.name)).toEqual(['tickets']);
      await expect(queries.status('nope')).rejects.toBeInstanceOf(UnknownProjectionError);
    });
  });

  describe('read your writes', () => {
    /** A `tickets` projection that applies nothing: its handler throws while `failing()`. */
    const failingTickets = (message: string, failing: () => boolean = () => true) =>
      defineProjection({
        name: 'tickets',
        version: 1,
        handlers: {
          [TICKET_NOTED]: () => {
            if (failing()) throw new Error(message);
          },
        },
      });

    it('resolves at once for an applied position, and later for one appended but applied after the call', async () => {
      const control = { broken: true };
      const engine = newEngine();
      engine.register(
        defineProjection<TicketView>({
          name: 'tickets',
          version: 1,
          handlers: {
            [TICKET_NOTED]: async (event, view) => {
              if (control.broken) throw new Error('not yet');
              await view.upsert('seen', { kind: 'totals', events: event.position });
            },
          },
        }),
      );
      await engine.start();
      await engine.waitForPosition('tickets', 0, 0);
      await appendTicket(events, 'a', { notes: 1 });
      const waiting = engine.waitForPosition('tickets', 2, 5_000);
      control.broken = false;
      await waiting;
      expect(await engine.readModel<TicketView>('tickets').get('seen')).toMatchObject({
        events: 2,
      });
    });

    it('refuses at once a position no event has yet (no command answered it)', async () => {
      const engine = newEngine();
      engine.register(ticketProjection());
      await engine.start();
      const started = Date.now();
      const ahead = await engine.waitForPosition('tickets', 99, 60_000).catch((e: unknown) => e);
      expect(ahead).toBeInstanceOf(PositionBeyondHeadError);
      expect(ahead).toMatchObject({
        code: 'POSITION_BEYOND_HEAD',
        position: 99,
        headPosition: 0,
        problems: [{ field: 'minPosition', message: expect.stringContaining('head, which is 0') }],
      });
      expect(Date.now() - started).toBeLessThan(1_000); // not held until the 60 s time-out
    });

    it('refuses a position beyond the head at once also when events exist and no runner is here', async () => {
      const head = await appendTicket(events, 'a', { notes: 1 });
      const queries = newEngine();
      const started = Date.now();
      await expect(queries.waitForPosition('tickets', head + 1, 60_000)).rejects.toMatchObject({
        code: 'POSITION_BEYOND_HEAD',
        position: head + 1,
        headPosition: head,
      });
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it('waits at most the bound for a position within the head, then says when to retry', async () => {
      const engine = newEngine();
      engine.register(failingTickets('not now', () => true));
      await engine.start();
      const head = await appendTicket(events, 'a', { notes: 1 });
      const started = Date.now();
      const behind = await engine.waitForPosition('tickets', head, 300).catch((e: unknown) => e);
      const waited = Date.now() - started;
      expect(behind).toBeInstanceOf(ProjectionTimeoutError);
      expect(behind).toMatchObject({
        code: 'PROJECTION_TIMEOUT',
        position: head,
        timeoutMs: 300,
        details: { retryAfterSeconds: 1 },
      });
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(2_000);
      expect(new ProjectionTimeoutError('tickets', 9, 8, 5_000).details).toEqual({
        retryAfterSeconds: 5,
      });
    });

    it('rejects with a timeout error that carries both positions', async () => {
      const control = { broken: true };
      const engine = newEngine();
      engine.register(failingTickets('not now', () => control.broken));
      await engine.start();
      await appendTicket(events, 'a', { notes: 1 });
      const error = await engine.waitForPosition('tickets', 2, 100).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProjectionTimeoutError);
      expect(error).toMatchObject({
        code: 'PROJECTION_TIMEOUT',
        projection: 'tickets',
        position: 2,
        appliedPosition: 1,
        timeoutMs: 100,
      });
      await expect(engine.waitForPosition('tickets', -1, 10)).rejects.toBeInstanceOf(
        InvalidQueryError,
      );
    });

    it('works from a process without the runner, by polling the durable checkpoint', async () => {
      const runnerEngine = newEngine();
      runnerEngine.register(ticketProjection());
      await runnerEngine.start();
      const queries = newEngine();
      const position = await appendTicket(events, 'a', { notes: 3 });
      await queries.waitForPosition('tickets', position, 2_000);
      expect(await queries.readModel<TicketView>('tickets').get('ticket-a')).toMatchObject({
        notes: 3,
      });
      await runnerEngine.stop();
      await appendTicket(events, 'b');
      await expect(queries.waitForPosition('tickets', position + 1, 50)).rejects.toMatchObject({
        code: 'PROJECTION_TIMEOUT',
        appliedPosition: position,
      });
      await expect(queries.waitForPosition('nope', 1, 10)).rejects.toBeInstanceOf(
        UnknownProjectionError,
      );
      await expect(queries.readModel('nope').get('x')).rejects.toBeInstanceOf(
        UnknownProjectionError,
      );
    });

    it('rejects waiters when the runner stops', async () => {
      const engine = newEngine();
      engine.register(failingTickets('never applied'));
      await engine.start();
      await appendTicket(events, 'a', { notes: 1 });
      const waiting = engine.waitForPosition('tickets', 2, 10_000);
      await engine.stop();
      await expect(waiting).rejects.toBeInstanceOf(ProjectionStoppedError);
    });
  });

  describe('rebuild', () => {
    it('rebuilds beside the serving version during concurrent writes, swaps, drops the old: nothing lost or counted twice', async () => {
      const expected = new Map<string, number>();
      let handled = 0;
      const append = async (id: string, notes: number): Promise<void> => {
        await appendTicket(events, id, { notes });
        expected.set(`ticket-${id}`, notes);
        handled += 1 + notes;
      };
      for (let i = 0; i < 60; i++) await append(`early-${i}`, 3);
      const engine = newEngine({ batchSize: 25, dropGraceMs: 300 });
      const runner = engine.register(ticketProjection());
      await engine.start();
      await engine.waitForPosition('tickets', await events.headPosition(), 2_000);

      const gate = rebuildGate(); // holds the rebuild on its first event until opened
      const handle = await engine.rebuild('tickets', gate.definition);
      expect(handle.generation).toBe(2);
      expect(await engine.status('tickets')).toMatchObject({
        state: 'rebuilding',
        generation: 1,
        rebuild: { generation: 2 },
      });
      let rebuilding = true;
      let appendedDuringRebuild = 0;
      let lastTotal = 0;
      let headWhenGateOpened = 0;
      const swapped = handle.done.finally(() => (rebuilding = false));
      const writer = (async () => {
        for (let i = 0; i < 80 || rebuilding; i++) {
          await append(`late-${i}`, i % 4);
          if (rebuilding) appendedDuringRebuild++;
          if (i === 4) {
            headWhenGateOpened = await events.headPosition();
            gate.open();
          }
          if (i % 10 === 0) {
            // The serving version keeps answering and keeps moving forward.
            const totals = (await tickets(engine).get('totals'))?.events ?? 0;
            expect(totals).toBeGreaterThanOrEqual(lastTotal);
            lastTotal = totals;
          }
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const result = await swapped;
      const oldCheckpoint = await store.loadCheckpoint('rm_tickets__v1');
      await writer;
      expect(appendedDuringRebuild).toBeGreaterThanOrEqual(5);
      expect(oldCheckpoint?.position).toBeGreaterThanOrEqual(headWhenGateOpened);
      expect(result).toMatchObject({ projection: 'tickets', generation: 2, version: 1 });

      const head = await events.headPosition();
      await engine.waitForPosition('tickets', head, 5_000);
      expect(runner.activeTable().generation).toBe(2);
      expect(await tickets(engine).get('totals')).toEqual({ kind: 'totals', events: handled });
      const docs = (await tickets(engine).find({ filter: { kind: 'ticket' }, limit: 1000 })).items;
      expect(new Map(docs.map((doc) => [doc.id, doc.data.notes]))).toEqual(expected);
      expect(await engine.status('tickets')).toMatchObject({
        state: 'running',
        generation: 2,
        rebuild: null,
      });

      await eventually(
        async () => (await store.loadState('tickets'))?.retired.length === 0,
        2_000,
        'old version dropped',
      );
      const tables = store.database
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm_tickets%'")
        .all();
      expect(tables).toEqual([{ name: 'rm_tickets__v2' }]);
      expect(await store.loadCheckpoint('rm_tickets__v1')).toBeUndefined();
    });

    it('refuses a second rebuild while one runs, and resumes an interrupted rebuild at the next start', async () => {
      const control = { broken: true };
      const blocked = defineProjection<TicketView>({
        name: 'tickets',
        version: 1,
        fields: ticketProjection().fields,
        handlers: {
          ...ticketProjection().handlers,
          [TICKET_CLOSED]: async (event, view) => {
            if (control.broken) throw new Error('blocked');
            await ticketProjection().handlers[TICKET_CLOSED]?.(event, view);
          },
        },
      });
      const head = await appendTicket(events, 'a', { notes: 1, close: true });
      const first = newEngine();
      first.register(ticketProjection());
      await first.start();
      await first.waitForPosition('tickets', head, 2_000);
      const handle = await first.rebuild('tickets', blocked);
      await expect(first.rebuild('tickets')).rejects.toBeInstanceOf(RebuildInProgressError);
      await eventually(
        async () => (await first.status('tickets')).rebuild?.lastError !== null,
        2_000,
      );
      expect((await first.status('tickets')).rebuild).toMatchObject({ generation: 2, position: 2 });
      await first.stop();
      await expect(handle.done).rejects.toBeInstanceOf(ProjectionStoppedError);

      control.broken = false;
      const second = newEngine();
      const runner = second.register(ticketProjection());
      await second.start();
      await eventually(
        () => runner.activeTable().generation === 2,
        2_000,
        'the resumed rebuild to swap',
      );
      expect(await tickets(second).get('ticket-a')).toMatchObject({ status: 'closed', notes: 1 });
      expect(await tickets(second).get('totals')).toEqual({ kind: 'totals', events: 3 });
    });

    it('rebuilds on start when the definition is newer, refuses older code and silent field changes', async () => {
      const head = await appendTicket(events, 'a', { notes: 2 });
      const v1 = newEngine();
      v1.register(ticketProjection());
      await v1.start();
      await v1.waitForPosition('tickets', head, 2_000);
      await v1.stop();

      const v2 = newEngine();
      const runner = v2.register(ticketProjection({ version: 2 }));
      await v2.start();
      await eventually(() => runner.activeTable().generation === 2, 2_000, 'the upgrade to swap');
      expect(await v2.status('tickets')).toMatchObject({
        version: 2,
        generation: 2,
        position: head,
      });
      await v2.stop();

      const old = newEngine();
      old.register(ticketProjection({ version: 1 }));
      await expect(old.start()).rejects.toBeInstanceOf(ProjectionVersionError);
      const changed = newEngine();
      changed.register(
        defineProjection({ ...ticketProjection({ version: 2 }), fields: { kind: 'string' } }),
      );
      await expect(changed.start()).rejects.toBeInstanceOf(ProjectionVersionError);
    });

    it('keeps the serving version updated during an upgrade when the previous definition is still deployed', async () => {
      const control = { broken: true };
      await appendTicket(events, 'a');
      const v1 = newEngine();
      v1.register(ticketProjection());
      await v1.start();
      await v1.waitForPosition('tickets', 1, 2_000);
      await v1.stop();

      const v2 = newEngine();
      const runner = v2.register(
        defineProjection<TicketView>({
          ...ticketProjection({ version: 2 }),
          handlers: {
            ...ticketProjection().handlers,
            [TICKET_NOTED]: async (event, view) => {
              if (control.broken) throw new Error('v2 not ready');
              await ticketProjection().handlers[TICKET_NOTED]?.(event, view);
            },
          },
        }),
        { previousVersions: [ticketProjection({ version: 1 })] },
      );
      await v2.start();
      const position = await appendEvent(events, 'ticket-a', TICKET_NOTED);
      await v2.waitForPosition('tickets', position, 2_000);
      expect(runner.activeTable().generation).toBe(1);
      expect(await tickets(v2).get('ticket-a')).toMatchObject({ notes: 1 });
      expect(await v2.status('tickets')).toMatchObject({
        state: 'rebuilding',
        rebuild: { generation: 2, version: 2 },
      });

      control.broken = false;
      await eventually(() => runner.activeTable().generation === 2, 2_000, 'the upgrade to swap');
      expect(await tickets(v2).get('ticket-a')).toMatchObject({ notes: 1 });
    });
  });
});
