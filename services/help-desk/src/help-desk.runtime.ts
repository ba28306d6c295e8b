import type { EventStore, EventTypeRegistry, KeyStore } from '@sfp/event-sourcing';
import type {
  ConsumerStateStores,
  EventBus,
  InboundCommandGatewayOptions,
  TopicProvisioningConfig,
} from '@sfp/messaging';
import type { ReadModelStore } from '@sfp/projections';
import type { Logger, ServiceMetrics } from '@sfp/service-kit';
import type { SlaPolicy } from './service-request/domain/sla-policy';

/** DI token of the help desk's runtime. */
export const HELP_DESK_RUNTIME = Symbol('HELP_DESK_RUNTIME');
/** DI token of the help desk's ProjectionEngine (its read models). */
export const HELP_DESK_PROJECTIONS = Symbol('HELP_DESK_PROJECTIONS');

/**
 * Everything the help desk needs from its surroundings, built either by the
 * embedded platform host (SQLite files, embedded bus) or by the standalone
 * service (MongoDB, Kafka). The module never builds adapters itself.
 */
export interface HelpDeskRuntime {
  /** A TypedEventStore with a key store: personal data encrypted, events upcast on read. */
  eventStore: EventStore;
  /** The same events as stored (personal data encrypted): what the outbox relay publishes. */
  outboxStore: EventStore;
  eventTypes: EventTypeRegistry;
  keyStore: KeyStore;
  bus: EventBus;
  /** Partitions and replication of the context's topics, created at start when missing. */
  topicProvisioning: TopicProvisioningConfig;
  consumerState: ConsumerStateStores;
  /** Where the help desk's read models live (embedded SQLite or MongoDB). */
  readModels: ReadModelStore;
  /**
   * Who sent a command on sfp.help-desk.commands (libs/auth's signed-header
   * check); a message it cannot attribute goes to the dead-letter topic.
   */
  attributeCommand: NonNullable<InboundCommandGatewayOptions['actorOf']>;
  sla: SlaPolicy;
  /** How often the scheduled SLA check runs (0 = never; tests call checkSlas themselves). */
  slaCheckIntervalMs: number;
  /** Turns an e-mail address into the requester's pseudonymous person id. */
  personIdOf(email: string): string;
  clock: () => Date;
  metrics: ServiceMetrics;
  logger: Logger;
}
