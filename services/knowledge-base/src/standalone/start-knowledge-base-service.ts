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
  KNOWLEDGE_BASE_CONTEXT,
  KNOWLEDGE_BASE_ERROR_STATUSES,
  knowledgeBaseEventTypes,
} from '../knowledge-base.context';
import { KnowledgeBaseModule } from '../knowledge-base.module';
import type { KnowledgeBaseRuntime } from '../knowledge-base.runtime';
import type { KnowledgeBaseServiceConfig } from './knowledge-base-service.config';

/** The group of the inbound command gateway (startInboundCommandGateway's default for the context). */
const COMMAND_GATEWAY_GROUP = `sfp.${KNOWLEDGE_BASE_CONTEXT}.command-gateway`;
const LAG_SAMPLE_INTERVAL_MS = 15_000;

export interface KnowledgeBaseService {
  app: INestApplication;
  /** Where it listens, e.g. http://127.0.0.1:3003 (the API is under /api/knowledge-base). */
  url: string;
  logger: Logger;
  /** Stops the HTTP server and the workers, then closes the stores, Kafka and MongoDB. Safe to call twice. */
  close(): Promise<void>;
}

@Module({})
class KnowledgeBaseServiceModule {
  static register(
    runtime: KnowledgeBaseRuntime,
    auth: AuthRuntime,
    metrics: ServiceMetrics,
    readiness: ReadinessCheck[],
    deadLetters: DeadLetterOperations,
  ): DynamicModule {
    return {
      module: KnowledgeBaseServiceModule,
      imports: [
        AuthModule.register(auth),
        KnowledgeBaseModule.register(runtime),
        OperationsModule.register(metrics, readiness, deadLetters),
        RouterModule.register([
          { path: 'api/knowledge-base', module: KnowledgeBaseModule },
          { path: 'api', module: OperationsModule },
          { path: 'api', module: AuthModule },
        ]),
      ],
    };
  }
}

/**
 * The knowledge base on its own (distributed mode): its event store, key store,
 * consumer state and read models in its own MongoDB database, Kafka as the bus
 * (public events on sfp.knowledge-base.events, department commands on
 * sfp.knowledge-base.commands), the same HTTP API as in the embedded platform under
 * /api/knowledge-base, health, readiness (MongoDB and Kafka) and metrics under /api.
 */
export async function startKnowledgeBaseService(
  config: KnowledgeBaseServiceConfig,
): Promise<KnowledgeBaseService> {
  const logger = createLogger(`sfp-${KNOWLEDGE_BASE_CONTEXT}`, config.LOG_LEVEL);
  const metrics = new ServiceMetrics();
  const topics = contextTopics(KNOWLEDGE_BASE_CONTEXT);

  const resources = new ResourceStack(logger);

  try {
    const { connection, bus, topicProvisioning } = await openStandaloneConnections(
      config,
      resources,
      logger,
      KNOWLEDGE_BASE_CONTEXT,
    );

    const auth = await openStandaloneAuth(connection, config, logger);

    const stores: ContextStores = await openDistributedContextStores(
      connection,
      KNOWLEDGE_BASE_CONTEXT,
      knowledgeBaseEventTypes(),
    );
    resources.add(() => stores.close());

    const runtime: KnowledgeBaseRuntime = {
      eventStore: stores.eventStore,
      outboxStore: stores.rawEventStore,
      eventTypes: stores.eventStore.eventTypes,
      bus,
      topicProvisioning,
      consumerState: stores.consumerState,
      readModels: stores.readModels,
      attributeCommand: signedCommandAttribution(auth.store),
      clock: () => new Date(),
      metrics,
      logger: logger.child({ context: KNOWLEDGE_BASE_CONTEXT }),
    };

    const lagWatch: ConsumerLagWatch = {
      bus,
      metrics,
      context: KNOWLEDGE_BASE_CONTEXT,
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
      KnowledgeBaseServiceModule.register(runtime, auth, metrics, readiness, deadLetters),
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
      title: 'SFP Knowledge Base',
      description:
        'The knowledge base on its own: finance institutions, performance reports with the standard ratios, targets, ' +
        'peer benchmarks, impact assessments and practice notes. Departments and regional offices can also register ' +
        'institutions and file reports by message on sfp.knowledge-base.commands.',
      errorStatuses: { ...KNOWLEDGE_BASE_ERROR_STATUSES, ...AUTH_ERROR_STATUSES },
      logger,
      metrics,
      corsOrigins: corsOriginsOf(config),
    });
    await app.listen(config.PORT, config.HOST);
    const deadLetterIndexer = await startDeadLetterIndexer({
      bus,
      index: deadLetters.index,
      dlqTopics: deadLetters.dlqTopics,
      groupId: `sfp.${KNOWLEDGE_BASE_CONTEXT}.dlq-index`,
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
