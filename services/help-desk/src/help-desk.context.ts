import { EventTypeRegistry } from '@sfp/event-sourcing';
import { ATTACHMENT_EVENT_CLASSES } from './attachments/domain/attachment.events';
import { REQUESTER_NOTIFICATION_EVENT_CLASSES } from './notifications/requester-notification.events';
import { MACRO_EVENT_CLASSES } from './macros/domain/macro.events';
import { SERVICE_REQUEST_EVENT_CLASSES } from './service-request/domain/service-request.events';

export const HELP_DESK_CONTEXT = 'help-desk';

/** The help desk's event types: what its store accepts and what it publishes on sfp.help-desk.events. */
export function helpDeskEventTypes(): EventTypeRegistry {
  return new EventTypeRegistry().register(
    ...SERVICE_REQUEST_EVENT_CLASSES,
    ...MACRO_EVENT_CLASSES,
    ...ATTACHMENT_EVENT_CLASSES,
    ...REQUESTER_NOTIFICATION_EVENT_CLASSES,
  );
}

/** HTTP status of each refusal code of the help desk's domain. */
export const HELP_DESK_ERROR_STATUSES: Record<string, number> = {
  SERVICE_REQUEST_NOT_FOUND: 404,
  SERVICE_REQUEST_ALREADY_SUBMITTED: 409,
  ILLEGAL_TRANSITION: 409,
  REOPEN_WINDOW_CLOSED: 409,
  MACRO_NOT_FOUND: 404,
  SATISFACTION_ALREADY_RATED: 409,
  RULE_VIOLATED: 400,
};

const REQUEST_STREAM_PREFIX = 'service-request-';

export function serviceRequestStreamId(requestId: string): string {
  return `${REQUEST_STREAM_PREFIX}${requestId}`;
}
