import Database from 'better-sqlite3';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the sink caught, as the Sent mail page lists it. */
export interface CaughtMail {
  id: number;
  messageId: string | null;
  from: string;
  to: string;
  subject: string;
  text: string;
  receivedAt: string;
}

/**
 * A real SMTP server in the process (smtp-server), for the embedded platform
 * and the tests: it accepts every mail on 127.0.0.1, parses it (mailparser)
 * and keeps it in SQLite (a file under the data folder, or in memory), so
 * the operators see what would have reached the requesters. Nothing leaves
 * the machine.
 */
export class SmtpSink {
  private server?: SMTPServer;
  private port?: number;
  private readonly db: Database.Database;

  constructor(
    filename: string,
    private readonly clock: () => Date,
  ) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS caught_mail (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      message_id TEXT,
      from_address TEXT NOT NULL,
      to_address TEXT NOT NULL,
      subject TEXT NOT NULL,
      text TEXT NOT NULL,
      received_at TEXT NOT NULL
    )`);
  }

  /** Listens on 127.0.0.1 (port 0: any free port); resolves with the port. */
  async start(port = 0): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      banner: 'SFP SMTP sink',
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.db
              .prepare(
                'INSERT INTO caught_mail (message_id, from_address, to_address, subject, text, received_at) VALUES (?, ?, ?, ?, ?, ?)',
              )
              .run(
                mail.messageId ?? null,
                addresses(mail.from),
                addresses(mail.to),
                mail.subject ?? '',
                mail.text ?? '',
                this.clock().toISOString(),
              );
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  /** The URL nodemailer sends to (undefined before start). */
  url(): string | undefined {
    return this.port === undefined ? undefined : `smtp://127.0.0.1:${this.port}`;
  }

  /** The caught mails, newest first. */
  list(limit = 200): CaughtMail[] {
    return this.db
      .prepare(
        'SELECT id, message_id AS messageId, from_address AS "from", to_address AS "to", subject, text, received_at AS receivedAt FROM caught_mail ORDER BY id DESC LIMIT ?',
      )
      .all(limit) as CaughtMail[];
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    if (this.db.open) this.db.close();
  }
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}
