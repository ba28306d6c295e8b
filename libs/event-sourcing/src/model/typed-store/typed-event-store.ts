import type { NewEvent, RecordedEvent } from '../../envelope/event-envelope';
import type {
  AppendedListener,
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  SubscribeOptions,
  Subscription,
} from '../../store/event-store.port';
import type { TypedRecordedEvent } from '../event-type/event-type.definition';
import { UnsupportedSchemaVersionError } from '../event-type/event-type.errors';
import type { EventTypeRegistry } from '../event-type/event-type.registry';
import type { KeyStore } from '../personal-data/key-store.port';
import { PersonalDataCodec } from '../personal-data/personal-data.codec';
import { PersonalDataUnprotectedError } from '../personal-data/personal-data.errors';
import { PROTECTS_PERSONAL_DATA } from '../personal-data/protects-personal-data';

export interface TypedEventStoreOptions {
  /** The adapter underneath (SQLite, MongoDB, memory). */
  store: EventStore;
  eventTypes: EventTypeRegistry;
  /**
   * Where per-subject keys live. Required as soon as a registered type declares
   * personal data: without it such events are refused, never stored in clear.
   */
  keyStore?: KeyStore;
  /**
   * What reading an event of an unregistered type does: `'reject'` (default) raises
   * UnknownEventTypeError; `'pass-through'` returns it as stored (decrypted, not upcast),
   * for readers that follow the whole log but know only some types.
   */
  unknownTypes?: 'reject' | 'pass-through';
}

/**
 * The event store as services use it, over any adapter:
 *  - append: only registered types; declared personal fields are encrypted with
 *    the subject's key (crypto-shredding);
 *  - readStream, readAll, subscribe: encrypted values are decrypted (or read as
 *    `"[erased]"` once the subject is erased), then each event is upcast to its
 *    type's current schema version. Positions and versions are the adapter's.
 *    Without a key store, encrypted values are returned as stored (never in clear).
 */
export class TypedEventStore implements EventStore {
  readonly [PROTECTS_PERSONAL_DATA]: boolean;
  readonly eventTypes: EventTypeRegistry;
  private readonly store: EventStore;
  private readonly codec: PersonalDataCodec | undefined;
  private readonly unknownTypes: 'reject' | 'pass-through';

  constructor(options: TypedEventStoreOptions) {
    this.store = options.store;
    this.eventTypes = options.eventTypes;
    this.codec = options.keyStore
      ? new PersonalDataCodec(options.keyStore, options.eventTypes)
      : undefined;
    this.unknownTypes = options.unknownTypes ?? 'reject';
    this[PROTECTS_PERSONAL_DATA] = this.codec !== undefined;
    const inner = options.store;
    if (inner.onAppended) {
      this.onAppended = (listener) => this.forwardAppended(inner, listener);
    }
  }

  /**
   * The adapter's appended feed, as this store reads (decrypted, upcast): the
   * projection runner of a service follows its own appends from memory. Each
   * append is revealed asynchronously, so it may reach the listener just after
   * the append resolved; batches keep their order (a chain). A batch that cannot
   * be revealed is left out: followers then see a gap and read the store.
   */
  onAppended?: (listener: AppendedListener) => () => void;

  private forwardAppended(inner: EventStore, listener: AppendedListener): () => void {
    let chain: Promise<void> = Promise.resolve();
    let active = true;
    const remove = (inner.onAppended as (l: AppendedListener) => () => void)((events) => {
      chain = chain
        .then(async () => {
          const current = await this.toCurrent(events);
          if (active) listener(current);
        })
        .catch(() => undefined);
    });
    return () => {
      active = false;
      remove();
    };
  }

  async append(
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
  ): Promise<AppendResult> {
    for (const event of events) {
      const current = this.eventTypes.currentVersion(event.type); // UnknownEventTypeError
      if (!this.codec && this.eventTypes.personalDataOf(event.type)) {
        throw new PersonalDataUnprotectedError(event.type, 'this TypedEventStore has no key store');
      }
      if (
        !Number.isInteger(event.schemaVersion) ||
        event.schemaVersion < 1 ||
        event.schemaVersion > current
      ) {
        throw new UnsupportedSchemaVersionError(event.type, event.schemaVersion, current);
      }
    }
    const stored = this.codec ? await this.codec.protectAll(events) : events;
    return this.store.append(streamId, expected, stored);
  }

  async readStream(streamId: string, fromVersion?: number): Promise<RecordedEvent[]> {
    return this.toCurrent(await this.store.readStream(streamId, fromVersion));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.toCurrent(await this.store.readAll(options));
  }

  streamVersion(streamId: string): Promise<number> {
    return this.store.streamVersion(streamId);
  }

  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  subscribe(handler: EventHandler, options: SubscribeOptions): Subscription {
    return this.store.subscribe(async (event) => {
      const [current] = await this.toCurrent([event]);
      await handler(current as RecordedEvent);
    }, options);
  }

  /** Closes the adapter underneath (the key store belongs to whoever made it). */
  close(): Promise<void> {
    return this.store.close();
  }

  /** The stream's events as instances of their classes (decrypted, upcast). */
  async readStreamTyped(streamId: string, fromVersion?: number): Promise<TypedRecordedEvent[]> {
    return (await this.readStream(streamId, fromVersion)).map((event) =>
      this.eventTypes.hydrate(event),
    );
  }

  private async toCurrent(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const revealed = this.codec ? await this.codec.reveal(events) : events;
    return revealed.map((event) =>
      this.unknownTypes === 'pass-through' && !this.eventTypes.has(event.type)
        ? event
        : this.eventTypes.upcast(event),
    );
  }
}
