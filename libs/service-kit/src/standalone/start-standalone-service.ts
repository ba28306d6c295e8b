import { signedCommandAttribution } from '@sfp/auth';
import { contextTopics } from '@sfp/messaging';
import {
  kafkaReadinessCheck,
  watchConsumerLag,
  type ConsumerLagWatch,
} from '../runtime/kafka-readiness';
import { openDistributedContextStores } from '../runtime/context-stores';
import { platformUsersOf } from '../runtime/platform-users';
import { pseudonymizer } from '../runtime/pseudonyms';
import type { ServiceDefinition } from '../service/service-definition';
import { checkStandaloneSettings, type StandaloneConfig } from './standalone.config';
import { startStandaloneHost, type StandaloneService } from './standalone-host';

const LAG_SAMPLE_INTERVAL_MS = 15_000;

/**
 * A context declared with `defineService`, on its own (distributed mode): its
 * event store, key store, consumer state and read models in its own MongoDB
 * database (sfp_<context>), Kafka as the bus (public events on
 * sfp.<context>.events, department commands on sfp.<context>.commands), the
 * same HTTP API as in the embedded platform under /api/<context>, and health,
 * readiness (MongoDB, Kafka and the command gateway's lag) and metrics under /api.
 * `env` is checked first, all at once (checkStandaloneSettings): the standalone
 * settings and the context's settings class.
 */
export async function startStandaloneService<Settings extends object>(
  definition: ServiceDefinition<Settings>,
  env: Record<string, unknown> = process.env,
): Promise<StandaloneService & { config: StandaloneConfig }> {
  // Every setting checked, and every problem reported, before anything is opened.
  const { config, settings } = checkStandaloneSettings(definition, env);
  const { context } = definition;
  const topics = contextTopics(context);
  const secret = config.SFP_PSEUDONYM_SECRET;
  const service = await startStandaloneHost({
    name: context,
    title: definition.title,
    description: definition.description,
    config,
    provisionContext: context,
    mount: async ({ connection, bus, topicProvisioning, auth, metrics, logger, resources }) => {
      const stores = await openDistributedContextStores(
        connection,
        context,
        definition.eventTypes(),
      );
      resources.add(() => stores.close());
      const lagWatch: ConsumerLagWatch = {
        bus,
        metrics,
        context,
        groupId: `sfp.${context}.command-gateway`,
        topic: topics.commands,
      };
      return {
        module: definition.register(
          {
            stores,
            bus,
            topicProvisioning,
            attributeCommand: signedCommandAttribution(auth.store),
            personIdOf: secret ? pseudonymizer(secret) : noPersonalData(context),
            users: platformUsersOf(auth.store),
            clock: () => new Date(),
            metrics,
            logger,
            leaderLease: { ttlMs: config.SFP_LEADER_LEASE_MS },
            projectionStallAfterMs: config.SFP_PROJECTION_STALL_AFTER_MS,
          },
          settings,
        ),
        moduleClass: definition.module,
        routePath: definition.routePath,
        readiness: [...stores.readiness, kafkaReadinessCheck(lagWatch)],
        dlqTopics: [topics.dlq],
        errorStatuses: definition.errorStatuses,
        afterListen: () =>
          resources.add(
            watchConsumerLag(lagWatch, LAG_SAMPLE_INTERVAL_MS, (error) =>
              logger.debug({ err: error }, 'Consumer lag sample failed'),
            ),
          ),
      };
    },
  });
  return { ...service, config };
}

function noPersonalData(context: string) {
  return (): string => {
    throw new Error(
      `The ${context} context does not declare personalData: it has no pseudonym secret`,
    );
  };
}
