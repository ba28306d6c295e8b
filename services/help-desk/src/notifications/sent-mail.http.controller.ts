import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Answers, Operation, RequirePermission } from '@sfp/auth';
import type { ProjectionEngine } from '@sfp/projections';
import { PROJECTION_ENGINE } from '@sfp/service-kit';
import { IsoDateTime, StringEnum, type MutuallyAssignable } from '../http/schema-helpers';
import type { CaughtMail } from './smtp-sink';
import { REQUESTER_MAIL_OUTBOX, type OutboxMail } from './requester-mail-outbox.projection';
import { RequesterMailer } from './requester-mailer';

export interface SentMail {
  /** Whether the mail goes to the in-process SMTP sink (embedded platform, tests) rather than a real server. */
  sink: boolean;
  /** What the sink caught, newest first (empty without the sink). */
  caught: CaughtMail[];
  /** The outbox, newest first: each mail to a requester and where it stands. */
  outbox: OutboxMail[];
}

export const SentMailSchema = Type.Object(
  {
    sink: Type.Boolean({ description: 'Mail goes to the in-process SMTP sink (embedded, tests)' }),
    caught: Type.Array(
      Type.Object({
        id: Type.Integer({ minimum: 1 }),
        messageId: Type.Union([Type.String(), Type.Null()]),
        from: Type.String(),
        to: Type.String(),
        subject: Type.String(),
        text: Type.String(),
        receivedAt: IsoDateTime(),
      }),
      { description: 'The mails the sink caught, newest first (at most 200)' },
    ),
    outbox: Type.Array(
      Type.Object({
        notificationId: Type.String({ format: 'uuid' }),
        requestId: Type.String({ format: 'uuid' }),
        kind: StringEnum(['received', 'replied', 'resolved'] as const),
        subject: Type.String(),
        status: StringEnum(['queued', 'sent', 'failed', 'dropped'] as const, {
          description:
            'queued: not tried yet; sent: the SMTP server took it; failed: the last try failed, tried again at nextAttemptAt; dropped: not sent, the requester’s personal data was erased first',
        }),
        attempts: Type.Integer({ minimum: 0 }),
        queuedAt: IsoDateTime(),
        nextAttemptAt: Type.Optional(IsoDateTime()),
        lastError: Type.Optional(Type.String()),
        sentAt: Type.Optional(IsoDateTime()),
      }),
      { description: 'The requester mails of the outbox, newest first (at most 200)' },
    ),
  },
  { title: 'HelpDeskSentMail' },
);

const matches: MutuallyAssignable<Static<typeof SentMailSchema>, SentMail> = true;
void matches;

@ApiTags('help-desk: requester mail')
@RequirePermission('records:read')
@Controller('sent-mail')
export class SentMailController {
  constructor(
    private readonly mailer: RequesterMailer,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
  ) {}

  @Get()
  @Operation(
    'listSentMail',
    'The mail to requesters: the outbox (queued, sent, failed with attempts) and what the local SMTP sink caught.',
  )
  @Answers(200, { description: 'The outbox and the sink’s mails', schema: SentMailSchema })
  async list(): Promise<SentMail> {
    const page = await this.projections.readModel<OutboxMail>(REQUESTER_MAIL_OUTBOX).find({
      sort: { field: 'queuedAt', direction: 'desc' },
      limit: 200,
    });
    const sink = this.mailer.sink;
    return {
      sink: sink !== undefined,
      caught: sink ? sink.list(200) : [],
      outbox: page.items.map((item) => item.data),
    };
  }
}
