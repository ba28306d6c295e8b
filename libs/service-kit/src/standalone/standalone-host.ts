import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import type { Connection } from 'mongoose';
import {
  applyTrustedProxies,
  AUTH_ERROR_STATUSES,
  AuthModule,
  corsOriginsOf,
  openStandaloneAuth,
  type AuthRuntime,
} from '@sfp/auth';
import {
  MongoDeadLetterIndex,
  startDeadLetterIndexer,
  type KafkaEventBus,
  type TopicProvisioningConfig,
} from '@sfp/messaging';
import { configureHttpApp } from '../app/configure-http-app';
import type { DeadLetterOperations } from '../app/dead-letters.controller';
import type { ReadinessCheck } from '../app/operations.controller';
import { OperationsModule } from '../app/operations.module';
import { createLogger, PinoNestLogger, type Logger } from '../logging/logger';
import { ServiceMetrics } from '../metrics/service-metrics';
import { openStandaloneConnections, ResourceStack } from '../runtime/standalone-resources';
import { publicUrlOf } from '../runtime/standalone-connections';
import { ConfigurationError } from '../config/env-config';
import { distributedSecretProblems, type StandaloneConfig } from './standalone.config';

/** A service running on its own, on Kafka and MongoDB. */
export interface StandaloneService {
  app: INestApplication;
  /** Where it listens, e.g. http://127.0.0.1:3001 (its API under /api/<context>). */
  url: string;
  logger: Logger;
  /** Stops the HTTP server and the workers, then closes the stores, Kafka and MongoDB. Safe to call twice. */
  close(): Promise<void>;
}

/** What the host has opened, for the service to build its module on. */
export interface StandaloneHostResources {
  connection: Connection;
  bus: KafkaEventBus;
  topicProvisioning: TopicProvisioningConfig;
  auth: AuthRuntime;
  metrics: ServiceMetrics;
  logger: Logger;
  resources: ResourceStack;
}

/** What a service mounts on the host. */
export interface StandaloneMount {
  /** Its Nest module, mounted at `routePath`. */
  module: DynamicModule;
  moduleClass: Type;
  routePath: string;
  readiness: ReadinessCheck[];
  /** Its dead-letter topics, indexed for the operators at /api/dead-letters. */
  dlqTopics: string[];
  errorStatuses: Record<string, number>;
  /** Called once the HTTP server listens (e.g. a consumer-lag watch). */
  afterListen?: () => void | Promise<void>;
}

export interface StandaloneHostOptions {
  /** The service's name, e.g. help-desk: the logger `sfp-<name>`, the dead-letter indexer's group. */
  name: string;
  title: string;
  description: string;
  config: StandaloneConfig;
  /** The context whose topics are created first (a broker that refuses stops the start clearly). */
  provisionContext?: string;
  mount(host: StandaloneHostResources): Promise<StandaloneMount>;
}

/**
 * The shell of every standalone service: logger and metrics, MongoDB and
 * Kafka, the shared identities (libs/auth), then the service's own module at
 * its route, with /api/health, /api/metrics, /api/dead-letters and /api/auth
 * beside it; the platform's HTTP set-up (validation, problem documents,
 * security headers, OpenAPI at /api/docs) and the dead-letter indexer. What
 * it opened is closed last-in first-out, also when the start fails.
 */
export async function startStandaloneHost(
  options: StandaloneHostOptions,
): Promise<StandaloneService> {
  const { config } = options;
  // A host whose config did not come through loadStandaloneConfig still stops here, before it connects.
  const missing = distributedSecretProblems({ ...config });
  if (missing.length) throw new ConfigurationError(missing);
  const logger = createLogger(`sfp-${options.name}`, config.LOG_LEVEL);
  const metrics = new ServiceMetrics();
  const resources = new ResourceStack(logger);
  try {
    const { connection, bus, topicProvisioning } = await openStandaloneConnections(
      config,
      resources,
      logger,
      options.provisionContext,
    );
    const auth = await openStandaloneAuth(connection, config, logger);
    const mount = await options.mount({
      connection,
      bus,
      topicProvisioning,
      auth,
      metrics,
      logger,
      resources,
    });
    const deadLetters: DeadLetterOperations = {
      index: new MongoDeadLetterIndex(connection),
      bus,
      dlqTopics: mount.dlqTopics,
    };

    @Module({})
    class StandaloneHostModule {}
    const hostModule: DynamicModule = {
      module: StandaloneHostModule,
      imports: [
        AuthModule.register(auth),
        mount.module,
        OperationsModule.register(metrics, mount.readiness, deadLetters),
        RouterModule.register([
          { path: mount.routePath, module: mount.moduleClass },
          { path: 'api', module: OperationsModule },
          { path: 'api', module: AuthModule },
        ]),
      ],
    };
    const app = await NestFactory.create(hostModule, {
      logger: new PinoNestLogger(logger),
      bodyParser: false,
    });
    // First in, last out: the HTTP server and the workers stop before the stores, the bus and the connection.
    resources.add(() => app.close());
    // request.ip, by which sign-in is throttled, is the client's behind the proxies of SFP_TRUSTED_PROXIES.
    applyTrustedProxies(app, config);
    configureHttpApp(app, {
      title: options.title,
      description: options.description,
      errorStatuses: { ...mount.errorStatuses, ...AUTH_ERROR_STATUSES },
      logger,
      metrics,
      corsOrigins: corsOriginsOf(config),
    });
    await app.listen(config.PORT, config.HOST);
    const deadLetterIndexer = await startDeadLetterIndexer({
      bus,
      index: deadLetters.index,
      dlqTopics: deadLetters.dlqTopics,
      groupId: `sfp.${options.name}.dlq-index`,
    });
    resources.add(() => deadLetterIndexer.stop());
    await mount.afterListen?.();
    const address = app.getHttpServer().address() as { port: number };
    return {
      app,
      url: publicUrlOf(config.HOST, address.port),
      logger,
      close: () => resources.closeAll(),
    };
  } catch (error) {
    await resources.closeAll();
    throw error;
  }
}
