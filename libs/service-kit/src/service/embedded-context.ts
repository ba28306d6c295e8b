import type { DynamicModule } from '@nestjs/common';
import type { EventBus, TopicProvisioningConfig } from '@sfp/messaging';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/service-metrics';
import { openEmbeddedContextStores, type ContextStores } from '../runtime/context-stores';
import type { PlatformUsers } from '../runtime/platform-users';
import type { CommandAttribution } from './context-dependencies';
import type { Clock, PersonIdOf } from './context.tokens';
import type { ServiceDefinition } from './service-definition';

/** What the embedded host shares among the contexts it mounts. */
export interface EmbeddedHostServices {
  /** The data folder: each context's SQLite files under `<dataDir>/<context>/`. */
  dataDir: string;
  bus: EventBus;
  attributeCommand?: CommandAttribution;
  personIdOf: PersonIdOf;
  /** The platform's users (its identity store). */
  users: PlatformUsers;
  clock: Clock;
  metrics: ServiceMetrics;
  logger: Logger;
  /** Default 3 partitions, replication 1 (the embedded bus keeps one copy). */
  topicProvisioning?: TopicProvisioningConfig;
  /** The variables its settings are read from (the environment and the host's own config). */
  settingsSource?: Record<string, unknown>;
  /** SFP_PROJECTION_STALL_AFTER_MS (default 30 s). */
  projectionStallAfterMs?: number;
}

/** A context opened by the embedded host: its module to import, and its stores to close after the app. */
export interface EmbeddedContext {
  definition: ServiceDefinition<object>;
  module: DynamicModule;
  stores: ContextStores;
}

/** Opens a context declared with `defineService` for the embedded host: its SQLite stores, its module. */
export function openEmbeddedContext<Settings extends object>(
  definition: ServiceDefinition<Settings>,
  host: EmbeddedHostServices,
): EmbeddedContext {
  const settings = definition.loadSettings(host.settingsSource ?? process.env);
  const stores = openEmbeddedContextStores(
    host.dataDir,
    definition.context,
    definition.eventTypes(),
  );
  const module = definition.register(
    {
      stores,
      bus: host.bus,
      topicProvisioning: host.topicProvisioning ?? { partitions: 3, replicationFactor: 1 },
      ...(host.attributeCommand ? { attributeCommand: host.attributeCommand } : {}),
      personIdOf: host.personIdOf,
      users: host.users,
      clock: host.clock,
      metrics: host.metrics,
      logger: host.logger,
      ...(host.projectionStallAfterMs
        ? { projectionStallAfterMs: host.projectionStallAfterMs }
        : {}),
    },
    settings,
  );
  return { definition: definition as unknown as ServiceDefinition<object>, module, stores };
}
