import {
  InMemoryEventStore,
  MemoryKeyStore,
  newEventId,
  TypedEventStore,
  type Actor,
  type RecordedEvent,
} from '@sfp/event-sourcing';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { trainingEventTypes } from '../../../training.context';
import { TRAINING_PROJECTIONS } from '../../../training.read-side';

/**
 * The training read side over real stores, for specs: a typed event store in
 * memory (personal data encrypted per person, as in production), SQLite read
 * models in memory, and the projection engine running every training
 * projection. Specs append events as the write side would and read the views.
 */
export class ReadSideHarness {
  readonly keys = new MemoryKeyStore();
  readonly store = new TypedEventStore({
    store: new InMemoryEventStore({ now: () => new Date('2026-06-30T12:00:00.000Z') }),
    eventTypes: trainingEventTypes(),
    keyStore: this.keys,
  });
  readonly readModels = new SqliteReadModelStore({ filename: ':memory:' });
  readonly engine = new ProjectionEngine({
    eventStore: this.store,
    store: this.readModels,
    pollIntervalMs: 10,
  });
  private started = false;

  constructor() {
    for (const projection of TRAINING_PROJECTIONS) this.engine.register(projection);
  }

  /** Appends events to a stream, as one command by `actor` would, at `occurredAt`. */
  async append(
    streamId: string,
    events: ReadonlyArray<{ type: string; data: unknown }>,
    occurredAt = '2026-03-02T09:00:00.000Z',
    actor: Actor = { kind: 'person', id: 'user-coordinator-1' },
  ): Promise<number> {
    const result = await this.store.append(
      streamId,
      'any',
      events.map((event) => ({
        eventId: newEventId(),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: {
          correlationId: `spec-${streamId}`,
          actor,
          occurredAt,
        },
      })),
    );
    return result.positions[result.positions.length - 1] ?? 0;
  }

  /** Waits until every projection has applied everything appended so far. */
  async settle(): Promise<number> {
    if (!this.started) {
      await this.engine.start();
      this.started = true;
    }
    const head = await this.store.headPosition();
    for (const projection of TRAINING_PROJECTIONS) {
      await this.engine.waitForPosition(projection.name, head, 5_000);
    }
    return head;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId);
  }

  async close(): Promise<void> {
    await this.engine.stop();
    await this.readModels.close();
  }
}
