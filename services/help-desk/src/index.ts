// The help desk as the platform host and the standalone main see it.
export { helpDeskService, SERVICE_REQUEST_COMMAND_CONTROLLERS } from './help-desk.service';
export {
  HELP_DESK_CONTEXT,
  HELP_DESK_ERROR_STATUSES,
  helpDeskEventTypes,
} from './help-desk.context';
export { DEFAULT_SLA_POLICY, type SlaPolicy } from './service-request/domain/sla-policy';
export { SlaChecks } from './service-request/application/check-sla/sla-checks.worker';
export {
  addBusinessHours,
  businessHoursBetween,
  OFFICE_HOURS,
  type BusinessCalendar,
} from './business-hours/business-calendar';
export { HelpDeskSettings, slaPolicyFromEnv } from './help-desk.settings';
export { RequesterMailer } from './notifications/requester-mailer';
export { RequesterMailOutbox } from './notifications/requester-mail-outbox.worker';
export { SmtpSink, type CaughtMail } from './notifications/smtp-sink';
export { signRequesterLink, verifyRequesterLink } from './requester/requester-link';
