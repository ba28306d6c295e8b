import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/** Why the requester is written to: their request received, a public reply, or its resolution. */
export type RequesterNotificationKind = 'received' | 'replied' | 'resolved';

/** A mail to the requester, queued once per source event (its id derives from the source event's). */
export interface RequesterNotificationQueuedData {
  notificationId: string;
  requestId: string;
  kind: RequesterNotificationKind;
  /** The event of the request's stream that asked for the mail. */
  sourceEventId: string;
  /** The requester (personal data: erased with the person). */
  to: { personId: string; name: string; email: string };
  subject: string;
  text: string;
  queuedAt: string;
}

export class RequesterNotificationQueued extends defineEventType<RequesterNotificationQueuedData>()(
  {
    type: 'help-desk.RequesterNotificationQueued',
    schemaVersion: 1,
    personalData: { subjectIdPath: 'to.personId', fields: ['to.name', 'to.email', 'text'] },
  },
) {}

/** The SMTP server accepted the mail. */
export interface RequesterNotificationSentData {
  notificationId: string;
  requestId: string;
  attempt: number;
  /** The SMTP server's message id. */
  messageId: string;
  sentAt: string;
}

export class RequesterNotificationSent extends defineEventType<RequesterNotificationSentData>()({
  type: 'help-desk.RequesterNotificationSent',
  schemaVersion: 1,
}) {}

/** A send failed: the mail stays in the outbox and is tried again at nextAttemptAt. */
export interface RequesterNotificationFailedData {
  notificationId: string;
  requestId: string;
  attempt: number;
  error: string;
  nextAttemptAt: string;
  failedAt: string;
}

export class RequesterNotificationFailed extends defineEventType<RequesterNotificationFailedData>()(
  {
    type: 'help-desk.RequesterNotificationFailed',
    schemaVersion: 1,
  },
) {}

/** Not to be sent: the requester's personal data was erased before it went (there is nobody to write to). */
export interface RequesterNotificationDroppedData {
  notificationId: string;
  requestId: string;
  reason: 'requester-erased';
  droppedAt: string;
}

export class RequesterNotificationDropped extends defineEventType<RequesterNotificationDroppedData>()(
  {
    type: 'help-desk.RequesterNotificationDropped',
    schemaVersion: 1,
  },
) {}

export const REQUESTER_NOTIFICATION_EVENT_CLASSES = [
  RequesterNotificationQueued,
  RequesterNotificationSent,
  RequesterNotificationFailed,
  RequesterNotificationDropped,
] as const;

export type RequesterNotificationEvent =
  | EventOf<typeof RequesterNotificationQueued>
  | EventOf<typeof RequesterNotificationSent>
  | EventOf<typeof RequesterNotificationFailed>
  | EventOf<typeof RequesterNotificationDropped>;

export function requesterNotificationStreamId(notificationId: string): string {
  return `requester-notification-${notificationId}`;
}

/** Wait before the next try after `attempt` failed ones: 30 s, 1, 2, 4... minutes, at most an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}
