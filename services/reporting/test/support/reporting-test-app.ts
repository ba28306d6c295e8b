import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { encodeEventMessage, type EventBus } from '@sfp/messaging';
import { configureHttpApp, createLogger, ServiceMetrics } from '@sfp/service-kit';
import { REPORTING_ERROR_STATUSES } from '../../src/reporting.context';
import { ReportingModule } from '../../src/reporting.module';
import type { ReportingRuntime } from '../../src/reporting.runtime';

@Module({})
class ReportingTestModule {
  static register(runtime: ReportingRuntime): DynamicModule {
    return {
      module: ReportingTestModule,
      imports: [
        ReportingModule.register(runtime),
        RouterModule.register([{ path: 'api/reporting', module: ReportingModule }]),
      ],
    };
  }
}

/** The caller of every test request (commands record them as the author). */
export const TEST_ANALYST = {
  kind: 'person',
  id: 'user-analyst-1',
  name: 'analyst1',
  roles: ['analyst'],
} as const;

/** Reporting mounted as the platform mounts it (/api/reporting), with the platform's HTTP setup. */
export async function startReportingApp(
  runtime: ReportingRuntime,
): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(ReportingTestModule.register(runtime), {
    logger: false,
    bodyParser: false,
  });
  configureHttpApp(app, {
    title: 'SFP Reporting (test)',
    description: 'test',
    errorStatuses: { ...REPORTING_ERROR_STATUSES },
    logger: createLogger('sfp-reporting-test', 'silent'),
    metrics: runtime.metrics,
  });
  // No sign-in here: every request is an analyst's (the platform's guard puts the signed-in principal there).
  app.use((req: { principal?: unknown }, _res: unknown, next: () => void) => {
    req.principal ??= TEST_ANALYST;
    next();
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}/api/reporting` };
}

export function testMetrics(): ServiceMetrics {
  return new ServiceMetrics({ defaultMetrics: false });
}

/** Publishes events as the outbox relay does: key = stream id, envelope as JSON, headers. */
export async function publishEvents(
  bus: EventBus,
  topic: string,
  events: readonly RecordedEvent[],
): Promise<void> {
  await bus.publish(topic, events.map(encodeEventMessage));
}

/** Retries an assertion until it passes (projections follow asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
