import type { Provider } from '@nestjs/common';
import type {
  InboundCommandGatewayOptions,
  EventBus,
  TopicProvisioningConfig,
} from '@sfp/messaging';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/service-metrics';
import type { ContextStores } from '../runtime/context-stores';
import type { PlatformUsers } from '../runtime/platform-users';
import { pastFactClock } from '../http/past-fact';
import { ContextProjectionEngine } from '../leadership/context-projection-engine';
import { ContextCommands } from './context-commands';
import {
  CLOCK,
  COMMAND_ATTRIBUTION,
  COMMANDS,
  CONSUMER_STATE,
  CONTEXT_NAME,
  CONTEXT_SETTINGS,
  EVENT_BUS,
  EVENT_STORE,
  EVENT_TYPES,
  KEY_STORE,
  LEADER_LEASE,
  LOGGER,
  METRICS,
  OUTBOX_STORE,
  PERSON_ID_OF,
  PLATFORM_USERS,
  PROJECTION_ENGINE,
  READ_MODELS,
  STORE_LOCATION,
  TOPIC_PROVISIONING,
  type Clock,
  type LeaderLease,
  type PersonIdOf,
} from './context.tokens';

/** Who sent an inbound command, or why it cannot be attributed (libs/auth's signedCommandAttribution). */
export type CommandAttribution = NonNullable<InboundCommandGatewayOptions['actorOf']>;

/**
 * What a host gives each context it mounts: the context's own stores (opened
 * for it, embedded or distributed) and what the host shares among its contexts.
 */
export interface ContextDependencies {
  stores: ContextStores;
  bus: EventBus;
  topicProvisioning: TopicProvisioningConfig;
  /** Without it, the sender and department headers are trusted (tests only). */
  attributeCommand?: CommandAttribution;
  personIdOf: PersonIdOf;
  /** The platform's users (the identity store the host authenticates with). */
  users: PlatformUsers;
  clock: Clock;
  metrics: ServiceMetrics;
  /** The host's logger; the context gets a child with `context`. */
  logger: Logger;
  /**
   * Several instances may run (distributed): the singleton work (projections,
   * reactors, workers) runs on the holder of this lease only. Without it the
   * process is the only instance and always the leader (embedded).
   */
  leaderLease?: LeaderLease;
  /** How long a projection may stand still while events wait before it is reported stalled (default 30 s). */
  projectionStallAfterMs?: number;
}

/** The typed tokens of one context, each provided inside its module. */
export function contextProviders(
  context: string,
  dependencies: ContextDependencies,
  settings: object,
): Provider[] {
  const { stores } = dependencies;
  const logger = dependencies.logger.child({ context });
  const engine = new ContextProjectionEngine({
    eventStore: stores.eventStore,
    store: stores.readModels,
    logger,
    ...(dependencies.projectionStallAfterMs
      ? { stallAfterMs: dependencies.projectionStallAfterMs }
      : {}),
  });
  const commands = new ContextCommands({
    context,
    store: stores.eventStore,
    eventTypes: stores.eventStore.eventTypes,
    metrics: dependencies.metrics,
    appended: () => engine.wake(),
    clock: dependencies.clock,
  });
  return [
    { provide: CONTEXT_NAME, useValue: context },
    { provide: EVENT_STORE, useValue: stores.eventStore },
    { provide: OUTBOX_STORE, useValue: stores.rawEventStore },
    { provide: KEY_STORE, useValue: stores.keyStore },
    { provide: EVENT_TYPES, useValue: stores.eventStore.eventTypes },
    { provide: EVENT_BUS, useValue: dependencies.bus },
    { provide: TOPIC_PROVISIONING, useValue: dependencies.topicProvisioning },
    { provide: CONSUMER_STATE, useValue: stores.consumerState },
    { provide: READ_MODELS, useValue: stores.readModels },
    { provide: STORE_LOCATION, useValue: stores.location },
    { provide: PROJECTION_ENGINE, useValue: engine },
    { provide: COMMANDS, useValue: commands },
    { provide: COMMAND_ATTRIBUTION, useValue: dependencies.attributeCommand ?? null },
    { provide: PERSON_ID_OF, useValue: dependencies.personIdOf },
    { provide: PLATFORM_USERS, useValue: dependencies.users },
    // A command recording a past fact (X-SFP-Occurred-At) reads the fact's time.
    { provide: CLOCK, useValue: pastFactClock(dependencies.clock) },
    { provide: METRICS, useValue: dependencies.metrics },
    { provide: LOGGER, useValue: logger },
    { provide: CONTEXT_SETTINGS, useValue: settings },
    { provide: LEADER_LEASE, useValue: dependencies.leaderLease ?? null },
  ];
}
