import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { EmbeddedEventBus } from '@sfp/messaging';
import { createLogger } from '@sfp/service-kit';
import { defaultReportingPlugins } from '../../src/reporting.plugins';
import type { ReportingRuntime } from '../../src/reporting.runtime';
import { openEmbeddedReportingStores, type ReportingStores } from '../../src/reporting.stores';
import { startReportingApp, testMetrics } from './reporting-test-app';

/** Reporting on an embedded bus and SQLite in a temporary folder, as the embedded int-specs start it. */
export interface EmbeddedReporting {
  bus: EmbeddedEventBus;
  stores: ReportingStores;
  app: INestApplication;
  /** The base URL of reporting's routes (…/api/reporting). */
  url: string;
  /** Closes the app, the stores and the bus, and removes the folder. */
  close(): Promise<void>;
}

/**
 * Starts reporting with its default plugins: `name` names the temporary
 * folder (sfp-<name>-) and the silent logger (<name>-int); the topics get
 * `partitions` partitions (3 unless told), the clock is `clock` (the
 * wall clock unless told); `runtime` adds to or replaces the rest.
 */
export async function startEmbeddedReporting(options: {
  name: string;
  partitions?: number;
  clock?: () => Date;
  runtime?: Partial<Pick<ReportingRuntime, 'projectionSources' | 'projectionBatchSize' | 'bounds'>>;
}): Promise<EmbeddedReporting> {
  const dataDir = mkdtempSync(join(tmpdir(), `sfp-${options.name}-`));
  const bus = new EmbeddedEventBus({ filename: join(dataDir, 'bus.sqlite'), retryDelayMs: 50 });
  let stores: ReportingStores | undefined;
  let app: INestApplication | undefined;
  const close = async () => {
    await app?.close();
    await stores?.close();
    await bus.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    stores = openEmbeddedReportingStores(dataDir);
    const runtime: ReportingRuntime = {
      log: stores.log,
      bus,
      topicProvisioning: { partitions: options.partitions ?? 3, replicationFactor: 1 },
      readModels: stores.readModels,
      plugins: defaultReportingPlugins(),
      projectionSources: [],
      clock: options.clock ?? (() => new Date()),
      metrics: testMetrics(),
      logger: createLogger(`${options.name}-int`, 'silent'),
      ...options.runtime,
    };
    const started = await startReportingApp(runtime);
    app = started.app;
    return { bus, stores, app, url: started.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
