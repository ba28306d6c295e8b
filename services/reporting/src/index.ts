// Reporting as the platform host and the standalone main see it.
export { ReportingModule } from './reporting.module';
export { ReportingWorkers } from './reporting.workers';
export {
  REPORTING_RUNTIME,
  REPORTING_PROJECTIONS,
  DEFAULT_QUERY_BOUNDS,
  type ReportingRuntime,
  type ProjectionSource,
  type QueryBounds,
} from './reporting.runtime';
export {
  REPORTING_CONTEXT,
  REPORTING_ERROR_STATUSES,
  REPORTING_DEAD_LETTER_TOPIC,
} from './reporting.context';
export { REPORTING_READER } from './reporting.tokens';
export { defaultReportingPlugins } from './reporting.plugins';
export {
  openEmbeddedReportingStores,
  openDistributedReportingStores,
  type ReportingStores,
} from './reporting.stores';
export type { ReportingPlugin } from './registry/reporting-plugin';
export {
  startReportingService,
  type ReportingService,
  type ReportingServiceOptions,
} from './standalone/start-reporting-service';
export { ReportingServiceConfig } from './standalone/reporting-service.config';
