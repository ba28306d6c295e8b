import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import {
  CLOCK,
  CONTEXT_SETTINGS,
  LOGGER,
  type Clock,
  type ContextWorker,
  type Logger,
} from '@sfp/service-kit';
import type { HelpDeskSettings } from '../help-desk.settings';
import { signRequesterLink, verifyRequesterLink } from '../requester/requester-link';
import { SmtpSink } from './smtp-sink';

/** The mail as the outbox hands it over. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * How the help desk reaches requesters: the SMTP transport (nodemailer) to
 * SFP_SMTP_URL, or, without it and with SFP_SMTP_SINK (the embedded
 * platform's default), to the in-process SMTP sink; and the key of their
 * signed links. Started before the outbox worker that uses it.
 */
@Injectable()
export class RequesterMailer implements ContextWorker {
  private transport?: Transporter;
  private smtpSink?: SmtpSink;
  readonly linkSecret: string;

  constructor(
    @Inject(CONTEXT_SETTINGS) private readonly settings: HelpDeskSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.linkSecret = linkSecretOf(settings, logger);
  }

  async start(): Promise<void> {
    let url = this.settings.SFP_SMTP_URL;
    if (!url && sinkEnabled(this.settings)) {
      const dataDir = this.settings.SFP_DATA_DIR;
      const file = dataDir
        ? join(mkdirOf(join(dataDir, 'help-desk')), 'smtp-sink.sqlite')
        : ':memory:';
      this.smtpSink = new SmtpSink(file, this.clock);
      await this.smtpSink.start(0);
      url = this.smtpSink.url();
      this.logger.info({ url }, 'Requester mail goes to the in-process SMTP sink (Sent mail page)');
    }
    if (url) this.transport = createTransport(url);
    else
      this.logger.warn(
        'No SMTP server (SFP_SMTP_URL) and no sink: requester mails stay queued in the outbox',
      );
  }

  async stop(): Promise<void> {
    this.transport?.close();
    this.transport = undefined;
    await this.smtpSink?.stop();
  }

  /** The in-process sink, when the mail goes there. */
  get sink(): SmtpSink | undefined {
    return this.smtpSink;
  }

  /** Sends one mail; resolves with the server's message id, rejects when the server refuses or cannot be reached. */
  async send(mail: OutgoingMail): Promise<string> {
    if (!this.transport) throw new Error('No SMTP server is configured (SFP_SMTP_URL)');
    const info = (await this.transport.sendMail({
      from: this.settings.SFP_SMTP_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    })) as { messageId: string };
    return info.messageId;
  }

  /** The requester's page for a request, signed for their e-mail, expiring HELP_DESK_REQUESTER_LINK_DAYS after `from`. */
  link(requestId: string, email: string, from: Date): { url: string; expiresAt: Date } {
    const expiresAt = new Date(
      from.getTime() + this.settings.HELP_DESK_REQUESTER_LINK_DAYS * 86_400_000,
    );
    const token = signRequesterLink(this.linkSecret, requestId, email, expiresAt);
    const base = this.settings.HELP_DESK_PUBLIC_URL.replace(/\/+$/, '');
    return { url: `${base}/requester/${token}`, expiresAt };
  }

  verify(token: string, email: string) {
    return verifyRequesterLink(this.linkSecret, token, email, this.clock());
  }

  get linkDays(): number {
    return this.settings.HELP_DESK_REQUESTER_LINK_DAYS;
  }
}

export function sinkEnabled(settings: Pick<HelpDeskSettings, 'SFP_SMTP_SINK'>): boolean {
  return settings.SFP_SMTP_SINK === true || settings.SFP_SMTP_SINK === 'true';
}

/**
 * The configured link secret; else one derived from the pseudonym key (the
 * same in every instance of the help desk service, which requires it); else
 * one made once under the data folder (embedded); else one for this process only.
 */
function linkSecretOf(settings: HelpDeskSettings, logger: Logger): string {
  if (settings.HELP_DESK_REQUESTER_LINK_SECRET) return settings.HELP_DESK_REQUESTER_LINK_SECRET;
  if (settings.SFP_PSEUDONYM_SECRET)
    return createHmac('sha256', settings.SFP_PSEUDONYM_SECRET)
      .update('sfp.help-desk.requester-link')
      .digest('base64url');
  if (settings.SFP_DATA_DIR) {
    const file = join(mkdirOf(join(settings.SFP_DATA_DIR, 'help-desk')), 'requester-link.secret');
    if (!existsSync(file))
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    return readFileSync(file, 'utf8').trim();
  }
  logger.warn(
    'HELP_DESK_REQUESTER_LINK_SECRET is not set: requester links made now stop working at the next start',
  );
  return randomBytes(32).toString('base64url');
}

function mkdirOf(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
