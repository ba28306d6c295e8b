import { addBusinessHours, businessHoursBetween, OFFICE_HOURS, SlaChecks } from '@sfp/help-desk';
import { httpClient, signIn } from '@sfp/testing';
import type { Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { ensureSignedIn, eventually, ok, textOf, type Json } from './console-steps';

/**
 * The help desk's operator pages in a real browser (Chromium, headless)
 * against the embedded platform, with theme teams set: gender is the
 * "inclusion" team's (led by amara), microinsurance the "protection" team's.
 * A request past its SLA (the scheduled check driven to a month from now)
 * shows its escalation badge on the queue and on its page, one at 85 % of its
 * SLA in business hours its "at risk" badge; the assignee picker
 * offers only the inclusion team, with their workload; a macro written on the
 * Macros page is applied to a request as its public reply.
 */
describe('admin console: help desk operations in a browser (e2e)', () => {
  const ADMIN_PASSWORD = 'help desk operations e2e passphrase';
  const TEAMS = {
    HELP_DESK_THEME_TEAMS: 'gender=inclusion,microinsurance=protection',
    HELP_DESK_TEAM_LEADS: 'inclusion=amara',
  };
  let h: ConsoleHarness;
  let page: Page;
  let helpDesk: ReturnType<typeof httpClient>;
  let overdueId: string;
  let freshId: string;

  const request = (title: string) => ({
    requester: {
      name: 'Fatou Ndiaye',
      email: 'fatou.ndiaye@example.org',
      origin: 'regional-office',
      organisation: 'Regional Office for Africa',
    },
    title,
    description: 'Which finance products reach women entrepreneurs in the informal economy?',
    kind: 'programme-guidance',
    themes: ['gender'],
    region: 'africa',
    country: 'SN',
    priority: 'urgent',
  });

  /** A triaged request; its id. */
  async function triaged(title: string): Promise<string> {
    const { requestId } = await ok<Json>(helpDesk.post('/service-requests', request(title)), 201);
    await ok(
      helpDesk.post(`/service-requests/${requestId}/triage`, {
        kind: 'programme-guidance',
        themes: ['gender'],
        priority: 'urgent',
      }),
    );
    return requestId as string;
  }

  beforeAll(async () => {
    // The help desk reads its settings from the environment at start: the teams for this platform only.
    Object.assign(process.env, TEAMS);
    try {
      h = await startConsoleHarness(ADMIN_PASSWORD);
    } finally {
      for (const name of Object.keys(TEAMS)) delete process.env[name];
    }
    page = h.page;
    const token = await signIn(h.platform.url, 'admin', ADMIN_PASSWORD);
    const auth = httpClient(`${h.platform.url}/api/auth`, token);
    helpDesk = httpClient(`${h.platform.url}/api/help-desk`, token);
    for (const [username, displayName, department] of [
      ['amara', 'Amara Diallo', 'inclusion'],
      ['kofi', 'Kofi Mensah', 'inclusion'],
      ['lena', 'Lena Vogel', 'protection'],
    ]) {
      await ok(
        auth.post('/users', {
          username,
          displayName,
          roles: ['operator'],
          department,
          password: 'a long operations passphrase',
        }),
        201,
      );
    }
    // Past its SLA: triaged, given to kofi (his workload), then the check a month from now escalates it.
    overdueId = await triaged('Women’s savings groups and digital credit');
    await ok(helpDesk.post(`/service-requests/${overdueId}/assign`, { assignee: 'kofi' }));
    await h.platform.app
      .get(SlaChecks, { strict: false })
      .checkSlas(new Date(Date.now() + 30 * 86_400_000));
    // At risk: 85 % of its SLA used in business hours (the default calendar), not yet due.
    const atRiskId = await triaged('Women’s cooperatives and crop insurance');
    const atRisk = await ok<Json>(helpDesk.get(`/service-requests/${atRiskId}`));
    const span = businessHoursBetween(atRisk['submittedAt'], atRisk['dueAt'], OFFICE_HOURS);
    await h.platform.app
      .get(SlaChecks, { strict: false })
      .checkSlas(new Date(addBusinessHours(atRisk['submittedAt'], span * 0.85, OFFICE_HOURS)));
    freshId = await triaged('Gender-lens investing guidance');
    await eventually('the queue lists both requests, the first one escalated', async () => {
      const queue = await helpDesk.get<Json>('/queue?theme=gender');
      const items = (queue.body['items'] ?? []) as Json[];
      return (
        items.some((i) => i['requestId'] === freshId) &&
        items.some((i) => i['requestId'] === overdueId && i['escalation'] === 'breached')
      );
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const main = () => page.getByRole('main');
  const nav = () => page.getByRole('navigation', { name: 'Main' });

  /** Signed in as the administrator (once: the session stays in the tab). */
  const signInAsAdmin = () => ensureSignedIn(page, 'admin', ADMIN_PASSWORD);

  async function openRequest(title: string) {
    await nav().getByRole('link', { name: 'Request queue' }).click();
    await page.getByRole('heading', { name: 'Request queue' }).waitFor();
    await main().getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
  }

  it('shows the escalation to the team lead of a request past its SLA or near it, on the queue and on its page', async () => {
    await signInAsAdmin();
    await nav().getByRole('link', { name: 'Request queue' }).click();
    const row = main()
      .getByRole('row')
      .filter({
        has: page.getByRole('link', { name: 'Women’s savings groups and digital credit' }),
      });
    expect(await textOf(row.getByTestId('escalation-badge'))).toBe(
      'Escalated to amara: SLA breached',
    );
    const fresh = main()
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Gender-lens investing guidance' }) });
    expect(await fresh.getByTestId('escalation-badge').count()).toBe(0);
    const atRisk = main()
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Women’s cooperatives and crop insurance' }) });
    expect(await textOf(atRisk.getByTestId('escalation-badge'))).toBe(
      'Escalated to amara: SLA at risk',
    );
    // The queue filtered to the breached escalations: the at-risk and the fresh request leave it.
    await main().getByLabel('Escalated').selectOption('breached');
    await atRisk.waitFor({ state: 'detached' });
    expect(await fresh.count()).toBe(0);
    expect(await row.count()).toBe(1);
    expect(page.url()).toContain('escalation=breached');

    await openRequest('Women’s savings groups and digital credit');
    expect(await textOf(main().getByTestId('escalation-badge'))).toBe(
      'Escalated to amara: SLA breached',
    );
    const timeline = await textOf(main().getByRole('region', { name: 'Timeline' }));
    expect(timeline).toContain('SLA breached: to amara (Inclusion)');
    await h.screenshot('help-desk-escalation');
  });

  it('picks the assignee among the team of the request’s themes, with their workload', async () => {
    await openRequest('Gender-lens investing guidance');
    await page
      .getByRole('group', { name: 'Actions this status allows' })
      .getByRole('button', { name: 'Assign', exact: true })
      .click();
    const form = page.getByRole('form', { name: 'Assign' });
    const picker = form.getByLabel('Assignee');
    await picker.locator('option[value="kofi"]').waitFor({ state: 'attached' });
    const options = await picker.locator('option').allTextContents();
    expect(options).toEqual([
      'Choose a person…',
      'Amara Diallo (amara), inclusion: no open request',
      'Kofi Mensah (kofi), inclusion: 1 open request',
    ]);
    await h.screenshot('help-desk-assignee-picker');
    await picker.selectOption('amara');
    await form.getByRole('button', { name: /^Confirm/ }).click();
    await page.getByTestId('request-status').filter({ hasText: 'Assigned' }).waitFor();
    expect(await textOf(main().locator('dl.details'))).toContain('Assigneeamara');
  });

  it('writes a macro for a theme and applies it to a request as its public reply', async () => {
    await nav().getByRole('link', { name: 'Macros' }).click();
    await page.getByRole('heading', { name: 'Macros', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'New macro' });
    await form.getByLabel('Theme').selectOption('gender');
    await form.getByLabel('Title').fill('Gender toolkit sent');
    await form
      .getByLabel('Text')
      .fill('Please find the gender-responsive finance toolkit on our library page.');
    await form.getByLabel('Applied as').selectOption('public');
    await form.getByRole('button', { name: 'Add the macro' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Gender toolkit sent”' }).waitFor();
    const row = main().getByRole('row').filter({ hasText: 'Gender toolkit sent' });
    expect(await textOf(row)).toContain('Public reply');

    await openRequest('Gender-lens investing guidance');
    const reply = page.getByRole('form', { name: 'Reply with a macro' });
    await reply
      .getByLabel('Macro')
      .selectOption({ label: 'Gender toolkit sent (Gender, public reply)' });
    await reply.getByRole('button', { name: 'Apply the macro' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Replied with “Gender toolkit sent” (public reply)' })
      .waitFor();
    await main()
      .getByText('Please find the gender-responsive finance toolkit on our library page.')
      .first()
      .waitFor();
    const detail = await ok<Json>(helpDesk.get(`/service-requests/${freshId}`));
    expect(detail['comments']).toEqual([
      expect.objectContaining({
        text: 'Please find the gender-responsive finance toolkit on our library page.',
        visibility: 'public',
      }),
    ]);
    await h.screenshot('help-desk-macro-applied');
  });
});
