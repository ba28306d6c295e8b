import { InMemoryEventStore, parseFailpoints, setFailpoints } from '@sfp/event-sourcing';
import { SqliteReadModelStore } from '../read-model/sqlite/sqlite-read-model-store';
import {
  appendTicket,
  eventually,
  ticketProjection,
  type TicketView,
} from '../testing/ticket.projection.fixture';
import { ProjectionEngine } from './projection.engine';

/**
 * The failpoint `projection.apply` (SFP_FAILPOINTS) acts on the batches of
 * the projection it names, and on no other: the fault suite's slow consumer.
 */
describe('the failpoint projection.apply', () => {
  let events: InMemoryEventStore;
  let store: SqliteReadModelStore;
  let engine: ProjectionEngine;

  beforeEach(() => {
    events = new InMemoryEventStore();
    store = new SqliteReadModelStore({ filename: ':memory:' });
    engine = new ProjectionEngine({
      eventStore: events,
      store,
      pollIntervalMs: 5,
      retryInitialDelayMs: 5,
      retryMaxDelayMs: 20,
    });
  });
  afterEach(async () => {
    await engine.stop();
    setFailpoints(undefined);
    await store.close();
    await events.close();
  });

  it('fails the named projection twice (retried, recorded), and leaves the other one alone', async () => {
    setFailpoints(parseFailpoints('projection.apply=tickets:2*throw(disk on fire)'));
    engine.register(ticketProjection());
    engine.register(ticketProjection({ name: 'tickets-too' }));
    await appendTicket(events, 't-1', { notes: 1 });
    await engine.start();

    await eventually(async () => (await engine.status('tickets')).position === 2);
    const failed = await engine.status('tickets');
    expect(failed.lastError).toMatchObject({
      message: 'disk on fire (failpoint projection.apply=tickets)',
      attempts: 2,
    });
    expect(failed.lastError?.resolvedAt).toEqual(expect.any(String));
    expect((await engine.status('tickets-too')).lastError).toBeNull();
    expect(await engine.readModel<TicketView>('tickets').get('ticket-t-1')).toMatchObject({
      notes: 1,
    });
  });

  it('sleeps the named projection: its position stands still meanwhile', async () => {
    setFailpoints(parseFailpoints('projection.apply=tickets:1*sleep(300)'));
    engine.register(ticketProjection());
    engine.register(ticketProjection({ name: 'tickets-too' }));
    await appendTicket(events, 't-1');
    await engine.start();

    await eventually(async () => (await engine.status('tickets-too')).position === 1);
    expect((await engine.status('tickets')).position).toBe(0);
    await eventually(async () => (await engine.status('tickets')).position === 1);
  });
});
