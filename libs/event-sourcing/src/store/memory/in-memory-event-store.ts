import type { NewEvent, RecordedEvent } from '../../envelope/event-envelope';
import { EventStoreAdapter } from '../common/event-store-adapter';
import { checkExpectedVersion } from '../common/expected-version';
import type { PreparedEvent } from '../common/prepare-append';
import { fromVersionOf, readAllBounds } from '../common/read-options';
import { DuplicateEventError } from '../event-store.errors';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
} from '../event-store.port';

export interface InMemoryEventStoreOptions {
  /** The clock of `recordedAt` (default: the system clock). */
  now?: () => Date;
  /** Poll interval of subscriptions (default 100 ms; in-process appends wake them at once). */
  pollIntervalMs?: number;
}

/**
 * The event store in a JavaScript array, for fast unit tests of deciders,
 * handlers and projections. Same semantics as the durable adapters (it runs the
 * same contract suite): each event is kept as JSON text, so what a test reads
 * back is a copy that went through JSON, as it would from SQLite or MongoDB.
 * Not durable, not shared between processes.
 */
export class InMemoryEventStore extends EventStoreAdapter implements EventStore {
  /** The log in global order: index = position - 1. */
  private readonly log: string[] = [];
  /** Positions of each stream's events, index = streamVersion - 1. */
  private readonly streams = new Map<string, number[]>();
  private readonly eventIds = new Set<string>();
  private readonly now: () => Date;

  constructor(options: InMemoryEventStoreOptions = {}) {
    super(options.pollIntervalMs);
    this.now = options.now ?? (() => new Date());
  }

  protected async appendPrepared(
    streamId: string,
    expected: ExpectedVersion,
    prepared: PreparedEvent[],
  ): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    checkExpectedVersion(streamId, expected, stream.length);
    for (const { event } of prepared) {
      if (this.eventIds.has(event.eventId)) throw new DuplicateEventError(event.eventId);
    }
    const recordedAt = this.now().toISOString();
    const positions = prepared.map(({ event, dataJson }) => {
      const position = this.log.length + 1;
      // stream.length + 1: the version of this event, as the previous one was pushed already.
      this.log.push(encode(event, dataJson, streamId, stream.length + 1, position, recordedAt));
      this.eventIds.add(event.eventId);
      stream.push(position);
      return position;
    });
    this.streams.set(streamId, stream);
    this.emitAppended(() => positions.map((position) => this.at(position)));
    this.notifyAppended();
    return { streamId, nextExpectedVersion: stream.length, positions };
  }

  async readStream(streamId: string, fromVersion?: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    const from = fromVersionOf(fromVersion);
    return (this.streams.get(streamId) ?? []).slice(from - 1).map((position) => this.at(position));
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    return this.streams.get(streamId)?.length ?? 0;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { afterPosition, limit } = readAllBounds(options);
    const end = Math.min(this.log.length, afterPosition + limit);
    const events: RecordedEvent[] = [];
    for (let position = afterPosition + 1; position <= end; position++)
      events.push(this.at(position));
    return events;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.log.length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.stopSubscriptions();
  }

  private at(position: number): RecordedEvent {
    return JSON.parse(this.log[position - 1] as string) as RecordedEvent;
  }

  protected storeName(): string {
    return 'in-memory event store';
  }
}

function encode(
  event: NewEvent,
  dataJson: string,
  streamId: string,
  streamVersion: number,
  position: number,
  recordedAt: string,
): string {
  const { metadata } = event;
  const recorded: Omit<RecordedEvent, 'data'> = {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId,
    streamVersion,
    position,
    occurredAt: metadata.occurredAt,
    recordedAt,
    correlationId: metadata.correlationId,
    ...(metadata.causationId === undefined ? {} : { causationId: metadata.causationId }),
    ...(metadata.imported ? { imported: true as const } : {}),
    actor: {
      kind: metadata.actor.kind,
      id: metadata.actor.id,
      ...(metadata.actor.department === undefined ? {} : { department: metadata.actor.department }),
    },
  };
  // The data's JSON is spliced in as is: no second serialisation of a large payload.
  return `${JSON.stringify(recorded).slice(0, -1)},"data":${dataJson}}`;
}
