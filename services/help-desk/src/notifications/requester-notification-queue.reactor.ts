import { Inject, Injectable } from '@nestjs/common';
import {
  DuplicateEventError,
  SYSTEM_ACTOR,
  uuidFromKey,
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@sfp/event-sourcing';
import { defineProjection } from '@sfp/projections';
import { CLOCK, EVENT_STORE, type Clock, type ContextReactor } from '@sfp/service-kit';
import { serviceRequestStreamId } from '../help-desk.context';
import type {
  ServiceRequestCommentedData,
  ServiceRequestResolvedData,
  ServiceRequestSubmittedData,
} from '../service-request/domain/service-request.events';
import { requesterMail } from './requester-mail';
import { RequesterMailer } from './requester-mailer';
import {
  RequesterNotificationQueued,
  requesterNotificationStreamId,
  type RequesterNotificationKind,
  type RequesterNotificationQueuedData,
} from './requester-notification.events';

export const REQUESTER_NOTIFICATION_QUEUE = 'help-desk-requester-notification-queue';

/**
 * The mail outbox's intake: a reactor on the help desk's own events (its own
 * checkpoint) that queues a mail to the requester, as an event of its own
 * stream, for a request received, a public reply by the help desk (never an
 * internal note, nor the requester's own reply) and a resolution. The
 * notification's id derives from the source event's, so a reaction delivered
 * again queues nothing twice. Past facts (imported) and facts whose link
 * would already have expired are not mailed.
 */
@Injectable()
export class RequesterNotificationQueue implements ContextReactor {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly mailer: RequesterMailer,
  ) {}

  definition() {
    return defineProjection({
      name: REQUESTER_NOTIFICATION_QUEUE,
      version: 1,
      handlers: {
        'help-desk.ServiceRequestSubmitted': (event) => this.queue(event, 'received'),
        'help-desk.ServiceRequestCommented': async (event) => {
          const comment = event.data as ServiceRequestCommentedData;
          if (comment.visibility === 'public' && !comment.fromRequester)
            await this.queue(event, 'replied', comment.text);
        },
        'help-desk.ServiceRequestResolved': (event) =>
          this.queue(event, 'resolved', (event.data as ServiceRequestResolvedData).answer),
      },
    });
  }

  private async queue(
    source: RecordedEvent,
    kind: RequesterNotificationKind,
    message?: string,
  ): Promise<void> {
    if (source.imported) return;
    const requestId = (source.data as { requestId: string }).requestId;
    const [filed] = await this.events.readStream(serviceRequestStreamId(requestId));
    if (filed?.type !== 'help-desk.ServiceRequestSubmitted') return;
    const { requester, title } = filed.data as ServiceRequestSubmittedData;
    const now = this.clock();
    const link = this.mailer.link(requestId, requester.email, new Date(source.occurredAt));
    if (link.expiresAt <= now || requester.email === '[erased]') return;
    const notificationId = uuidFromKey(`${RequesterNotificationQueued.type}<-${source.eventId}`);
    const mail = requesterMail({
      kind,
      requestTitle: title,
      requesterName: requester.name,
      link: link.url,
      linkDays: this.mailer.linkDays,
      ...(message ? { message } : {}),
    });
    const data: RequesterNotificationQueuedData = {
      notificationId,
      requestId,
      kind,
      sourceEventId: source.eventId,
      to: { personId: requester.personId, name: requester.name, email: requester.email },
      subject: mail.subject,
      text: mail.text,
      queuedAt: now.toISOString(),
    };
    const event: NewEvent<RequesterNotificationQueuedData> = {
      eventId: notificationId,
      type: RequesterNotificationQueued.type,
      schemaVersion: RequesterNotificationQueued.schemaVersion,
      data,
      metadata: {
        correlationId: source.correlationId,
        causationId: source.eventId,
        actor: SYSTEM_ACTOR,
        occurredAt: now.toISOString(),
      },
    };
    try {
      await this.events.append(requesterNotificationStreamId(notificationId), 'no-stream', [event]);
    } catch (error) {
      // Queued already (a redelivery, or another instance a moment ago).
      if (error instanceof DuplicateEventError || error instanceof WrongExpectedVersionError)
        return;
      throw error;
    }
  }
}
