import type { EventStore } from '@sfp/event-sourcing';
import type { EventBus, LeaseStore, TopicProvisioningConfig } from '@sfp/messaging';
import type { ProjectionEngine, ReadModelStore } from '@sfp/projections';
import type { Logger, ServiceMetrics } from '@sfp/service-kit';
import type { ReportingPlugin } from './registry/reporting-plugin';

/** DI token of reporting's runtime. */
export const REPORTING_RUNTIME = Symbol('REPORTING_RUNTIME');
/** DI token of reporting's ProjectionEngine (its views, over its log of consumed events). */
export const REPORTING_PROJECTIONS = Symbol('REPORTING_PROJECTIONS');

/** Another context's projections, listed and rebuilt through reporting's operations API. */
export interface ProjectionSource {
  /** The context that runs them, e.g. help-desk. */
  context: string;
  engine: Pick<ProjectionEngine, 'statuses' | 'status' | 'rebuild'>;
}

/** Bounds of one analyst query or report. */
export interface QueryBounds {
  /** Documents a query may read from a view (default 50,000); past it: 422 QUERY_TOO_BROAD. */
  maxScannedRows: number;
  /** Time a query may take (default 10 s); past it: 503 QUERY_TIMEOUT. */
  timeoutMs: number;
  /** "As of" results kept in memory (default 16 views × instants). */
  asOfCacheEntries: number;
}

export const DEFAULT_QUERY_BOUNDS: QueryBounds = {
  maxScannedRows: 50_000,
  timeoutMs: 10_000,
  asOfCacheEntries: 16,
};

/**
 * Everything reporting needs from its surroundings, built by the embedded
 * host (SQLite files, embedded bus: openEmbeddedReportingStores) or by the
 * standalone service (MongoDB, Kafka: openDistributedReportingStores).
 */
export interface ReportingRuntime {
  /**
   * Reporting's own durable log of the public events it consumed (an event
   * store: one stream per source stream, the source's eventId, so a
   * redelivery is logged once). Its views are projections of this log, and
   * "as of" queries replay it.
   */
  log: EventStore;
  bus: EventBus;
  /** Partitions and replication of the topics reporting creates when missing. */
  topicProvisioning: TopicProvisioningConfig;
  readModels: ReadModelStore;
  /** One per context whose events reporting reads (defaultReportingPlugins()). */
  plugins: ReportingPlugin[];
  /**
   * Other contexts' projection engines, for the operations API. The host may
   * push to this array after the module is created (e.g. once the help
   * desk's engine exists).
   */
  projectionSources: ProjectionSource[];
  /** The topic of a context's public events (default sfp.<context>.events); tests give their own. */
  eventTopicOf?: (context: string) => string;
  /** Prefix of the consumer groups, one per context (default sfp.reporting). */
  consumerGroupPrefix?: string;
  bounds?: Partial<QueryBounds>;
  /** Events per projection batch (default 500, the engine's); smaller makes a rebuild interleave more with live updates. */
  projectionBatchSize?: number;
  /** SFP_PROJECTION_STALL_AFTER_MS: a projection standing still this long while events wait is stalled (default 30 s). */
  projectionStallAfterMs?: number;
  clock: () => Date;
  metrics: ServiceMetrics;
  logger: Logger;
  /**
   * Several instances may run (distributed): its projections run only on the
   * holder of the lease `reporting.leader` in this store; the public-event
   * consumers run on every instance (their groups share the partitions).
   * Without it the process is the only instance (embedded).
   */
  leaderLease?: { leases: LeaseStore; ttlMs: number };
}
