// Quality monitoring as the platform host and the standalone main see it.
export { qualityMonitoringService } from './quality-monitoring.service';
export {
  QUALITY_MONITORING_CONTEXT,
  QUALITY_MONITORING_ERROR_STATUSES,
  qualityMonitoringEventTypes,
  proposalStreamId,
} from './quality-monitoring.context';
