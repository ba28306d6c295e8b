import type { EventStore, EventTypeRegistry } from '@sfp/event-sourcing';
import type {
  ConsumerStateStores,
  EventBus,
  InboundCommandGatewayOptions,
  TopicProvisioningConfig,
} from '@sfp/messaging';
import type { ReadModelStore } from '@sfp/projections';
import type { Logger, ServiceMetrics } from '@sfp/service-kit';

/** DI token of the knowledge base's runtime. */
export const KNOWLEDGE_BASE_RUNTIME = Symbol('KNOWLEDGE_BASE_RUNTIME');
/** DI token of the knowledge base's ProjectionEngine (its read models): the context's PROJECTION_ENGINE. */
export const KNOWLEDGE_BASE_PROJECTIONS = Symbol('KNOWLEDGE_BASE_PROJECTIONS');

/**
 * What the knowledge base's use cases are handed (the command runner, the
 * target reactor, the message dispatch): built in its declaration
 * (knowledge-base.service.ts) from the context's typed tokens, which the
 * hosts provide. Controllers inject the tokens they use.
 */
export interface KnowledgeBaseRuntime {
  /** A TypedEventStore (events upcast on read). The knowledge base holds no personal data. */
  eventStore: EventStore;
  /** The same events as stored: what the outbox relay publishes. */
  outboxStore: EventStore;
  eventTypes: EventTypeRegistry;
  bus: EventBus;
  topicProvisioning: TopicProvisioningConfig;
  consumerState: ConsumerStateStores;
  /** Where the knowledge base's read models live (embedded SQLite or MongoDB). */
  readModels: ReadModelStore;
  /**
   * Who sent an inbound command (e.g. `signedCommandAttribution` of @sfp/auth:
   * the client whose API key signed it); by default the sender and department headers.
   */
  attributeCommand?: InboundCommandGatewayOptions['actorOf'];
  clock: () => Date;
  metrics: ServiceMetrics;
  logger: Logger;
}
