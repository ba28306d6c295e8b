import { SqliteEventStore } from '@sfp/event-sourcing';
import { newEvent } from '@sfp/event-sourcing/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadModelStore } from '../read-model/sqlite/sqlite-read-model-store';
import { describeProjectionPipeline } from '../testing/projection.scenarios';
import {
  TICKET_NOTED,
  TICKET_OPENED,
  ticketProjection,
  type TicketView,
} from '../testing/ticket.projection.fixture';
import { ProjectionEngine } from './projection.engine';

// Embedded mode: the event store and the read models are SQLite files, as `npm start` runs them.
function openFiles(dir: string): { eventStore: SqliteEventStore; store: SqliteReadModelStore } {
  return {
    eventStore: new SqliteEventStore({ filename: join(dir, 'events.sqlite'), pollIntervalMs: 20 }),
    store: new SqliteReadModelStore({ filename: join(dir, 'read-models.sqlite') }),
  };
}

describeProjectionPipeline('embedded (SQLite files)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfp-projections-'));
  const opened = [openFiles(dir)];
  const first = opened[0] as ReturnType<typeof openFiles>;
  return {
    eventStore: first.eventStore,
    store: first.store,
    reopen: async () => {
      const again = openFiles(dir);
      opened.push(again);
      return again;
    },
    listReadModels: async (projection) =>
      (
        first.store.database
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ORDER BY name",
          )
          .all(`rm_${projection.replace(/-/g, '_')}__v%`) as { name: string }[]
      ).map((row) => row.name),
    cleanup: async () => {
      for (const { eventStore, store } of opened) {
        await store.close();
        await eventStore.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('embedded throughput', () => {
  let dir: string;
  let files: ReturnType<typeof openFiles>;
  let engine: ProjectionEngine;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sfp-projections-bench-'));
    files = openFiles(dir);
    engine = new ProjectionEngine({ ...files, pollIntervalMs: 5 });
  });
  afterEach(async () => {
    await engine.stop();
    await files.store.close();
    await files.eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `tickets` streams of 1 opening + 9 notes, appended 200 appends at a time (the store group-commits them). */
  async function appendTickets(first: number, tickets: number): Promise<void> {
    for (let start = first; start < first + tickets; start += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, first + tickets - start) }, (_, i) =>
          files.eventStore.append(`ticket-${start + i}`, 'no-stream', [
            newEvent({ type: TICKET_OPENED, data: { title: `Ticket ${start + i}` } }),
            ...Array.from({ length: 9 }, () => newEvent({ type: TICKET_NOTED, data: {} })),
          ]),
        ),
      );
    }
  }

  // Figures are printed, not asserted: speed is the benchmarks' job (npm run bench:pipeline),
  // a timed assertion fails on a busy machine without anything being wrong.
  it('catches up on 30,000 events, then keeps up while 30,000 more are appended', async () => {
    await appendTickets(0, 3_000);
    engine.register(ticketProjection());
    const catchUpStart = performance.now();
    await engine.start();
    await engine.waitForPosition('tickets', 30_000, 30_000);
    const catchUpRate = 30_000 / ((performance.now() - catchUpStart) / 1000);

    // Appends and projection share this process (as in embedded mode): the end-to-end
    // rate includes the event store's appends; the tail shows whether the projection keeps up.
    const liveStart = performance.now();
    await appendTickets(3_000, 3_000);
    const appended = performance.now();
    await engine.waitForPosition('tickets', 60_000, 30_000);
    const tailMs = performance.now() - appended;
    const liveRate = 30_000 / ((performance.now() - liveStart) / 1000);

    process.stdout.write(
      `[projections] embedded, 30,000 events each: catch-up ${Math.round(catchUpRate)} events/s; ` +
        `append + project ${Math.round(liveRate)} events/s, projection done ${Math.round(tailMs)} ms after the last append\n`,
    );
    expect(await engine.readModel<TicketView>('tickets').get('totals')).toEqual({
      kind: 'totals',
      events: 60_000,
    });
    expect(await engine.readModel<TicketView>('tickets').count({ notes: 9 })).toBe(6_000);
  });
});
