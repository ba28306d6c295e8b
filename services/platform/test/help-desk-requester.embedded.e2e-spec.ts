import { createServer } from 'node:net';
import { RequesterMailer, RequesterMailOutbox, signRequesterLink, SmtpSink } from '@sfp/help-desk';
import { httpClient as client, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { SERVICE_REQUEST, startTestPlatform } from './support/test-platform';

/** Polls until `check` returns a value (the reactor and the outbox's read model are asynchronous). */
async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Caught {
  to: string;
  subject: string;
  text: string;
}

async function operatorOf(platform: EmbeddedPlatform, password: string) {
  const admin = client(`${platform.url}/api/auth`, await signIn(platform.url, 'admin', password));
  await admin.post('/users', {
    username: 'operator-1',
    displayName: 'Jane Kamau',
    roles: ['operator'],
    department: 'SFP',
    password: 'operator one password',
  });
  return client(
    `${platform.url}/api/help-desk`,
    await signIn(platform.url, 'operator-1', 'operator one password'),
  );
}

/** The help desk reaches the requester: mail through a real SMTP sink, their signed link, their reply and CSAT. */
describe('help desk: the requester’s mail, link, replies and satisfaction (embedded e2e)', () => {
  let platform: EmbeddedPlatform;
  let http: ReturnType<typeof client>;
  let outbox: RequesterMailOutbox;
  let mailer: RequesterMailer;
  const publicHttp = () => client(`${platform.url}/api/help-desk`);

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-requester-', {
      SFP_ADMIN_PASSWORD: 'an e2e secret phrase',
      HELP_DESK_MAIL_INTERVAL_MS: 0,
      HELP_DESK_PUBLIC_URL: 'https://console.example.org',
    });
    http = await operatorOf(platform, 'an e2e secret phrase');
    outbox = platform.app.get(RequesterMailOutbox, { strict: false });
    mailer = platform.app.get(RequesterMailer, { strict: false });
  });

  afterAll(async () => {
    await platform?.close();
  });

  /** Sends what is due until the sink holds `count` mails; the newest first. */
  const caught = (count: number): Promise<Caught[]> =>
    eventually(async () => {
      await outbox.sendDue();
      const mails = mailer.sink?.list() ?? [];
      return mails.length >= count ? mails : undefined;
    });
  const linkIn = (text: string): string => {
    const match = /https:\/\/console\.example\.org\/requester\/(\S+)/.exec(text);
    if (!match?.[1]) throw new Error(`No requester link in: ${text}`);
    return match[1];
  };

  it('mails the requester on receipt, on a public reply (never an internal note) and on resolution; they reply and rate once', async () => {
    const submitted = await http.post<{ requestId: string }>('/service-requests', SERVICE_REQUEST);
    expect(submitted.status).toBe(201);
    const { requestId } = submitted.body;

    const [received] = await caught(1);
    expect(received?.to).toContain('kofi@example.org');
    expect(received?.subject).toBe('We received your request: Guarantee fund for cooperatives');
    const token = linkIn(received?.text ?? '');

    const note = await http.post(`/service-requests/${requestId}/comments`, {
      text: 'Internal: check the 2025 guidelines first',
    });
    expect(note.status).toBe(201);
    const reply = await http.post(`/service-requests/${requestId}/comments`, {
      text: 'Could you tell us the size of the cooperatives?',
      visibility: 'public',
    });
    expect(reply.status).toBe(201);
    const mails = await caught(2);
    expect(mails).toHaveLength(2);
    expect(mails[0]?.subject).toBe('New reply to your request: Guarantee fund for cooperatives');
    expect(mails[0]?.text).toContain('Could you tell us the size of the cooperatives?');
    expect(mails.map((m) => m.text).join('\n')).not.toContain('Internal: check');

    // The requester's page: their request and the public reply, not the note.
    const view = await publicHttp().get<{
      title: string;
      status: string;
      thread: Array<{ kind: string; from: string; text: string }>;
      canReply: boolean;
      canRate: boolean;
    }>(`/requester/${token}`);
    expect(view.status).toBe(200);
    expect(view.body.thread.map((e) => [e.kind, e.from, e.text])).toEqual([
      ['request', 'requester', 'Which instrument fits?'],
      ['reply', 'help-desk', 'Could you tell us the size of the cooperatives?'],
    ]);
    expect(view.body).toMatchObject({ canReply: true, canRate: false });

    const answered = await publicHttp().post(`/requester/${token}/replies`, {
      text: 'About 40 members each.',
    });
    expect(answered.status).toBe(201);
    const detail = await http.get<{
      comments: Array<{ text: string; visibility: string; fromRequester?: boolean }>;
    }>(`/service-requests/${requestId}`);
    expect(detail.body.comments).toEqual([
      expect.objectContaining({
        text: 'Internal: check the 2025 guidelines first',
        visibility: 'internal',
      }),
      expect.objectContaining({ visibility: 'public' }),
      expect.objectContaining({
        text: 'About 40 members each.',
        visibility: 'public',
        fromRequester: true,
      }),
    ]);
    // The requester's own reply is not mailed back to them.
    await outbox.sendDue();
    expect(mailer.sink?.list()).toHaveLength(2);

    expect(
      (await publicHttp().post(`/requester/${token}/satisfaction`, { rating: 5 })).status,
    ).toBe(409);
    for (const [action, body] of [
      [
        'triage',
        { kind: 'fund-instrument-guidelines', themes: ['cooperatives'], priority: 'normal' },
      ],
      ['assign', { assignee: 'operator-1' }],
      ['start', {}],
    ] as const)
      expect((await http.post(`/service-requests/${requestId}/${action}`, body)).status).toBe(200);
    const resolved = await http.post(`/service-requests/${requestId}/resolve`, {
      answer: 'A revolving guarantee fund: guidelines attached.',
      outputs: ['Guidelines (PDF)'],
    });
    expect(resolved.status).toBe(200);
    const afterResolution = await caught(3);
    expect(afterResolution[0]?.subject).toBe(
      'Your request is resolved: Guarantee fund for cooperatives',
    );

    const rated = await publicHttp().post(`/requester/${token}/satisfaction`, {
      rating: 4,
      comment: 'Clear, thank you',
    });
    expect(rated.status).toBe(201);
    const again = await publicHttp().post<{ code: string }>(`/requester/${token}/satisfaction`, {
      rating: 1,
    });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('SATISFACTION_ALREADY_RATED');
    expect(
      (await publicHttp().post(`/requester/${token}/satisfaction`, { rating: 6 })).status,
    ).toBe(400);

    const statistics = await eventually(async () => {
      const answer = await http.get<{ satisfaction: { responses: number } }>('/statistics');
      return answer.body.satisfaction?.responses === 1 ? answer.body : undefined;
    });
    expect(statistics.satisfaction).toEqual({
      responses: 1,
      mean: 4,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 },
    });

    // The operator's Sent mail: the sink's mails and the outbox, all sent once.
    const sent = await http.get<{
      sink: boolean;
      caught: unknown[];
      outbox: Array<{ kind: string; status: string; attempts: number }>;
    }>('/sent-mail');
    expect(sent.status).toBe(200);
    expect(sent.body.sink).toBe(true);
    expect(sent.body.caught).toHaveLength(3);
    expect(sent.body.outbox.map((m) => [m.kind, m.status, m.attempts]).sort()).toEqual([
      ['received', 'sent', 1],
      ['replied', 'sent', 1],
      ['resolved', 'sent', 1],
    ]);
  });

  it('refuses a forged link (401) and an expired one (410), without an account', async () => {
    const submitted = await http.post<{ requestId: string }>('/service-requests', SERVICE_REQUEST);
    const { requestId } = submitted.body;
    const forged = signRequesterLink(
      'not-the-secret-of-this-platform-at-all',
      requestId,
      'kofi@example.org',
      new Date(Date.now() + 86_400_000),
    );
    expect((await publicHttp().get(`/requester/${forged}`)).status).toBe(401);
    const otherMail = signRequesterLink(
      mailer.linkSecret,
      requestId,
      'someone@example.org',
      new Date(Date.now() + 86_400_000),
    );
    expect((await publicHttp().get(`/requester/${otherMail}`)).status).toBe(401);
    const expired = signRequesterLink(
      mailer.linkSecret,
      requestId,
      'kofi@example.org',
      new Date(Date.now() - 1000),
    );
    expect((await publicHttp().get(`/requester/${expired}`)).status).toBe(410);
    expect(
      (await publicHttp().post(`/requester/${expired}/replies`, { text: 'hello' })).status,
    ).toBe(410);
    expect((await publicHttp().get('/requester/not-a-link')).status).toBe(400);
    expect((await publicHttp().get('/sent-mail')).status).toBe(401);
  });
});

/** A free port on 127.0.0.1, closed again (an SMTP server that is down, until the test starts one there). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('No port');
  return address.port;
}

describe('help desk: the mail outbox retries a failed send and loses nothing (embedded e2e)', () => {
  let platform: EmbeddedPlatform;
  let server: SmtpSink | undefined;

  afterAll(async () => {
    await server?.stop();
    await platform?.close();
  });

  it('records the failure with a later try, then sends it once the SMTP server is up', async () => {
    const port = await freePort();
    platform = await startTestPlatform('sfp-outbox-', {
      SFP_ADMIN_PASSWORD: 'an e2e secret phrase',
      HELP_DESK_MAIL_INTERVAL_MS: 0,
      SFP_SMTP_URL: `smtp://127.0.0.1:${port}`,
    });
    const http = await operatorOf(platform, 'an e2e secret phrase');
    const outbox = platform.app.get(RequesterMailOutbox, { strict: false });
    expect((await http.post('/service-requests', SERVICE_REQUEST)).status).toBe(201);

    const first = await eventually(async () => {
      const round = await outbox.sendDue();
      return round.failed > 0 ? round : undefined;
    });
    expect(first).toEqual({ sent: 0, failed: 1, dropped: 0 });
    const failed = await eventually(async () => {
      const answer = await http.get<{
        sink: boolean;
        outbox: Array<{
          status: string;
          attempts: number;
          nextAttemptAt?: string;
          lastError?: string;
        }>;
      }>('/sent-mail');
      return answer.body.outbox[0]?.status === 'failed' ? answer.body : undefined;
    });
    expect(failed.sink).toBe(false);
    expect(failed.outbox[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.outbox[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Not due again before its backoff (30 s).
    expect(await outbox.sendDue()).toEqual({ sent: 0, failed: 0, dropped: 0 });

    server = new SmtpSink(':memory:', () => new Date());
    await server.start(port);
    const later = new Date(Date.now() + 60_000);
    expect(await outbox.sendDue(later)).toEqual({ sent: 1, failed: 0, dropped: 0 });
    expect(server.list().map((m) => m.subject)).toEqual([
      'We received your request: Guarantee fund for cooperatives',
    ]);
    const sent = await eventually(async () => {
      const answer = await http.get<{ outbox: Array<{ status: string; attempts: number }> }>(
        '/sent-mail',
      );
      return answer.body.outbox[0]?.status === 'sent' ? answer.body : undefined;
    });
    expect(sent.outbox[0]).toMatchObject({ status: 'sent', attempts: 2 });

    // A requester erased before their mail went: it is dropped, never sent, out of the outbox's way.
    const email = 'erased.person@example.org';
    const filed = await http.post<{ requestId: string }>('/service-requests', {
      ...SERVICE_REQUEST,
      requester: { ...SERVICE_REQUEST.requester, email },
    });
    await eventually(async () => {
      const answer = await http.get<{ outbox: Array<{ requestId: string }> }>('/sent-mail');
      return answer.body.outbox.some((m) => m.requestId === filed.body.requestId)
        ? true
        : undefined;
    });
    const admin = client(
      `${platform.url}/api/help-desk`,
      await signIn(platform.url, 'admin', 'an e2e secret phrase'),
    );
    expect((await admin.post('/personal-data/erasures', { email })).status).toBe(200);
    expect(await outbox.sendDue(new Date(Date.now() + 3_600_000))).toEqual({
      sent: 0,
      failed: 0,
      dropped: 1,
    });
    expect(server.list()).toHaveLength(1);
    const dropped = await eventually(async () => {
      const answer = await http.get<{ outbox: Array<{ requestId: string; status: string }> }>(
        '/sent-mail',
      );
      const mail = answer.body.outbox.find((m) => m.requestId === filed.body.requestId);
      return mail?.status === 'dropped' ? mail : undefined;
    });
    expect(dropped.status).toBe('dropped');
    // Their link is dead too: the e-mail it was signed for is gone.
    const mailer = platform.app.get(RequesterMailer, { strict: false });
    const link = signRequesterLink(
      mailer.linkSecret,
      filed.body.requestId,
      email,
      new Date(Date.now() + 86_400_000),
    );
    expect((await client(`${platform.url}/api/help-desk`).get(`/requester/${link}`)).status).toBe(
      401,
    );
    expect(await outbox.sendDue(new Date(Date.now() + 3_600_000))).toEqual({
      sent: 0,
      failed: 0,
      dropped: 0,
    });
  });
});
