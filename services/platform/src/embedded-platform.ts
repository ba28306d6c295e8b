import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import {
  defaultReportingPlugins,
  openEmbeddedReportingStores,
  REPORTING_CONTEXT,
  REPORTING_DEAD_LETTER_TOPIC,
  REPORTING_ERROR_STATUSES,
  ReportingModule,
  type ReportingRuntime,
} from '@sfp/reporting';
import { knowledgeBaseService } from '@sfp/knowledge-base';
import { helpDeskService } from '@sfp/help-desk';
import { trainingService } from '@sfp/training';
import { innovationResearchService } from '@sfp/innovation-research';
import { qualityMonitoringService } from '@sfp/quality-monitoring';
import { consoleDistDir, mountAdminConsole } from '@sfp/admin-console';
import {
  applyTrustedProxies,
  AUTH_ERROR_STATUSES,
  AuthModule,
  corsOriginsOf,
  ensureFirstAdministrator,
  openEmbeddedAuth,
  signedCommandAttribution,
  type AuthRuntime,
} from '@sfp/auth';
import {
  contextTopics,
  EmbeddedEventBus,
  SqliteDeadLetterIndex,
  startDeadLetterIndexer,
  type RunningConsumer,
} from '@sfp/messaging';
import {
  configureHttpApp,
  createLogger,
  embeddedPseudonymSecret,
  OperationsModule,
  openEmbeddedContext,
  platformUsersOf,
  PinoNestLogger,
  pseudonymizer,
  ServiceMetrics,
  type ContextStores,
  type EmbeddedContext,
  type Logger,
  type ServiceDefinition,
} from '@sfp/service-kit';
import type { ProjectionEngine } from '@sfp/projections';
import { dataDirectoryReadiness, ensureWritableDataDirectory } from './data-directory';
import type { PlatformConfig } from './platform.config';

/** The contexts the platform mounts from their declarations (defineService). */
export const PLATFORM_CONTEXTS: ReadonlyArray<ServiceDefinition<object>> = [
  helpDeskService,
  knowledgeBaseService,
  trainingService,
  innovationResearchService,
  qualityMonitoringService,
];

export interface EmbeddedPlatform {
  app: INestApplication;
  url: string;
  logger: Logger;
  auth: AuthRuntime;
  /** The in-process bus (every context's topics), for tools and tests that act as a department's system. */
  bus: EmbeddedEventBus;
  /** Set on the very first start: the administrator created, and its one-time password unless SFP_ADMIN_PASSWORD gave one. */
  firstAdministrator?: { username: string; oneTimePassword?: string };
  close(): Promise<void>;
}

/**
 * The embedded platform: every context in one process, SQLite files under the
 * data folder, the embedded bus, one HTTP port with each context under its
 * prefix (/api/help-desk/...), OpenAPI at /api/docs.
 */
export async function startEmbeddedPlatform(
  config: PlatformConfig,
  options: {
    logDestination?: DestinationStream;
    /** The contexts declared with defineService to mount (default PLATFORM_CONTEXTS). */
    contexts?: ReadonlyArray<ServiceDefinition<object>>;
  } = {},
): Promise<EmbeddedPlatform> {
  const dataDir = resolve(config.SFP_DATA_DIR);
  ensureWritableDataDirectory(dataDir);
  const logger = createLogger('sfp-platform', config.LOG_LEVEL, options.logDestination);
  const metrics = new ServiceMetrics();
  const bus = new EmbeddedEventBus({ filename: join(dataDir, 'bus.sqlite') });
  const personIdOf = pseudonymizer(embeddedPseudonymSecret(join(dataDir, 'secrets.json')));
  const clock = () => new Date();
  const opened: ContextStores[] = [];
  const auth = openEmbeddedAuth(dataDir, config, logger.child({ context: 'auth' }));
  const firstAdmin = await ensureFirstAdministrator(
    auth.store,
    auth.administration,
    config.SFP_ADMIN_PASSWORD || undefined,
  );

  // The contexts declared with defineService, each with its SQLite files under <dataDir>/<context>/.
  const contexts: EmbeddedContext[] = (options.contexts ?? PLATFORM_CONTEXTS).map((definition) =>
    openEmbeddedContext(definition, {
      dataDir,
      bus,
      attributeCommand: signedCommandAttribution(auth.store),
      personIdOf,
      users: platformUsersOf(auth.store),
      clock,
      metrics,
      logger,
      settingsSource: { ...process.env, ...config },
      projectionStallAfterMs: config.SFP_PROJECTION_STALL_AFTER_MS,
    }),
  );
  opened.push(...contexts.map((c) => c.stores));

  const reportingStores = openEmbeddedReportingStores(dataDir);
  const reporting: ReportingRuntime = {
    log: reportingStores.log,
    readModels: reportingStores.readModels,
    bus,
    topicProvisioning: { partitions: 3, replicationFactor: 1 },
    plugins: defaultReportingPlugins(),
    // Every context's projection engine, for the platform-wide projection operations (filled after the start).
    projectionSources: [],
    clock,
    projectionStallAfterMs: config.SFP_PROJECTION_STALL_AFTER_MS,
    metrics,
    logger: logger.child({ context: REPORTING_CONTEXT }),
  };

  // Dead letters of every context, indexed for the operators (GET /api/dead-letters).
  const deadLetters = {
    index: new SqliteDeadLetterIndex({
      filename: join(dataDir, 'operations', 'dead-letters.sqlite'),
    }),
    bus,
    dlqTopics: [
      ...contexts.map((c) => contextTopics(c.definition.context).dlq),
      REPORTING_DEAD_LETTER_TOPIC,
    ],
  };

  const readiness = [
    ...opened.flatMap((s) => s.readiness),
    dataDirectoryReadiness(dataDir),
    ...reportingStores.readiness,
    {
      name: 'bus',
      check: async () => void (await bus.groupLag('readiness', 'sfp.help-desk.events')),
    },
  ];

  @Module({})
  class PlatformModule {
    static register(): DynamicModule {
      return {
        module: PlatformModule,
        imports: [
          AuthModule.register(auth),
          ...contexts.map((c) => c.module),
          ReportingModule.register(reporting),
          OperationsModule.register(metrics, readiness, deadLetters),
          RouterModule.register([
            ...contexts.map((c) => ({ path: c.definition.routePath, module: c.definition.module })),
            { path: 'api/reporting', module: ReportingModule },
            { path: 'api', module: OperationsModule },
            { path: 'api', module: AuthModule },
          ]),
        ],
      };
    }
  }

  const app = await NestFactory.create(PlatformModule.register(), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  // request.ip, by which sign-in is throttled, is the client's behind the proxies of SFP_TRUSTED_PROXIES.
  applyTrustedProxies(app, config);
  configureHttpApp(app, {
    title: 'SFP Platform',
    description:
      'The social-finance focal point: help desk, knowledge base (institutions, performance reports, indicators, targets, library), training, innovation research, quality monitoring (proposals with financial components, their review and the linkages between tools), reporting (analyst queries, Governing Body report), identities and operations. Every context is under /api/<context>; sign in at POST /api/auth/sign-in.',
    errorStatuses: {
      ...Object.assign({}, ...contexts.map((c) => c.definition.errorStatuses)),
      ...REPORTING_ERROR_STATUSES,
      ...AUTH_ERROR_STATUSES,
    },
    logger,
    metrics,
    corsOrigins: corsOriginsOf(config),
  });
  // The admin console's built files at /, the API under /api.
  mountAdminConsole(app, consoleDistDir());
  reporting.projectionSources.push(
    ...contexts.map((c) => ({
      context: c.definition.context,
      engine: app.get<ProjectionEngine>(c.definition.projectionEngine),
    })),
  );
  await app.listen(config.PORT, config.HOST);
  // After the start, when every context has provisioned its topics.
  const deadLetterIndexer: RunningConsumer = await startDeadLetterIndexer({
    bus,
    index: deadLetters.index,
    dlqTopics: deadLetters.dlqTopics,
    groupId: 'sfp.platform.dlq-index',
  });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${address.port}`;
  return {
    app,
    url,
    logger,
    auth,
    bus,
    ...(firstAdmin.created
      ? {
          firstAdministrator: {
            username: firstAdmin.username,
            ...(firstAdmin.oneTimePassword ? { oneTimePassword: firstAdmin.oneTimePassword } : {}),
          },
        }
      : {}),
    close: async () => {
      await deadLetterIndexer.stop();
      await app.close();
      await bus.close();
      for (const stores of opened) await stores.close();
      await auth.store.close();
      await reportingStores.close();
      await deadLetters.index.close();
    },
  };
}
