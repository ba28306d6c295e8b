import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import {
  applyTrustedProxies,
  AUTH_ERROR_STATUSES,
  AuthModule,
  corsOriginsOf,
  openStandaloneAuth,
  type AuthRuntime,
} from '@sfp/auth';
import { MongoDeadLetterIndex, startDeadLetterIndexer } from '@sfp/messaging';
import {
  configureHttpApp,
  createLogger,
  OperationsModule,
  PinoNestLogger,
  ServiceMetrics,
  type DeadLetterOperations,
  type Logger,
  type ReadinessCheck,
  openStandaloneConnections,
  ResourceStack,
  publicUrlOf,
} from '@sfp/service-kit';
import {
  REPORTING_CONTEXT,
  REPORTING_DEAD_LETTER_TOPIC,
  REPORTING_ERROR_STATUSES,
} from '../reporting.context';
import { ReportingModule } from '../reporting.module';
import { defaultReportingPlugins } from '../reporting.plugins';
import type { ReportingRuntime } from '../reporting.runtime';
import { openDistributedReportingStores } from '../reporting.stores';
import type { ReportingPlugin } from '../registry/reporting-plugin';
import type { ReportingServiceConfig } from './reporting-service.config';

export interface ReportingService {
  app: INestApplication;
  /** e.g. http://127.0.0.1:3002 (the API is under /api/reporting). */
  url: string;
  logger: Logger;
  runtime: ReportingRuntime;
  close(): Promise<void>;
}

export interface ReportingServiceOptions {
  plugins?: ReportingPlugin[];
  /** The topic of a context's public events (tests use their own topics). */
  eventTopicOf?: (context: string) => string;
}

@Module({})
class ReportingServiceModule {
  static register(
    runtime: ReportingRuntime,
    auth: AuthRuntime,
    metrics: ServiceMetrics,
    readiness: ReadinessCheck[],
    deadLetters: DeadLetterOperations,
  ): DynamicModule {
    return {
      module: ReportingServiceModule,
      imports: [
        AuthModule.register(auth),
        ReportingModule.register(runtime),
        OperationsModule.register(metrics, readiness, deadLetters),
        RouterModule.register([
          { path: 'api/reporting', module: ReportingModule },
          { path: 'api', module: OperationsModule },
          { path: 'api', module: AuthModule },
        ]),
      ],
    };
  }
}

/**
 * Reporting on its own (distributed mode): consumer groups on Kafka for every
 * context's public events, its log and read models in its own MongoDB
 * database, the same HTTP API as in the embedded platform under /api/reporting.
 * Authenticated like every host (libs/auth, identities shared through SFP_AUTH_DATABASE).
 */
export async function startReportingService(
  config: ReportingServiceConfig,
  options: ReportingServiceOptions = {},
): Promise<ReportingService> {
  const logger = createLogger(`sfp-${REPORTING_CONTEXT}`, config.LOG_LEVEL);
  const metrics = new ServiceMetrics();
  const resources = new ResourceStack(logger);
  try {
    const { connection, bus, topicProvisioning } = await openStandaloneConnections(
      config,
      resources,
      logger,
    );
    const auth = await openStandaloneAuth(connection, config, logger);
    const stores = await openDistributedReportingStores(connection);
    resources.add(() => stores.close());
    const runtime: ReportingRuntime = {
      log: stores.log,
      bus,
      topicProvisioning,
      readModels: stores.readModels,
      plugins: options.plugins ?? defaultReportingPlugins(),
      projectionSources: [],
      ...(options.eventTopicOf ? { eventTopicOf: options.eventTopicOf } : {}),
      consumerGroupPrefix: config.REPORTING_CONSUMER_GROUP_PREFIX,
      bounds: {
        maxScannedRows: config.REPORTING_MAX_SCANNED_ROWS,
        timeoutMs: config.REPORTING_QUERY_TIMEOUT_MS,
      },
      clock: () => new Date(),
      metrics,
      logger: logger.child({ context: REPORTING_CONTEXT }),
    };
    const deadLetters: DeadLetterOperations = {
      index: new MongoDeadLetterIndex(connection),
      bus,
      dlqTopics: [REPORTING_DEAD_LETTER_TOPIC],
    };
    const app = await NestFactory.create(
      ReportingServiceModule.register(runtime, auth, metrics, stores.readiness, deadLetters),
      {
        logger: new PinoNestLogger(logger),
        bodyParser: false,
      },
    );
    resources.add(() => app.close());
    // request.ip, by which sign-in is throttled, is the client's behind the proxies of SFP_TRUSTED_PROXIES.
    applyTrustedProxies(app, config);
    configureHttpApp(app, {
      title: 'SFP Reporting',
      description:
        "Reporting views over every context's public events, the analyst query API, the Governing Body progress report, and projection operations.",
      errorStatuses: { ...REPORTING_ERROR_STATUSES, ...AUTH_ERROR_STATUSES },
      logger,
      metrics,
      corsOrigins: corsOriginsOf(config),
    });
    await app.listen(config.PORT, config.HOST);
    const deadLetterIndexer = await startDeadLetterIndexer({
      bus,
      index: deadLetters.index,
      dlqTopics: deadLetters.dlqTopics,
      groupId: `sfp.${REPORTING_CONTEXT}.dlq-index`,
    });
    resources.add(() => deadLetterIndexer.stop());
    const address = app.getHttpServer().address() as { port: number };
    return {
      app,
      url: publicUrlOf(config.HOST, address.port),
      logger,
      runtime,
      close: () => resources.closeAll(),
    };
  } catch (error) {
    await resources.closeAll();
    throw error;
  }
}
