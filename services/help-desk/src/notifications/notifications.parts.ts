import { RequesterController } from '../requester/requester.http.controller';
import { requesterMailOutboxProjection } from './requester-mail-outbox.projection';
import { RequesterMailOutbox } from './requester-mail-outbox.worker';
import { RequesterMailer } from './requester-mailer';
import { RequesterNotificationQueue } from './requester-notification-queue.reactor';
import { SentMailController } from './sent-mail.http.controller';

/**
 * The help desk reaching its requesters, as the declaration lists it: their
 * page behind a signed link, the Sent mail page, the mail outbox (its intake
 * reactor, its read model, its worker) and the mailer (SMTP or the local sink)
 * started before the outbox's worker.
 */
export const NOTIFICATION_CONTROLLERS = [RequesterController, SentMailController];
export const NOTIFICATION_PROJECTIONS = [requesterMailOutboxProjection];
export const NOTIFICATION_REACTORS = [RequesterNotificationQueue];
export const NOTIFICATION_WORKERS = [RequesterMailer, RequesterMailOutbox];
export { REQUESTER_NOTIFICATION_EVENT_CLASSES } from './requester-notification.events';
