import { join } from 'node:path';
import { RequesterMailer, RequesterMailOutbox, type CaughtMail } from '@sfp/help-desk';
import { httpClient, signIn } from '@sfp/testing';
import type { Page } from 'playwright-core';
import { ARTIFACTS, startConsoleHarness, type ConsoleHarness } from './console-harness';
import { ensureSignedIn, textOf } from './console-steps';

/**
 * The help desk reaching the requester, in a real browser against the
 * embedded platform and its in-process SMTP sink (a real SMTP server): the
 * operator replies publicly, the sink catches the mail, the requester follows
 * the link from that mail (no account), reads the thread and replies, the
 * operator sees the reply on the timeline and the mail on the Sent mail page;
 * after resolution the requester answers the satisfaction question.
 */
describe('help desk: the requester’s link and the Sent mail page in a browser (e2e)', () => {
  const ADMIN_PASSWORD = 'requester console e2e phrase';
  const title = 'Savings groups in rural Ghana';
  let h: ConsoleHarness;
  let page: Page;
  let requestId: string;
  let outbox: RequesterMailOutbox;
  let mailer: RequesterMailer;

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    outbox = h.platform.app.get(RequesterMailOutbox, { strict: false });
    mailer = h.platform.app.get(RequesterMailer, { strict: false });
    const api = httpClient(
      `${h.platform.url}/api/help-desk`,
      await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
    );
    const filed = await api.post<{ requestId: string }>('/service-requests', {
      requester: {
        name: 'Abena Owusu',
        email: 'abena.owusu@example.org',
        origin: 'constituent',
        organisation: 'Ghana Cooperative Savings Union',
        constituentGroup: 'workers-organisation',
      },
      title,
      description: 'Which savings-group model suits rural members?',
      kind: 'programme-guidance',
      themes: ['cooperatives'],
      region: 'africa',
      country: 'GH',
      priority: 'normal',
    });
    expect(filed.status).toBe(201);
    requestId = filed.body.requestId;
  });

  afterAll(async () => {
    await h?.close();
  });

  const notice = (p: Page, text: string) =>
    p.getByRole('status').filter({ hasText: text }).waitFor();

  /** Sends what the outbox holds until the sink caught a mail with this subject. */
  async function mailCaught(subject: string): Promise<CaughtMail> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      await outbox.sendDue();
      const mail = mailer.sink?.list().find((m) => m.subject === subject);
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`No mail "${subject}" caught`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Signed in as the administrator (once: the session stays in the tab). */
  const signInAsAdmin = () => ensureSignedIn(page, 'admin', ADMIN_PASSWORD);

  /** The request page's Comment action: an internal note or a public reply. */
  async function comment(
    who: 'Internal note (staff only)' | 'Public reply (mailed to the requester)',
    text: string,
  ) {
    await page
      .getByRole('group', { name: 'Actions this status allows' })
      .getByRole('button', { name: 'Comment', exact: true })
      .click();
    const form = page.getByRole('form', { name: 'Comment' });
    await form.getByLabel('Who reads it').selectOption({ label: who });
    await form.getByLabel('Comment', { exact: true }).fill(text);
    await form.getByRole('button', { name: /^Confirm/ }).click();
    await notice(page, 'Comment: done.');
  }

  const timelineTitles = async () =>
    (
      await page
        .getByRole('list', { name: 'Timeline' })
        .getByRole('listitem')
        .locator('strong')
        .allTextContents()
    ).map((t) => t.trim());

  it('an operator’s public reply reaches the requester by mail; the requester replies through the link; the operator sees it, and the mail in Sent mail', async () => {
    await mailCaught(`We received your request: ${title}`);

    await signInAsAdmin();
    await page.goto(`/help-desk/requests/${requestId}`);
    await page.getByRole('heading', { name: title }).waitFor();
    await comment('Internal note (staff only)', 'Ask Kwame: he ran the 2025 pilot');
    await comment('Public reply (mailed to the requester)', 'How many members does a group have?');
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText('Public reply (mailed to the requester)')
      .waitFor();
    expect((await timelineTitles()).slice(0, 2)).toEqual([
      'Public reply (mailed to the requester)',
      'Internal note (staff only)',
    ]);

    const mail = await mailCaught(`New reply to your request: ${title}`);
    expect(mail.to).toContain('abena.owusu@example.org');
    expect(mail.text).toContain('How many members does a group have?');
    expect(mail.text).not.toContain('Kwame');
    const link = /https?:\/\/\S+?(\/requester\/[A-Za-z0-9_~-]+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();

    // The requester, in a browser of their own with no account.
    const requesterContext = await h.browser.newContext({
      baseURL: h.consoleUrl,
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    const requester = await requesterContext.newPage();
    try {
      await requester.goto(link as string);
      await requester.getByRole('heading', { name: title }).waitFor();
      const thread = requester.getByTestId('requester-thread');
      expect(await textOf(thread)).toContain('How many members does a group have?');
      expect(await textOf(thread)).not.toContain('Kwame');
      await requester.getByLabel('Your reply').fill('About 25 members, mostly women farmers.');
      await requester.getByRole('button', { name: 'Send reply' }).click();
      await notice(requester, 'Your reply was sent to the help desk.');
      await thread.getByText('About 25 members, mostly women farmers.').waitFor();
      expect(await textOf(requester.getByTestId('requester-status'))).toBe('Submitted');
      await requester.screenshot({
        path: join(ARTIFACTS, 'help-desk-requester-page.png'),
        fullPage: true,
      });

      // The operator sees the requester's reply on the timeline.
      await page.reload();
      await page
        .getByRole('list', { name: 'Timeline' })
        .getByText('About 25 members, mostly women farmers.')
        .waitFor();
      expect((await timelineTitles())[0]).toBe('Reply from the requester');
      await h.screenshot('help-desk-request-replies-timeline');

      // Sent mail: the outbox (sent, one attempt each) and what the sink caught.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Sent mail' })
        .click();
      await page.getByRole('heading', { name: 'Sent mail', level: 1 }).waitFor();
      const rows = page.getByTestId('mail-outbox').locator('tbody tr');
      await rows.first().waitFor();
      const outboxRows = (await rows.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
      expect(outboxRows).toHaveLength(2);
      expect(outboxRows[0]).toContain('Public reply');
      expect(outboxRows[0]).toContain(`New reply to your request: ${title}`);
      expect(outboxRows[0]).toContain('Sent');
      expect(outboxRows[1]).toContain('Request received');
      const caught = page.getByTestId('caught-mail');
      expect(await textOf(caught)).toContain(`New reply to your request: ${title}`);
      expect(await textOf(caught)).toContain('abena.owusu@example.org');
      await h.screenshot('help-desk-sent-mail');

      // After resolution the requester is asked one question, once.
      const api = httpClient(
        `${h.platform.url}/api/help-desk`,
        await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
      );
      for (const [action, body] of [
        ['triage', { kind: 'programme-guidance', themes: ['cooperatives'], priority: 'normal' }],
        ['assign', { assignee: 'admin' }],
        ['start', {}],
        ['resolve', { answer: 'The rotating model fits groups of 20 to 30.', outputs: [] }],
      ] as const)
        expect((await api.post(`/service-requests/${requestId}/${action}`, body)).status).toBe(200);
      await mailCaught(`Your request is resolved: ${title}`);
      await requester.reload();
      await requester
        .getByRole('heading', { name: 'How satisfied are you with the help desk’s answer?' })
        .waitFor();
      await requester.getByLabel('Satisfied', { exact: true }).check();
      await requester.getByLabel('Comment (optional)').fill('Clear and quick');
      await requester.getByRole('button', { name: 'Send my answer' }).click();
      await notice(requester, 'Thank you for your answer.');
      expect(await textOf(requester.getByTestId('requester-satisfaction'))).toContain('4 of 5');
      await page.goto(`/help-desk/requests/${requestId}`);
      expect(await textOf(page.getByTestId('request-satisfaction'))).toBe(
        '4 of 5 — “Clear and quick”',
      );

      // The statistics show the satisfaction: the mean, the answers, the answers per rating.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Statistics' })
        .click();
      const csat = page
        .locator('.figures > div')
        .filter({ hasText: 'Requester satisfaction (1–5), mean' })
        .locator('dd');
      await csat.filter({ hasText: 'from 1 answer' }).waitFor();
      expect(await textOf(csat)).toBe('4 from 1 answer');
      await page.getByText('Requester satisfaction: answers per rating').waitFor();

      // A forged link says so.
      await requester.goto(`${link as string}x`);
      await requester.getByTestId('requester-link-refused').waitFor();
      expect(await textOf(requester.getByTestId('requester-link-refused'))).toContain('not valid');
    } finally {
      await requesterContext.close();
    }
  });
});
