import { httpClient, signIn } from '@sfp/testing';
import type { Locator, Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';

/**
 * The admin console in a real browser (Debian's Chromium, headless) against
 * the embedded platform: what an operator and an administrator do, through
 * the pages only. Screenshots of the main pages go to test-artifacts/console/.
 */
describe('admin console in a browser (e2e)', () => {
  const ADMIN_PASSWORD = 'console e2e admin passphrase';
  const OPERATOR_PASSWORD = 'operator chooses this passphrase';
  let h: ConsoleHarness;
  let page: Page;
  let operatorOneTimePassword: string;
  let requestUrl: string;
  const title = 'Guidelines for a youth guarantee fund';

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    // The administrator creates an operator account without a password: the platform generates a one-time one.
    const admin = httpClient(`${h.platform.url}/api/auth`, await signIn(h.platform.url, 'admin', ADMIN_PASSWORD));
    const created = await admin.post<{ oneTimePassword: string }>('/users', {
      username: 'jkamau',
      displayName: 'Jane Kamau',
      roles: ['operator'],
      department: 'SFP',
    });
    expect(created.status).toBe(201);
    operatorOneTimePassword = created.body.oneTimePassword;
  });

  afterAll(async () => {
    await h?.close();
  });

  const main = () => page.getByRole('main');
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

  async function signInAs(username: string, password: string) {
    await page.goto('/');
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the SFP Platform' }).waitFor();
  }

  /** The error messages shown beside one field (in the same .field block). */
  const fieldErrors = (name: string) => page.locator(`.field:has([name="${name}"]) .field-error`);

  it('an operator signs in with a one-time password, must choose their own, and sees the help desk but not operations', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to the SFP Platform' }).waitFor();
    await h.screenshot('01-sign-in');

    // A wrong password is said plainly.
    await signInAs('jkamau', 'not the password at all');
    await page.getByRole('alert').filter({ hasText: 'Wrong user name or password' }).waitFor();

    await signInAs('jkamau', operatorOneTimePassword);
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    // The API's rule on a too-short password shows beside the field.
    await page.getByLabel('Current password').fill(operatorOneTimePassword);
    await page.getByLabel('New password').fill('short');
    await page.getByLabel('Repeat the new password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await fieldErrors('newPassword').waitFor();
    expect(await textOf(fieldErrors('newPassword'))).toMatch(/12 characters/);
    await h.screenshot('02-change-one-time-password');

    await page.getByLabel('New password').fill(OPERATOR_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(OPERATOR_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Request queue' }).waitFor();
    expect(await textOf(page.getByTestId('signed-in-user'))).toBe('Jane Kamau');
    await main().getByText('The queue is empty').waitFor();

    // What the user sees follows their role: an operator has no operations pages.
    expect(await nav().getByRole('link', { name: 'Request queue' }).count()).toBe(1);
    expect(await nav().getByRole('link', { name: 'Projections' }).count()).toBe(0);
    expect(await nav().getByRole('link', { name: 'Users and roles' }).count()).toBe(0);
    await page.goto('/operations/users');
    await page.getByRole('heading', { name: 'Not available to you' }).waitFor();
  });

  it('files a request: the API validation messages show beside their fields, then the corrected request is filed', async () => {
    await page.goto('/help-desk/queue');
    await main().getByRole('link', { name: 'File a request' }).click();
    await page.getByRole('heading', { name: 'File a request' }).waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Amina Diallo');
    await page.getByLabel('E-mail').fill('amina.diallo-at-example.org');
    await page.getByLabel('Origin').selectOption('regional-office');
    await page.getByLabel('Organisation').fill('Regional Office for Africa');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Description').fill('How should the fund be managed and monitored?');
    await page.getByLabel('Kind').selectOption({ label: 'Fund instrument guidelines' });
    await page.getByRole('checkbox', { name: 'Youth' }).check();
    await page.getByRole('checkbox', { name: 'Poverty' }).check();
    await page.getByLabel('Region').selectOption('africa');
    await page.getByLabel('Country').fill('Senegal');
    await page.getByLabel('Priority').selectOption('high');
    await page.getByRole('button', { name: 'File the request' }).click();

    await fieldErrors('requester.email').waitFor();
    expect(await textOf(fieldErrors('requester.email'))).toMatch(/email/i);
    expect(await textOf(fieldErrors('country'))).toMatch(/ISO 3166-1 alpha-2/);
    expect(await page.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
    // Only the fields in error are marked.
    expect(await fieldErrors('title').count()).toBe(0);
    expect(await fieldErrors('requester.name').count()).toBe(0);
    await h.screenshot('03-file-request-validation');

    await page.getByLabel('E-mail').fill('amina.diallo@example.org');
    await page.getByLabel('Country').fill('SN');
    await page.getByRole('button', { name: 'File the request' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    expect(page.url()).toMatch(/\/help-desk\/requests\/[0-9a-f-]{36}$/);
    requestUrl = new URL(page.url()).pathname;
    expect(await textOf(page.getByTestId('request-status'))).toBe('Submitted');
    expect(await textOf(main())).toContain('Amina Diallo <amina.diallo@example.org>');
  });

  /** Runs one action of the request page and waits for the new status. */
  async function act(action: string, status: string, fill?: (form: Locator) => Promise<void>) {
    await page.getByRole('group', { name: 'Actions this status allows' }).getByRole('button', { name: action, exact: true }).click();
    const form = page.getByRole('form', { name: action });
    await form.waitFor();
    if (fill) await fill(form);
    await form.getByRole('button', { name: /^Confirm/ }).click();
    await page.getByRole('status').filter({ hasText: `${action}: done.` }).waitFor();
    await page.getByTestId('request-status').filter({ hasText: new RegExp(`^${status}$`) }).waitFor();
  }

  async function allowedActions(): Promise<string[]> {
    const buttons = page.getByRole('group', { name: 'Actions this status allows' }).getByRole('button');
    return (await buttons.allTextContents()).map((t) => t.trim());
  }

  it('moves the request through its lifecycle, offering only the actions each status allows, and shows who did what in the timeline', async () => {
    await page.goto(requestUrl);
    await page.getByRole('heading', { name: title }).waitFor();
    expect(await allowedActions()).toEqual(['Triage', 'Cancel request', 'Comment']);

    await act('Triage', 'Triaged', async (form) => {
      await form.getByLabel('Priority').selectOption('urgent');
      await form.getByLabel('Note (optional)').fill('Board meets next week');
    });
    expect(await allowedActions()).toEqual(['Assign', 'Triage', 'Cancel request', 'Comment']);

    // A required field left empty: the API's message shows beside it, nothing changes.
    await page.getByRole('group', { name: 'Actions this status allows' }).getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByRole('form', { name: 'Assign' }).getByRole('button', { name: /^Confirm/ }).click();
    await fieldErrors('assignee').waitFor();
    expect(await textOf(page.getByTestId('request-status'))).toBe('Triaged');

    await act('Assign', 'Assigned', (form) => form.getByLabel('Assignee').fill('staff-jkamau'));
    expect(await allowedActions()).toEqual(['Start work', 'Assign', 'Cancel request', 'Comment']);
    await act('Start work', 'In progress');
    await act('Refer', 'Referred', async (form) => {
      await form.getByLabel('Refer to').selectOption('external-body');
      await form.getByLabel('Unit or body').fill('CGAP');
      await form.getByLabel('Reason').fill('They hold the guarantee-fund toolkit');
    });
    expect(await allowedActions()).toEqual(['Resolve', 'Cancel request', 'Comment']);
    await act('Resolve', 'Resolved', async (form) => {
      await form.getByLabel('Answer').fill('Sent the 2026 guarantee-fund guidelines with a note on youth targeting');
      await form.getByLabel('Outputs (one a line)').fill('Guarantee fund guidelines (PDF)\nYouth targeting note');
    });
    await act('Comment', 'Resolved', (form) => form.getByLabel('Comment').fill('The requester confirmed receipt'));
    await act('Close', 'Closed');
    expect(await allowedActions()).toEqual(['Reopen']);

    const entries = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
    const timeline = (await entries.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(timeline).toHaveLength(8);
    // Newest first; each names what happened and who did it.
    expect(timeline.map((t) => /(\w[\w ]*?) by Jane Kamau \(you\)/.exec(t)?.[1]?.replace(/^.*\d{2}:\d{2}/, '').trim())).toEqual([
      'Closed',
      'Commented',
      'Resolved',
      'Referred',
      'Work started',
      'Assigned',
      'Triaged',
      'Submitted',
    ]);
    expect(timeline[5]).toContain('To staff-jkamau');
    expect(timeline[3]).toContain('To CGAP (External body): They hold the guarantee-fund toolkit');
    expect(timeline[1]).toContain('“The requester confirmed receipt”');
    await h.screenshot('04-request-timeline');
  });

  it('lists requests with filters and SLA status kept in the URL, so a link opens the same view', async () => {
    // The open queue no longer holds the closed request.
    await page.goto('/help-desk/queue');
    await main().getByText('The queue is empty').waitFor();

    await main().getByRole('link', { name: 'All requests' }).click();
    await page.getByLabel('Status').selectOption('closed');
    await page.waitForURL(/scope=all.*status=closed|status=closed.*scope=all/);
    const row = page.getByRole('table', { name: 'Requests' }).getByRole('row').filter({ hasText: title });
    await row.waitFor();
    expect(await textOf(row)).toContain('Closed');
    expect(await textOf(row)).toContain('Urgent');

    // The link, opened afresh, shows the same filtered list; another filter empties it.
    await page.goto(new URL(page.url()).pathname + new URL(page.url()).search);
    await row.waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('closed');
    await page.getByLabel('Region').selectOption('americas');
    await main().getByText('No request matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await row.waitFor();
    await h.screenshot('05-request-list');
    await signOut();
  });

  it('an administrator rebuilds a projection and sees it finish', async () => {
    await signInAs('admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Request queue' }).waitFor();
    await nav().getByRole('link', { name: 'Projections' }).click();
    const row = page.locator('tr[data-projection="help-desk-requests"]');
    await row.waitFor();
    expect(await textOf(row)).toContain('running');
    expect(await textOf(row)).toContain('generation 1');

    await row.getByRole('button', { name: 'Rebuild help-desk-requests' }).click();
    await row.getByRole('button', { name: 'Yes, rebuild' }).click();
    await row.getByText('Rebuild finished: generation 2 serves.').waitFor();
    expect(await textOf(row)).toContain('generation 2');
    expect(await textOf(row)).toMatch(/(\d+) \/ \1/); // caught up: position = head
    await h.screenshot('06-projections-rebuilt');

    // The rebuilt read model still serves the request.
    await page.goto('/help-desk/queue?scope=all');
    await page.getByRole('table', { name: 'Requests' }).getByRole('row').filter({ hasText: title }).waitFor();
  });

  it('an administrator manages users and roles; a new analyst sees the statistics only', async () => {
    await page.goto('/operations/users');
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByRole('row').filter({ hasText: 'Jane Kamau' }).waitFor();

    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('User name').fill('nadia.analyst');
    await form.getByLabel('Display name').fill('Nadia Haddad');
    await form.getByRole('checkbox', { name: 'Operator' }).uncheck();
    await form.getByRole('checkbox', { name: 'Analyst' }).check();
    await form.getByRole('button', { name: 'Add the user' }).click();
    const secret = page.getByTestId('one-time-secret');
    await secret.waitFor();
    const analystPassword = (await secret.textContent()) ?? '';
    expect(analystPassword.length).toBeGreaterThanOrEqual(12);
    const analystRow = users.getByRole('row').filter({ hasText: 'Nadia Haddad' });
    await analystRow.waitFor();
    expect(await textOf(analystRow)).toContain('Analyst');
    expect(await textOf(analystRow)).toContain('one-time password');
    await h.screenshot('07-users');
    await page.getByRole('button', { name: /I have kept it/ }).click();
    expect(await secret.count()).toBe(0);
    await signOut();

    await signInAs('nadia.analyst', analystPassword);
    await page.getByLabel('Current password').fill(analystPassword);
    await page.getByLabel('New password').fill('an analyst passphrase');
    await page.getByLabel('Repeat the new password').fill('an analyst passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Help desk statistics' }).waitFor();
    expect(await nav().getByRole('link', { name: 'Statistics' }).count()).toBe(1);
    expect(await nav().getByRole('link', { name: 'Request queue' }).count()).toBe(0);
    const figures = page.locator('dl.figures');
    await figures.waitFor();
    expect(await textOf(figures)).toMatch(/Requests 1\b/);
    await h.screenshot('08-statistics-analyst');
    await signOut();
  });

  it('an administrator adds an integration client and issues an API key, shown once', async () => {
    await signInAs('admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Request queue' }).waitFor();
    await nav().getByRole('link', { name: 'Clients and API keys' }).click();
    await main().getByText('No integration client yet.').waitFor();
    const form = page.getByRole('form', { name: 'Add an integration client' });
    await form.getByLabel('System name').fill('finance-dept-erp');
    await form.getByLabel('Department').fill('FINANCE');
    await form.getByRole('button', { name: 'Add the client' }).click();
    await page.getByRole('heading', { name: 'API keys of finance-dept-erp' }).waitFor();
    expect(page.url()).toContain('client=client-');

    const issue = page.getByRole('form', { name: 'Issue an API key' });
    await issue.getByLabel('Label').fill('production ERP');
    await issue.getByLabel('Expires in (days)').fill('30');
    await issue.getByRole('button', { name: 'Issue the key' }).click();
    const secret = page.getByTestId('one-time-secret');
    await secret.waitFor();
    const apiKey = (await secret.textContent()) ?? '';
    expect(apiKey).toMatch(/^sfpk_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
    const keyRow = page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: 'production ERP' });
    await keyRow.waitFor();
    expect(await textOf(keyRow)).toContain('active');
    // The key works: the integration client can call the API with it.
    const probe = await fetch(`${h.platform.url}/api/help-desk/service-requests`, { headers: { 'x-api-key': apiKey } });
    expect(probe.status).toBe(200);
    await h.screenshot('09-clients-and-keys');
    await page.getByRole('button', { name: /I have kept it/ }).click();
    expect(await secret.count()).toBe(0);

    await keyRow.getByRole('button', { name: 'Revoke' }).click();
    await keyRow.getByRole('button', { name: 'Yes, revoke' }).click();
    await keyRow.filter({ hasText: 'revoked' }).waitFor();
    const refused = await fetch(`${h.platform.url}/api/help-desk/service-requests`, { headers: { 'x-api-key': apiKey } });
    expect(refused.status).toBe(401);
  });

  it("an administrator erases a person's personal data after confirming it", async () => {
    await page.goto('/operations/erasure');
    await page.getByLabel("The person's e-mail address").fill('amina.diallo@example.org');
    await page.getByRole('button', { name: 'Erase…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Confirm the erasure' });
    await confirm.waitFor();
    const erase = confirm.getByRole('button', { name: 'Erase for good' });
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByLabel('Type the e-mail address to confirm').fill('amina.diallo@example.org');
    await h.screenshot('10-erasure-confirm');
    await erase.click();
    await page.getByRole('status').filter({ hasText: 'Erased: the personal data of amina.diallo@example.org' }).waitFor();

    // The request stays, its requester now reads [erased]; the timeline names the operator.
    await page.goto(requestUrl);
    await page.getByRole('heading', { name: title }).waitFor();
    expect(await textOf(main())).toContain('[erased] <[erased]>');
    expect(await textOf(page.getByRole('list', { name: 'Timeline' }))).toContain('Closed by Jane Kamau (jkamau)');
  });
});
