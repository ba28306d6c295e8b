import 'reflect-metadata';
import { mongoConsumerState } from '@sfp/messaging';
import { startStandaloneHost, type StandaloneService } from '@sfp/service-kit';
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

export interface ReportingService extends StandaloneService {
  runtime: ReportingRuntime;
}

export interface ReportingServiceOptions {
  plugins?: ReportingPlugin[];
  /** The topic of a context's public events (tests use their own topics). */
  eventTopicOf?: (context: string) => string;
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
  let runtime: ReportingRuntime | undefined;
  const service = await startStandaloneHost({
    name: REPORTING_CONTEXT,
    title: 'SFP Reporting',
    description:
      "Reporting views over every context's public events, the analyst query API, the Governing Body progress report, and projection operations.",
    config,
    mount: async ({ connection, bus, topicProvisioning, metrics, logger, resources }) => {
      const stores = await openDistributedReportingStores(connection);
      resources.add(() => stores.close());
      runtime = {
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
        projectionStallAfterMs: config.SFP_PROJECTION_STALL_AFTER_MS,
        metrics,
        logger: logger.child({ context: REPORTING_CONTEXT }),
        leaderLease: {
          leases: mongoConsumerState(connection).leases,
          ttlMs: config.SFP_LEADER_LEASE_MS,
        },
      };
      return {
        module: ReportingModule.register(runtime),
        moduleClass: ReportingModule,
        routePath: 'api/reporting',
        readiness: stores.readiness,
        dlqTopics: [REPORTING_DEAD_LETTER_TOPIC],
        errorStatuses: REPORTING_ERROR_STATUSES,
      };
    },
  });
  if (!runtime) throw new Error('Reporting started without its runtime');
  return { ...service, runtime };
}
