/**
 * The typed DI tokens of a bounded context's dependencies. `defineService`
 * provides each of them inside the context's own Nest module (module-scoped,
 * so the contexts of the embedded host each get theirs); a class asks for what
 * it uses, by token, with the type named here:
 *
 *   constructor(@Inject(EVENT_STORE) private readonly events: TypedEventStore,
 *               @Inject(CLOCK) private readonly clock: Clock) {}
 */

/** The context's name, e.g. `help-desk` (string). */
export const CONTEXT_NAME = Symbol('sfp.context.name');
/** Where its stores live (StoreLocation): its folder (embedded) or its MongoDB connection (distributed). */
export const STORE_LOCATION = Symbol('sfp.context.store-location');
/** Its event store: a TypedEventStore (upcasting, personal data encrypted with the key store). */
export const EVENT_STORE = Symbol('sfp.context.event-store');
/** The same events as stored (an EventStore): what the outbox relay publishes. */
export const OUTBOX_STORE = Symbol('sfp.context.outbox-store');
/** The context's subject keys (KeyStore): crypto-shredding of personal data. */
export const KEY_STORE = Symbol('sfp.context.key-store');
/** The registry of its event types (EventTypeRegistry). */
export const EVENT_TYPES = Symbol('sfp.context.event-types');
/** The bus (EventBus): embedded or Kafka. */
export const EVENT_BUS = Symbol('sfp.context.event-bus');
/** Partitions and replication of the context's topics (TopicProvisioningConfig). */
export const TOPIC_PROVISIONING = Symbol('sfp.context.topic-provisioning');
/** Checkpoints, leases and processed ids of its consumers (ConsumerStateStores). */
export const CONSUMER_STATE = Symbol('sfp.context.consumer-state');
/** Where its read models live (ReadModelStore). */
export const READ_MODELS = Symbol('sfp.context.read-models');
/**
 * How its instances choose the one that runs its singleton work (LeaderLease
 * or null): a lease in its consumer-state store (distributed), or null when
 * one process is the only instance (embedded: always the leader).
 */
export const LEADER_LEASE = Symbol('sfp.context.leader-lease');
/** Its ProjectionEngine (read models, reactors). */
export const PROJECTION_ENGINE = Symbol('sfp.context.projection-engine');
/** Its command pipeline (ContextCommands): load, decide, append, retry, count, wake the projections. */
export const COMMANDS = Symbol('sfp.context.commands');
/** Who sent an inbound command (CommandAttribution): libs/auth's signed-header check. */
export const COMMAND_ATTRIBUTION = Symbol('sfp.context.command-attribution');
/** Turns an e-mail address into a pseudonymous person id (PersonIdOf). */
export const PERSON_ID_OF = Symbol('sfp.context.person-id-of');
/** The clock (Clock): never Date.now() in a context. */
export const CLOCK = Symbol('sfp.context.clock');
/** The host's ServiceMetrics. */
export const METRICS = Symbol('sfp.context.metrics');
/** The context's logger (Logger, a child with `context`). */
export const LOGGER = Symbol('sfp.context.logger');
/** The platform's users, read-only (PlatformUsers): to check the people a command names. */
export const PLATFORM_USERS = Symbol('sfp.context.platform-users');
/** The context's own settings, read from the environment with its `settings` class. */
export const CONTEXT_SETTINGS = Symbol('sfp.context.settings');

/**
 * Optional, a context's own: what else goes with a person's personal data once
 * their key is erased (PersonalDataErasureFollowUp), e.g. the help desk's files.
 */
export const PERSONAL_DATA_ERASURE_FOLLOW_UP = Symbol(
  'sfp.context.personal-data-erasure-follow-up',
);

/** What PERSONAL_DATA_ERASURE_FOLLOW_UP gives. */
export interface PersonalDataErasureFollowUp {
  afterErasure(personId: string): Promise<void>;
}

/** What LEADER_LEASE gives: the lease's time to live (renewed every third of it). */
export interface LeaderLease {
  ttlMs: number;
}

/** What CLOCK gives. */
export type Clock = () => Date;
/** What PERSON_ID_OF gives. */
export type PersonIdOf = (email: string) => string;
