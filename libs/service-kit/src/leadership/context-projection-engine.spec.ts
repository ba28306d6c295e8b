import { HttpException } from '@nestjs/common';
import { InMemoryEventStore, SYSTEM_ACTOR } from '@sfp/event-sourcing';
import { defineProjection, SqliteReadModelStore } from '@sfp/projections';
import { ContextProjectionEngine } from './context-projection-engine';

/** Two instances' engines on one read-model store: the leader runs the projection, the follower only registers it. */
describe('ContextProjectionEngine', () => {
  const eventStore = new InMemoryEventStore();
  const store = new SqliteReadModelStore({ filename: ':memory:' });
  const notes = defineProjection<{ text: string }>({
    name: 'notes',
    version: 1,
    fields: {},
    handlers: {
      'test.NoteTaken': async (event, view) => {
        await view.upsert(event.streamId, { text: String((event.data as { text: string }).text) });
      },
    },
  });
  const leader = new ContextProjectionEngine({ eventStore, store });
  const follower = new ContextProjectionEngine({ eventStore, store });

  beforeAll(async () => {
    leader.register(notes);
    follower.register(notes);
    await leader.start();
  });
  afterAll(async () => {
    await leader.stop();
    await store.close();
  });

  it('refuses a rebuild on the follower with 503 NOT_THE_LEADER, and starts it on the leader', async () => {
    const refusal = await follower.rebuild('notes').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpException);
    expect((refusal as HttpException).getStatus()).toBe(503);
    expect((refusal as HttpException).getResponse()).toMatchObject({ code: 'NOT_THE_LEADER' });

    const handle = await leader.rebuild('notes');
    expect(handle.generation).toBeGreaterThan(1);
    await handle.done;
  });

  it('answers read-your-writes on the follower from the leader checkpoint', async () => {
    await eventStore.append('note-1', 0, [
      {
        eventId: 'e-note-1',
        type: 'test.NoteTaken',
        schemaVersion: 1,
        data: { text: 'hello' },
        metadata: {
          correlationId: 'c-1',
          actor: SYSTEM_ACTOR,
          occurredAt: new Date(0).toISOString(),
        },
      },
    ]);
    leader.wake();
    await follower.waitForPosition('notes', await eventStore.headPosition(), 5_000);
    expect(await follower.readModel<{ text: string }>('notes').get('note-1')).toEqual({
      text: 'hello',
    });
  });
});
