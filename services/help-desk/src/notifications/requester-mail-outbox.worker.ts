import { Inject, Injectable } from '@nestjs/common';
import {
  SYSTEM_ACTOR,
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
} from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import {
  CLOCK,
  CONTEXT_SETTINGS,
  EVENT_STORE,
  IntervalRounds,
  LOGGER,
  PROJECTION_ENGINE,
  type Clock,
  type ContextWorker,
  type Logger,
} from '@sfp/service-kit';
import { randomUUID } from 'node:crypto';
import type { HelpDeskSettings } from '../help-desk.settings';
import { REQUESTER_MAIL_OUTBOX, type OutboxMail } from './requester-mail-outbox.projection';
import { RequesterMailer } from './requester-mailer';
import {
  RequesterNotificationDropped,
  RequesterNotificationFailed,
  RequesterNotificationQueued,
  RequesterNotificationSent,
  requesterNotificationStreamId,
  retryDelayMs,
  type RequesterNotificationQueuedData,
} from './requester-notification.events';

/** What one round of the outbox did. */
export interface OutboxRound {
  sent: number;
  failed: number;
  /** Not sent: the requester's personal data was erased first. */
  dropped: number;
}

/**
 * The mail outbox's worker: every HELP_DESK_MAIL_INTERVAL_MS (0 = never;
 * tests call sendDue themselves), each queued mail whose time has come is
 * sent through nodemailer, and the result recorded in its stream: sent, or
 * failed with the next try after a growing delay (30 s, 1, 2, 4 minutes... at
 * most an hour). A mail is never dropped: it stays in the outbox until a send
 * succeeds. The expected version guards the record, so two instances do not
 * both record one send.
 */
@Injectable()
export class RequesterMailOutbox implements ContextWorker {
  private readonly rounds: IntervalRounds<OutboxRound>;

  constructor(
    private readonly mailer: RequesterMailer,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(CONTEXT_SETTINGS) private readonly settings: HelpDeskSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.rounds = new IntervalRounds({
      round: () => this.sendDue(),
      onFailure: { sent: 0, failed: 0, dropped: 0 },
      logger,
      failureMessage: 'Mail outbox round failed',
    });
  }

  start(): void {
    this.rounds.start(this.settings.HELP_DESK_MAIL_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    await this.rounds.stop();
  }

  /** Sends every mail due at `now` (after the outbox read model caught up); returns how many were sent and failed. */
  async sendDue(now: Date = this.clock()): Promise<OutboxRound> {
    const model = this.projections.readModel<OutboxMail>(REQUESTER_MAIL_OUTBOX);
    const page = await model.find({
      filter: { status: { in: ['queued', 'failed'] }, nextAttemptAt: { lte: now.toISOString() } },
      sort: { field: 'nextAttemptAt', direction: 'asc' },
      limit: 100,
    });
    const round: OutboxRound = { sent: 0, failed: 0, dropped: 0 };
    for (const { data } of page.items) {
      const outcome = await this.sendOne(data.notificationId, now);
      if (outcome) round[outcome]++;
    }
    if (round.sent + round.failed + round.dropped > 0) this.projections.wake();
    return round;
  }

  private async sendOne(
    notificationId: string,
    now: Date,
  ): Promise<'sent' | 'failed' | 'dropped' | undefined> {
    const streamId = requesterNotificationStreamId(notificationId);
    const recorded = await this.events.readStream(streamId);
    const [queued] = recorded;
    const last = recorded.at(-1);
    if (
      !queued ||
      !last ||
      (last.type !== RequesterNotificationQueued.type &&
        last.type !== RequesterNotificationFailed.type)
    )
      return undefined;
    const mail = queued.data as RequesterNotificationQueuedData;
    const attempt = recorded.length;
    const base = { notificationId, requestId: mail.requestId, attempt };
    let outcome: NewEvent;
    if (mail.to.email === '[erased]') {
      // There is nobody to write to any more: dropped, out of the outbox's way.
      outcome = this.eventOf(RequesterNotificationDropped, queued.correlationId, now, {
        notificationId,
        requestId: mail.requestId,
        reason: 'requester-erased',
        droppedAt: now.toISOString(),
      });
      return (await this.record(streamId, last.streamVersion, outcome)) ? 'dropped' : undefined;
    }
    try {
      const messageId = await this.mailer.send({
        to: `${mail.to.name} <${mail.to.email}>`,
        subject: mail.subject,
        text: mail.text,
      });
      outcome = this.eventOf(RequesterNotificationSent, queued.correlationId, now, {
        ...base,
        messageId,
        sentAt: now.toISOString(),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ notificationId, attempt, err: message }, 'Requester mail not sent');
      outcome = this.eventOf(RequesterNotificationFailed, queued.correlationId, now, {
        ...base,
        error: message.slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt)).toISOString(),
        failedAt: now.toISOString(),
      });
    }
    if (!(await this.record(streamId, last.streamVersion, outcome))) return undefined;
    return outcome.type === RequesterNotificationSent.type ? 'sent' : 'failed';
  }

  /** Appends the outcome after the version read; false when another instance recorded one first. */
  private async record(streamId: string, version: number, outcome: NewEvent): Promise<boolean> {
    try {
      await this.events.append(streamId, version, [outcome]);
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return false;
      throw error;
    }
  }

  private eventOf<Data>(
    type: { type: string; schemaVersion: number },
    correlationId: string,
    now: Date,
    data: Data,
  ): NewEvent<Data> {
    return {
      eventId: randomUUID(),
      type: type.type,
      schemaVersion: type.schemaVersion,
      data,
      metadata: { correlationId, actor: SYSTEM_ACTOR, occurredAt: now.toISOString() },
    };
  }
}
