import { defineProjection } from '@sfp/projections';
import type {
  RequesterNotificationDroppedData,
  RequesterNotificationFailedData,
  RequesterNotificationKind,
  RequesterNotificationQueuedData,
  RequesterNotificationSentData,
} from './requester-notification.events';

export const REQUESTER_MAIL_OUTBOX = 'help-desk-requester-mail-outbox';

export type OutboxStatus = 'queued' | 'sent' | 'failed' | 'dropped';

/** One mail of the outbox: where it stands (no address: the requester's data stays in the event log). */
export interface OutboxMail {
  notificationId: string;
  requestId: string;
  kind: RequesterNotificationKind;
  subject: string;
  /** queued: not tried yet; sent: the SMTP server took it; failed: the last try failed, tried again at nextAttemptAt; dropped: the requester's data was erased first. */
  status: OutboxStatus;
  attempts: number;
  queuedAt: string;
  /** When the worker tries it (next); absent once sent. */
  nextAttemptAt?: string;
  lastError?: string;
  sentAt?: string;
}

/** The mail outbox as the worker and the Sent mail page read it: one document per queued mail. */
export const requesterMailOutboxProjection = defineProjection<OutboxMail>({
  name: REQUESTER_MAIL_OUTBOX,
  version: 1,
  fields: { status: 'string', nextAttemptAt: 'string', queuedAt: 'string', requestId: 'string' },
  handlers: {
    'help-desk.RequesterNotificationQueued': async (event, view) => {
      const d = event.data as RequesterNotificationQueuedData;
      await view.upsert(d.notificationId, {
        notificationId: d.notificationId,
        requestId: d.requestId,
        kind: d.kind,
        subject: d.subject,
        status: 'queued',
        attempts: 0,
        queuedAt: d.queuedAt,
        nextAttemptAt: d.queuedAt,
      });
    },
    'help-desk.RequesterNotificationSent': async (event, view) => {
      const d = event.data as RequesterNotificationSentData;
      await view.update(d.notificationId, (current) => {
        if (!current) return undefined;
        const { nextAttemptAt: _next, lastError: _error, ...rest } = current;
        return { ...rest, status: 'sent', attempts: d.attempt, sentAt: d.sentAt };
      });
    },
    'help-desk.RequesterNotificationDropped': async (event, view) => {
      const d = event.data as RequesterNotificationDroppedData;
      await view.update(d.notificationId, (current) => {
        if (!current) return undefined;
        const { nextAttemptAt: _next, ...rest } = current;
        return {
          ...rest,
          status: 'dropped',
          lastError: 'The requester’s personal data was erased',
        };
      });
    },
    'help-desk.RequesterNotificationFailed': async (event, view) => {
      const d = event.data as RequesterNotificationFailedData;
      await view.update(
        d.notificationId,
        (current) =>
          current && {
            ...current,
            status: 'failed',
            attempts: d.attempt,
            lastError: d.error,
            nextAttemptAt: d.nextAttemptAt,
          },
      );
    },
  },
});
