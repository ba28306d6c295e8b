import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { NextFunction, Request, Response } from 'express';
import type { Principal, Role } from '@sfp/auth';
import type { EventStore } from '@sfp/event-sourcing';
import { EmbeddedEventBus } from '@sfp/messaging';
import type { ProjectionEngine, ReadModelStore } from '@sfp/projections';
import { configureHttpApp } from '../app/configure-http-app';
import { createLogger } from '../logging/logger';
import { ServiceMetrics } from '../metrics/service-metrics';
import { listedPlatformUsers, type PlatformUser } from '../runtime/platform-users';
import { pseudonymizer } from '../runtime/pseudonyms';
import { EVENT_STORE, READ_MODELS, type Clock } from '../service/context.tokens';
import { openEmbeddedContext } from '../service/embedded-context';
import type { ServiceDefinition } from '../service/service-definition';
/**
 * Test-only stand-in for the platform's auth guard: the principal named by
 * X-Test-Principal (`<kind>:<id>:<role>[:<department>]`) is put on the
 * request, as the real guard does after checking credentials. Without the
 * header, an operator.
 */
export function testPrincipalMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const header = req.headers['x-test-principal'];
  const [kind, id, role, department] = (
    typeof header === 'string' ? header : 'person:operator-1:operator'
  ).split(':');
  const principal: Principal = {
    kind: kind === 'integration-client' ? 'integration-client' : 'person',
    id: id ?? 'operator-1',
    name: id ?? 'operator-1',
    roles: [role as Role],
    ...(department ? { department } : {}),
  };
  (req as Request & { principal?: Principal }).principal = principal;
  next();
}

/** A context as the embedded platform hosts it, for a test (see startEmbeddedContextHost). */
export interface EmbeddedContextHost {
  app: INestApplication;
  /** The context's API root, e.g. http://127.0.0.1:40123/api/training. */
  url: string;
  bus: EmbeddedEventBus;
  /** The context's event store (its EVENT_STORE token). */
  events: EventStore;
  /** Where its read models, their state and checkpoints live (its READ_MODELS token). */
  readModels: ReadModelStore;
  /** Its projection engine (its PROJECTION_ENGINE token). */
  projections: ProjectionEngine;
  /**
   * The context's clock (its CLOCK token) reads `clock.now()` at each call: a
   * test moves it by replacing `now`, or watches it with `jest.spyOn(host.clock, 'now')`.
   */
  clock: { now: Clock };
  close(): Promise<void>;
}

/**
 * A context declared with defineService as the embedded platform hosts it:
 * SQLite stores in a temporary folder, the embedded bus, mounted at its route
 * path, the platform's HTTP setup (validation pipe, error filter), on a free
 * port; callers are named by testPrincipalMiddleware.
 */
export async function startEmbeddedContextHost(
  service: ServiceDefinition<object>,
  options: {
    clock?: Clock;
    /** The platform's users the context sees (PLATFORM_USERS); none by default. */
    users?: readonly PlatformUser[];
  } = {},
): Promise<EmbeddedContextHost> {
  const clock = { now: options.clock ?? (() => new Date()) };
  const dataDir = mkdtempSync(join(tmpdir(), `sfp-${service.context}-`));
  const logger = createLogger(`sfp-${service.context}-test`, 'silent');
  const metrics = new ServiceMetrics();
  const bus = new EmbeddedEventBus({ filename: join(dataDir, 'bus.sqlite') });
  const context = openEmbeddedContext(service, {
    dataDir,
    bus,
    personIdOf: pseudonymizer('a test pseudonym secret of 32 characters'),
    users: listedPlatformUsers(options.users ?? []),
    clock: () => clock.now(),
    metrics,
    logger,
    topicProvisioning: { partitions: 2, replicationFactor: 1 },
  });

  @Module({})
  class TestHostModule {
    static register(): DynamicModule {
      return {
        module: TestHostModule,
        imports: [
          context.module,
          RouterModule.register([{ path: service.routePath, module: service.module }]),
        ],
      };
    }
  }

  const moduleRef = await Test.createTestingModule({
    imports: [TestHostModule.register()],
  }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  app.use(testPrincipalMiddleware);
  configureHttpApp(app, {
    title: 'test',
    description: 'test',
    errorStatuses: service.errorStatuses ?? {},
    logger,
    metrics,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}/${service.routePath}`,
    bus,
    events: app.get<EventStore>(EVENT_STORE),
    readModels: app.get<ReadModelStore>(READ_MODELS),
    projections: app.get<ProjectionEngine>(service.projectionEngine),
    clock,
    close: async () => {
      await app.close();
      await bus.close();
      await context.stores.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
