// The help desk as the platform host and the standalone main see it.
export { HelpDeskModule } from './help-desk.module';
export {
  HELP_DESK_PROJECTIONS,
  HELP_DESK_RUNTIME,
  type HelpDeskRuntime,
} from './help-desk.runtime';
export {
  HELP_DESK_CONTEXT,
  HELP_DESK_ERROR_STATUSES,
  helpDeskEventTypes,
} from './help-desk.context';
export { DEFAULT_SLA_POLICY, type SlaPolicy } from './service-request/domain/sla-policy';
export { HelpDeskWorkers } from './help-desk.workers';
export { slaPolicyFromEnv } from './help-desk.config';
