import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { MongoEventStore, SqliteEventStore, type EventStore } from '@sfp/event-sourcing';
import { MongoReadModelStore, SqliteReadModelStore, type ReadModelStore } from '@sfp/projections';
import { mongoReadinessCheck, type ReadinessCheck } from '@sfp/service-kit';
import { REPORTING_CONTEXT } from './reporting.context';

/** Reporting's durable stores: its log of consumed events and its read models. */
export interface ReportingStores {
  log: EventStore;
  readModels: ReadModelStore;
  readiness: ReadinessCheck[];
  close(): Promise<void>;
}

/** Embedded mode: SQLite files under `<dataDir>/reporting/`. */
export function openEmbeddedReportingStores(dataDir: string): ReportingStores {
  const dir = join(dataDir, REPORTING_CONTEXT);
  const log = new SqliteEventStore({ filename: join(dir, 'event-log.sqlite') });
  const readModels = new SqliteReadModelStore({ filename: join(dir, 'read-models.sqlite') });
  return {
    log,
    readModels,
    readiness: [
      {
        name: `${REPORTING_CONTEXT}.event-log`,
        check: async () => void (await log.headPosition()),
      },
    ],
    close: async () => {
      await log.close();
      await readModels.close();
    },
  };
}

/** Distributed mode: collections in reporting's own MongoDB database (the log in `reporting_event_log`). */
export async function openDistributedReportingStores(
  connection: Connection,
): Promise<ReportingStores> {
  const log = await MongoEventStore.open(connection, { collection: 'reporting_event_log' });
  return {
    log,
    readModels: new MongoReadModelStore(connection),
    readiness: [mongoReadinessCheck(REPORTING_CONTEXT, connection)],
    close: async () => {
      await log.close();
    },
  };
}
