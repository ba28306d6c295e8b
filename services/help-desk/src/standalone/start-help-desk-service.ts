import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import {
  applyTrustedProxies,
  AUTH_ERROR_STATUSES,
  AuthModule,
  corsOriginsOf,
  openStandaloneAuth,
  signedCommandAttribution,
  type AuthRuntime,
} from '@sfp/auth';
import { contextTopics, MongoDeadLetterIndex, startDeadLetterIndexer } from '@sfp/messaging';
import {
  configureHttpApp,
  createLogger,
  OperationsModule,
  openDistributedContextStores,
  PinoNestLogger,
  pseudonymizer,
  ServiceMetrics,
  type ContextStores,
  type DeadLetterOperations,
  type Logger,
  type ReadinessCheck,
  kafkaReadinessCheck,
  watchConsumerLag,
  type ConsumerLagWatch,
  openStandaloneConnections,
  ResourceStack,
  publicUrlOf,
} from '@sfp/service-kit';
import {
  HELP_DESK_CONTEXT,
  HELP_DESK_ERROR_STATUSES,
  helpDeskEventTypes,
} from '../help-desk.context';
import { HelpDeskModule } from '../help-desk.module';
import type { HelpDeskRuntime } from '../help-desk.runtime';
import { slaPolicyFromEnv } from '../help-desk.config';
import type { HelpDeskServiceConfig } from './help-desk-service.config';

/** The group of the inbound command gateway (startInboundCommandGateway's default for the context). */
const COMMAND_GATEWAY_GROUP = `sfp.${HELP_DESK_CONTEXT}.command-gateway`;
const LAG_SAMPLE_INTERVAL_MS = 15_000;

export interface HelpDeskService {
  app: INestApplication;
  /** Where it listens, e.g. http://127.0.0.1:3001 (the API is under /api/help-desk). */
  url: string;
  logger: Logger;
  /** Stops the HTTP server and the workers, then closes the stores, Kafka and MongoDB. Safe to call twice. */
  close(): Promise<void>;
}

@Module({})
class HelpDeskServiceModule {
  static register(
    runtime: HelpDeskRuntime,
    auth: AuthRuntime,
    metrics: ServiceMetrics,
    readiness: ReadinessCheck[],
    deadLetters: DeadLetterOperations,
  ): DynamicModule {
    return {
      module: HelpDeskServiceModule,
      imports: [
        AuthModule.register(auth),
        HelpDeskModule.register(runtime),
        OperationsModule.register(metrics, readiness, deadLetters),
        RouterModule.register([
          { path: 'api/help-desk', module: HelpDeskModule },
          { path: 'api', module: OperationsModule },
          { path: 'api', module: AuthModule },
        ]),
      ],
    };
  }
}

/**
 * The help desk on its own (distributed mode): its event store, key store,
 * consumer state and read models in its own MongoDB database, Kafka as the bus
 * (public events on sfp.help-desk.events, department commands on
 * sfp.help-desk.commands), the same HTTP API as in the embedded platform under
 * /api/help-desk, health, readiness (MongoDB and Kafka) and metrics under /api.
 */
export async function startHelpDeskService(
  config: HelpDeskServiceConfig,
): Promise<HelpDeskService> {
  const logger = createLogger(`sfp-${HELP_DESK_CONTEXT}`, config.LOG_LEVEL);
  const metrics = new ServiceMetrics();
  const personIdOf = pseudonymizer(config.SFP_PSEUDONYM_SECRET);
  const topics = contextTopics(HELP_DESK_CONTEXT);

  const resources = new ResourceStack(logger);

  try {
    const { connection, bus, topicProvisioning } = await openStandaloneConnections(
      config,
      resources,
      logger,
      HELP_DESK_CONTEXT,
    );

    const auth = await openStandaloneAuth(connection, config, logger);

    const stores: ContextStores = await openDistributedContextStores(
      connection,
      HELP_DESK_CONTEXT,
      helpDeskEventTypes(),
    );
    resources.add(() => stores.close());

    const runtime: HelpDeskRuntime = {
      eventStore: stores.eventStore,
      outboxStore: stores.rawEventStore,
      eventTypes: stores.eventStore.eventTypes,
      keyStore: stores.keyStore,
      bus,
      topicProvisioning,
      consumerState: stores.consumerState,
      readModels: stores.readModels,
      attributeCommand: signedCommandAttribution(auth.store),
      sla: slaPolicyFromEnv(),
      slaCheckIntervalMs: config.SLA_CHECK_INTERVAL_MS,
      personIdOf,
      clock: () => new Date(),
      metrics,
      logger: logger.child({ context: HELP_DESK_CONTEXT }),
    };

    const lagWatch: ConsumerLagWatch = {
      bus,
      metrics,
      context: HELP_DESK_CONTEXT,
      groupId: COMMAND_GATEWAY_GROUP,
      topic: topics.commands,
    };
    const readiness: ReadinessCheck[] = [...stores.readiness, kafkaReadinessCheck(lagWatch)];

    const deadLetters: DeadLetterOperations = {
      index: new MongoDeadLetterIndex(connection),
      bus,
      dlqTopics: [topics.dlq],
    };

    const app = await NestFactory.create(
      HelpDeskServiceModule.register(runtime, auth, metrics, readiness, deadLetters),
      {
        logger: new PinoNestLogger(logger),
        bodyParser: false,
      },
    );
    // First in, last out: the HTTP server and the workers stop before the stores, the bus and the connection.
    resources.add(() => app.close());
    // request.ip, by which sign-in is throttled, is the client's behind the proxies of SFP_TRUSTED_PROXIES.
    applyTrustedProxies(app, config);
    configureHttpApp(app, {
      title: 'SFP Help Desk',
      description:
        'The help desk service on its own: service requests from units, departments, regional offices and constituents. ' +
        'Departments can also file and follow requests by message on sfp.help-desk.commands.',
      errorStatuses: { ...HELP_DESK_ERROR_STATUSES, ...AUTH_ERROR_STATUSES },
      logger,
      metrics,
      corsOrigins: corsOriginsOf(config),
    });
    await app.listen(config.PORT, config.HOST);
    const deadLetterIndexer = await startDeadLetterIndexer({
      bus,
      index: deadLetters.index,
      dlqTopics: deadLetters.dlqTopics,
      groupId: `sfp.${HELP_DESK_CONTEXT}.dlq-index`,
    });
    resources.add(() => deadLetterIndexer.stop());
    const stopLagWatch = watchConsumerLag(lagWatch, LAG_SAMPLE_INTERVAL_MS, (error) =>
      logger.debug({ err: error }, 'Consumer lag sample failed'),
    );
    resources.add(stopLagWatch);

    const address = app.getHttpServer().address() as { port: number };
    const url = publicUrlOf(config.HOST, address.port);
    return {
      app,
      url,
      logger,
      close: () => resources.closeAll(),
    };
  } catch (error) {
    await resources.closeAll();
    throw error;
  }
}
