import { readFileSync } from 'node:fs';
import { httpClient, signIn } from '@sfp/testing';
import type { Locator, Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { submitSignIn, textOf } from './console-steps';

/**
 * The admin console in a real browser (Debian's Chromium, headless) against
 * the embedded platform: what an operator and an administrator do, through
 * the pages only. Screenshots of the main pages go to test-artifacts/console/.
 */
describe('admin console in a browser (e2e)', () => {
  const ADMIN_PASSWORD = 'console e2e secret phrase';
  const OPERATOR_PASSWORD = 'operator chooses this passphrase';
  let h: ConsoleHarness;
  let page: Page;
  let operatorOneTimePassword: string;
  let requestUrl: string;
  let institutionPath: string;
  const title = 'Guidelines for a youth guarantee fund';

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    // The administrator creates an operator account without a password: the platform generates a one-time one.
    const admin = httpClient(
      `${h.platform.url}/api/auth`,
      await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
    );
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

  const signInAs = (username: string, password: string) => submitSignIn(page, username, password);

  /** Signs the administrator in (on the home dashboard) and opens a page of the main menu. */
  async function adminOpens(link: string) {
    await signInAs('admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await nav().getByRole('link', { name: link }).click();
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the SFP Platform' }).waitFor();
  }

  /** The error messages shown beside one field (in the same .field block). */
  const fieldErrors = (name: string) => page.locator(`.field:has([name="${name}"]) .field-error`);

  /** Waits for the notice (role=status) that says `text`. */
  const notice = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  /** A form by its name: its fields by their exact label, and a click on one of its buttons. */
  function formNamed(name: string) {
    const form = page.getByRole('form', { name });
    return {
      form,
      field: (label: string) => form.getByLabel(label, { exact: true }),
      submit: (button: string) => form.getByRole('button', { name: button }).click(),
    };
  }

  /** Gives a form's fields (by label) their values, in order: a choice is selected, a text typed. */
  async function fillIn(form: Locator, values: Record<string, string>, exact = false) {
    for (const [label, value] of Object.entries(values)) {
      const field = form.getByLabel(label, { exact });
      if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
  }

  /**
   * Submits a form the API refuses, waits for the message beside the refused
   * field, corrects that field, submits again and waits for the notice.
   */
  async function refusedThenCorrected(
    form: ReturnType<typeof formNamed>,
    button: string,
    refused: Locator,
    [label, value]: [string, string],
    done: string,
  ) {
    await form.submit(button);
    await refused.waitFor();
    await form.field(label).fill(value);
    await form.submit(button);
    await notice(done);
  }

  /** The library's search result with this title. */
  const libraryHit = (title: string) =>
    page.getByRole('list', { name: 'Results' }).getByRole('listitem').filter({ hasText: title });

  it('an operator signs in with a one-time password, must choose their own, and sees the help desk but not operations', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to the SFP Platform' }).waitFor();
    await h.screenshot('01-sign-in');

    // With the keyboard only; a wrong password is said plainly.
    await page.getByLabel('User name').focus();
    await page.keyboard.type('jkamau');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password at all');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Wrong user name or password' }).waitFor();

    await signInAs('jkamau', operatorOneTimePassword);
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    // The API's rule on a too-short password shows beside the field.
    await page.getByLabel('Current password').fill(operatorOneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the new password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await fieldErrors('newPassword').waitFor();
    expect(await textOf(fieldErrors('newPassword'))).toMatch(/12 characters/);
    await h.screenshot('02-change-one-time-password');

    await page.getByLabel('New password', { exact: true }).fill(OPERATOR_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(OPERATOR_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    // Signed in, on the home dashboard; then the queue.
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await nav().getByRole('link', { name: 'Request queue' }).click();
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
    const button = page
      .getByRole('group', { name: 'Actions this status allows' })
      .getByRole('button', { name: action, exact: true });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    const form = page.getByRole('form', { name: action });
    await form.waitFor();
    if (fill) await fill(form);
    await form.getByRole('button', { name: /^Confirm/ }).click();
    await notice(`${action}: done.`);
    await page
      .getByTestId('request-status')
      .filter({ hasText: new RegExp(`^${status}$`) })
      .waitFor();
  }

  async function allowedActions(): Promise<string[]> {
    const buttons = page
      .getByRole('group', { name: 'Actions this status allows' })
      .getByRole('button');
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
    await page
      .getByRole('group', { name: 'Actions this status allows' })
      .getByRole('button', { name: 'Assign', exact: true })
      .click();
    await page
      .getByRole('form', { name: 'Assign' })
      .getByRole('button', { name: /^Confirm/ })
      .click();
    await fieldErrors('assignee').waitFor();
    expect(await textOf(page.getByTestId('request-status'))).toBe('Triaged');

    // The assignee is picked from the platform's users who may handle it (here the administrator).
    await act('Assign', 'Assigned', async (form) => {
      await form.getByLabel('Assignee').selectOption('admin');
    });
    expect(await allowedActions()).toEqual(['Start work', 'Assign', 'Cancel request', 'Comment']);
    await act('Start work', 'In progress');
    await act('Refer', 'Referred', async (form) => {
      await form.getByLabel('Refer to').selectOption('external-body');
      await form.getByLabel('Unit or body').fill('CGAP');
      await form.getByLabel('Reason').fill('They hold the guarantee-fund toolkit');
    });
    expect(await allowedActions()).toEqual(['Resolve', 'Cancel request', 'Comment']);
    await act('Resolve', 'Resolved', async (form) => {
      await form
        .getByLabel('Answer')
        .fill('Sent the 2026 guarantee-fund guidelines with a note on youth targeting');
      await form
        .getByLabel('Outputs (one a line)')
        .fill('Guarantee fund guidelines (PDF)\nYouth targeting note');
    });
    await act('Comment', 'Resolved', (form) =>
      form.getByLabel('Comment').fill('The requester confirmed receipt'),
    );
    await act('Close', 'Closed');
    expect(await allowedActions()).toEqual(['Reopen']);

    const entries = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
    // Newest first; each names what happened, who did it and when.
    expect((await entries.locator('strong').allTextContents()).map((t) => t.trim())).toEqual([
      'Closed',
      'Internal note (staff only)',
      'Resolved',
      'Referred',
      'Work started',
      'Assigned',
      'Triaged',
      'Submitted',
    ]);
    expect(new Set(await entries.locator('.actor').allTextContents())).toEqual(
      new Set(['Jane Kamau (you)']),
    );
    expect(await entries.locator('time').count()).toBe(8);
    const timeline = (await entries.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(timeline[5]).toContain('To admin');
    expect(timeline[3]).toContain('To CGAP (External body): They hold the guarantee-fund toolkit');
    expect(timeline[2]).toContain('Outputs: Guarantee fund guidelines (PDF), Youth targeting note');
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
    const row = page
      .getByRole('table', { name: 'Requests' })
      .getByRole('row')
      .filter({ hasText: title });
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
    await adminOpens('Projections');
    const row = page.locator('tr[data-projection="help-desk-requests"]');
    await row.waitFor();
    expect(await textOf(row)).toContain('running');
    expect(await textOf(row)).toContain('generation 1');

    await row.getByRole('button', { name: 'Rebuild help-desk-requests' }).click();
    await row.getByRole('button', { name: 'Yes, rebuild' }).click();
    await row.getByText('Rebuild finished: generation 2 serves.').waitFor();
    expect(await textOf(row)).toContain('generation 2');
    // Caught up: position = head.
    const [position, head] = (await textOf(row.locator('td').nth(1))).split(' / ');
    expect(Number(position)).toBeGreaterThan(0);
    expect(position).toBe(head);
    await h.screenshot('06-projections-rebuilt');

    // Dead letters, per topic (none here: every message was processed).
    await nav().getByRole('link', { name: 'Dead letters' }).click();
    await page
      .getByRole('table', { name: 'Dead-letter topics' })
      .getByRole('row')
      .filter({ hasText: 'sfp.help-desk.dlq' })
      .waitFor();
    await main().getByText('No dead letter waiting.').waitFor();

    // The rebuilt read model still serves the request.
    await page.goto('/help-desk/queue?scope=all');
    await page
      .getByRole('table', { name: 'Requests' })
      .getByRole('row')
      .filter({ hasText: title })
      .waitFor();
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
    await page.getByLabel('New password', { exact: true }).fill('an analyst passphrase');
    await page.getByLabel('Repeat the new password').fill('an analyst passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await nav().getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { name: 'Help desk statistics' }).waitFor();
    expect(await nav().getByRole('link', { name: 'Statistics' }).count()).toBe(1);
    expect(await nav().getByRole('link', { name: 'Request queue' }).count()).toBe(0);
    const requests = page.locator('dl.figures > div').filter({ hasText: 'Requests' }).locator('dd');
    await requests.waitFor();
    expect(await textOf(requests)).toBe('1');
    await h.screenshot('08-statistics-analyst');
    await signOut();
  });

  it('an administrator adds an integration client and issues an API key, shown once', async () => {
    await adminOpens('Clients and API keys');
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
    const keyRow = page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: 'production ERP' });
    await keyRow.waitFor();
    expect(await textOf(keyRow)).toContain('active');
    // The key works: the integration client can call the API with it.
    const probe = await fetch(`${h.platform.url}/api/help-desk/service-requests`, {
      headers: { 'x-api-key': apiKey },
    });
    expect(probe.status).toBe(200);
    await h.screenshot('09-clients-and-keys');
    await page.getByRole('button', { name: /I have kept it/ }).click();
    expect(await secret.count()).toBe(0);

    await keyRow.getByRole('button', { name: 'Revoke' }).click();
    await keyRow.getByRole('button', { name: 'Yes, revoke' }).click();
    await keyRow.filter({ hasText: 'revoked' }).waitFor();
    const refused = await fetch(`${h.platform.url}/api/help-desk/service-requests`, {
      headers: { 'x-api-key': apiKey },
    });
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
    await notice('Erased: the personal data of amina.diallo@example.org');

    // The request stays, its requester now reads [erased]; the timeline names the operator.
    await page.goto(requestUrl);
    await page.getByRole('heading', { name: title }).waitFor();
    expect(await textOf(main())).toContain('[erased] <[erased]>');
    // An administrator sees every actor by name (the users list is theirs to read).
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText('Jane Kamau (jkamau)')
      .first()
      .waitFor();
  });
  it('files a performance report with an identity error shown by the field, corrects and restates it, and sees the ratio chart against its target', async () => {
    await nav().getByRole('link', { name: 'Institutions' }).click();
    const register = page.getByRole('form', { name: 'Register an institution' });
    await fillIn(register, {
      Name: 'Sahel Youth Finance',
      'Legal type': 'nbfi',
      Country: 'SN',
      Region: 'africa',
      Programmes: 'sfp-youth-employment',
    });
    await register.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { name: 'Sahel Youth Finance' }).waitFor();
    institutionPath = new URL(page.url()).pathname;
    await main().getByText('No performance report yet.').waitFor();

    // A target on OSS for this institution.
    await main().getByRole('link', { name: 'Set a target for Sahel Youth Finance' }).click();
    const target = page.getByRole('form', { name: 'Set a target' });
    await fillIn(target, {
      Indicator: 'oss',
      Comparator: 'at-least',
      Threshold: '1.1',
      Tolerance: '0.1',
      'Due date': '2026-12-31',
    });
    await target.getByRole('button', { name: 'Set the target' }).click();
    await notice('Target set');

    await page.goto(institutionPath);
    await main().getByRole('link', { name: 'File a performance report' }).click();
    const form = page.getByRole('form', { name: 'Performance report' });
    const fill = (fieldLabel: string, value: number | string) =>
      form.getByLabel(fieldLabel, { exact: true }).fill(String(value));
    await fill('Start', '2025-01-01');
    await fill('End', '2025-12-31');
    const figures: Record<string, number> = {
      'Total assets, opening': 900_000,
      'Total assets, closing': 1_100_000,
      'Equity (may be negative), opening': 180_000,
      'Equity (may be negative), closing': 220_000,
      'Gross loan portfolio, opening': 700_000,
      'Gross loan portfolio, closing': 900_000,
      'Active borrowers, opening': 3_000,
      'Active borrowers, closing': 5_000,
      'Impairment loss allowance (period end)': 36_000,
      'Voluntary savings (period end)': 250_000,
      // More in arrears than the whole portfolio: breaks an identity.
      'PAR30 balance (loans > 30 days overdue)': 3_000_000,
      'Renegotiated loans not in PAR30': 6_000,
      'Write-offs in the period': 8_000,
      'Financial revenue': 260_000,
      'Portfolio revenue': 240_000,
      'Financial expense': 40_000,
      'Impairment expense (may be negative)': 12_000,
      'Operating expense': 160_000,
      'Net operating income after taxes': 30_000,
      'Active women borrowers': 3_250,
      'Rural clients': 2_500,
      'Voluntary savers': 2_000,
      'Loan officers': 25,
      Personnel: 80,
    };
    for (const [fieldLabel, value] of Object.entries(figures)) await fill(fieldLabel, value);
    await form.getByRole('button', { name: 'File the report' }).click();

    await fieldErrors('inputs.par30Balance').waitFor();
    expect(await textOf(fieldErrors('inputs.par30Balance'))).toContain('par30-within-glp');
    expect(
      await form.getByLabel('PAR30 balance (loans > 30 days overdue)').getAttribute('aria-invalid'),
    ).toBe('true');
    expect(await page.locator('.field-error').count()).toBe(1);
    await h.screenshot('11-performance-report-identity-error');

    await fill('PAR30 balance (loans > 30 days overdue)', 30_000);
    await form.getByRole('button', { name: 'File the report' }).click();
    await notice('Filed: version 1.');
    const ossRow = page
      .getByRole('table', { name: 'Ratios' })
      .getByRole('row')
      .filter({ hasText: 'Operational self-sufficiency' });
    expect(await textOf(ossRow)).toContain('122.6 %'); // 260 000 / (40 000 + 12 000 + 160 000)

    // Audited figures: a restatement makes version 2, the first stays in the history.
    await page.getByRole('button', { name: 'Restate this report' }).click();
    const restate = page.getByRole('form', { name: 'Restatement' });
    expect(await restate.getByLabel('Operating expense', { exact: true }).inputValue()).toBe(
      '160000',
    );
    await restate.getByLabel('Operating expense', { exact: true }).fill('248000');
    // The income statement must still add up: 260 000 − 40 000 − 12 000 − 248 000.
    await restate.getByLabel('Net operating income after taxes', { exact: true }).fill('-40000');
    await restate.getByLabel('Why restate it').fill('Audited statements: operating expense higher');
    await restate.getByRole('button', { name: 'Restate' }).click();
    await notice('Restated: version 2');
    await ossRow.filter({ hasText: '86.7 %' }).waitFor(); // 260 000 / 300 000
    expect(await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').count()).toBe(
      2,
    );

    // Back to the institution by its link (the report page names it).
    await main().getByRole('link', { name: '← Sahel Youth Finance' }).click();
    expect(new URL(page.url()).pathname).toBe(institutionPath);
    const chart = page.getByRole('img', {
      name: /^Operational self-sufficiency \(OSS\): Sahel Youth Finance against targets and peers/,
    });
    await chart.waitFor();
    // The peer medians arrive in their own request: wait until the chart has drawn them.
    await page.getByRole('img', { name: /Peer median \(Africa, NBFI\): 2025/ }).waitFor();
    const described = (await chart.getAttribute('aria-label')) ?? '';
    // Figures read as the ratio's unit (a per cent), as on the page, never as raw fractions.
    expect(described).toContain('Sahel Youth Finance: 2025 86.7 %');
    expect(described).toContain('Target: at least 110 % by 2026-12-31: 110 %');
    expect(described).toContain('Peer median (Africa, NBFI): 2025 86.7 %');
    // Below the threshold by more than the tolerance: off track.
    const targetRow = page
      .getByRole('table', { name: 'Targets' })
      .getByRole('row')
      .filter({ hasText: 'Operational self-sufficiency' });
    await targetRow.filter({ hasText: 'Off track' }).waitFor();
    await h.screenshot('12-institution-ratio-chart');
  });
  it('suspends an institution (the reason the API asks for shown by its field), which stops filing, then reinstates it', async () => {
    await page.goto(institutionPath);
    await page.getByRole('heading', { name: 'Sahel Youth Finance' }).waitFor();
    const status = page.getByTestId('institution-status');
    expect(await textOf(status)).toBe('active');
    const changes = page.getByRole('group', { name: 'Status changes this status allows' });
    expect(await changes.getByRole('button').allTextContents()).toEqual(['Suspend', 'Close']);

    await changes.getByRole('button', { name: 'Suspend' }).click();
    const suspend = page.getByRole('form', { name: 'Suspend Sahel Youth Finance' });
    await suspend.getByRole('button', { name: 'Suspend' }).click();
    await fieldErrors('reason').first().waitFor();
    await suspend.getByLabel('Reason').fill('Licence under review by the central bank');
    await suspend.getByRole('button', { name: 'Suspend' }).click();
    await notice('Institution suspended');
    await status.filter({ hasText: 'suspended' }).waitFor();
    expect(await changes.getByRole('button').allTextContents()).toEqual(['Reinstate', 'Close']);
    expect(await main().getByRole('link', { name: 'File a performance report' }).count()).toBe(0);
    await h.screenshot('12b-institution-suspended');

    await changes.getByRole('button', { name: 'Reinstate' }).click();
    await page
      .getByRole('form', { name: 'Reinstate Sahel Youth Finance' })
      .getByRole('button', { name: 'Reinstate' })
      .click();
    await status.filter({ hasText: 'active' }).waitFor();
    await main().getByRole('link', { name: 'File a performance report' }).waitFor();
  });

  it('writes a practice note: a too-short title is shown by its field, then the note is published and found in the library', async () => {
    await nav().getByRole('link', { name: 'Library', exact: true }).click();
    await main().getByRole('link', { name: 'Write a practice note' }).click();
    const note = formNamed('Practice note');
    const values = {
      Title: 'Go',
      Summary: 'Members saved together for a year before any group loan.',
      Kind: 'lesson',
      Tags: 'savings groups, rural',
    };
    await fillIn(note.form, values, true);
    await note.field('Youth').check();
    await refusedThenCorrected(
      note,
      'Publish the note',
      fieldErrors('title').first(),
      ['Title', 'Rotating savings groups before credit'],
      'Practice note published.',
    );
    const hit = libraryHit('Rotating savings groups before credit');
    await hit.waitFor();
    expect(await textOf(hit)).toContain('Youth · savings groups · rural');
    await h.screenshot('12c-practice-note-published');
  });

  it('records an impact assessment: the rule that an RCT names its unit of randomisation is shown by that field, then the assessment is found in the library', async () => {
    await nav().getByRole('link', { name: 'Library', exact: true }).click();
    await main().getByRole('link', { name: 'Record an impact assessment' }).click();
    const assessment = formNamed('Impact assessment');
    const { form, field } = assessment;
    const values = {
      Title: 'Group loans and child labour in rural Ghana',
      Summary: 'A cluster RCT of group loans found no effect on child labour after two years.',
      Tags: 'group lending, ghana',
      Investigators: 'A. Mensah, J. Osei',
      Country: 'gh',
      Method: 'rct',
      Planned: '2400',
      Achieved: '2180',
    };
    await fillIn(form, values, true);
    await field('Child labour').check();
    const finding = form.getByRole('group', { name: 'Finding 1' });
    await finding.getByLabel('Outcome', { exact: true }).selectOption('child-labour');
    await finding.getByLabel('Estimator', { exact: true }).fill('ITT');
    await finding.getByLabel('Effect size', { exact: true }).fill('0.01');
    await finding.getByLabel('Finding', { exact: true }).selectOption('null');
    await refusedThenCorrected(
      assessment,
      'Record the assessment',
      fieldErrors('design.unitOfRandomisation').filter({ hasText: 'unit of randomisation' }),
      ['Unit of randomisation', 'village'],
      'Impact assessment recorded.',
    );
    const hit = libraryHit('Group loans and child labour in rural Ghana');
    await hit.waitFor();
    expect(await textOf(hit)).toContain('Impact assessment');
    expect(await textOf(hit)).toContain('Child labour · group lending · ghana');
    await h.screenshot('12e-impact-assessment-recorded');
  });

  it('records a GNI per capita value with its source: a bad country code is shown by its field, then the table shows the value', async () => {
    await nav().getByRole('link', { name: 'GNI per capita' }).click();
    const gni = formNamed('Record a value');
    const source = 'World Bank WDI, July 2026 release';
    await fillIn(
      gni.form,
      { Country: 'Kenya', Year: '2026', 'GNI per capita (USD)': '2310', Source: source },
      true,
    );
    await refusedThenCorrected(
      gni,
      'Record',
      fieldErrors('entries.0.country').first(),
      ['Country', 'ke'],
      'Recorded: KE 2026.',
    );
    const row = page
      .getByRole('table', { name: 'GNI per capita' })
      .getByRole('row')
      .filter({ hasText: source });
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).slice(0, 4)).toEqual([
      'Kenya (KE)',
      '2026',
      'US$2,310.00',
      source,
    ]);
    expect(new URL(page.url()).searchParams.get('country')).toBe('KE');
    await h.screenshot('12d-gni-per-capita');
  });

  it('answers a grouped query on a reporting view with a chart, and downloads the Governing Body progress report as CSV', async () => {
    await page.goto('/reporting/views?view=service-requests&group=region');
    await page.getByRole('heading', { name: 'Reporting views' }).waitFor();
    const result = page.getByRole('table', { name: /result$/ });
    const africa = result.getByRole('row').filter({ hasText: 'africa' });
    // Reporting reads the help desk's events as they are published: refresh until it has counted the request.
    for (let attempt = 0; attempt < 20 && (await africa.count()) === 0; attempt++) {
      await Promise.all([
        page.waitForResponse((r) =>
          r.url().includes('/api/reporting/views/service-requests/query'),
        ),
        page.getByRole('button', { name: 'Refresh' }).click(),
      ]);
    }
    expect(await textOf(africa)).toBe('africa1');
    const chart = page.getByRole('img', { name: /^count by region/ });
    expect(await chart.getAttribute('aria-label')).toContain('africa 1');
    await h.screenshot('13-reporting-view');

    // An invalid filter is refused, and said so.
    await page.getByLabel('Filter (JSON)').fill('{"region": {"$regex": "af"}}');
    await page.getByRole('button', { name: 'Run the query' }).click();
    await page.getByRole('alert').filter({ hasText: 'The query is not valid.' }).waitFor();
    expect(
      await textOf(page.getByRole('alert').filter({ hasText: 'The query is not valid.' })),
    ).toContain('$regex');

    const year = new Date().getUTCFullYear();
    await page.goto(`/reporting/progress?period=${year}`);
    await page
      .getByRole('heading', {
        name: `Social Finance Programme: progress report to the Governing Body, ${year}`,
      })
      .waitFor();
    // Research and quality monitoring report their sections (even with nothing recorded yet).
    const innovation = page.getByRole('region', { name: 'Innovation (action research)' });
    expect(await textOf(innovation)).not.toContain('Not reported yet');
    const quality = page.getByRole('region', { name: 'Quality monitoring' });
    expect(await textOf(quality)).not.toContain('Not reported yet');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`progress-report-${year}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe(
      `period,function,section,status,metric,key,label,value,unit,previous (${year - 1}),change,note`,
    );
    expect(csv).toContain(
      `${year},help-desk-and-service,Help desk and service,reported,requestsReceived,,Requests received,1,count,0,1,`,
    );
    await h.screenshot('14-progress-report');
    // The print view: the platform's own printable HTML report, in a new window.
    const [printView] = await Promise.all([
      h.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Print view' }).click(),
    ]);
    await printView.waitForLoadState();
    expect(await printView.title()).toBe(
      `Social Finance Programme: progress report to the Governing Body, ${year}`,
    );
    await printView.close();
  });

  it('refuses a stale edit: someone else changed the request since the page was opened', async () => {
    const admin = httpClient(
      `${h.platform.url}/api/help-desk`,
      await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
    );
    const filed = await admin.post<{ requestId: string }>('/service-requests', {
      requester: {
        name: 'Omar Haddad',
        email: 'omar.haddad@example.org',
        origin: 'department',
        organisation: 'FINANCE',
      },
      title: 'Remittance cost survey',
      description: 'Which corridors are the most expensive?',
      kind: 'programme-guidance',
      themes: ['migration-and-remittances'],
      region: 'arab-states',
      country: 'JO',
      priority: 'normal',
    });
    expect(filed.status).toBe(201);
    await page.goto(`/help-desk/requests/${filed.body.requestId}`);
    await page.getByRole('heading', { name: 'Remittance cost survey' }).waitFor();

    // Meanwhile, someone comments through the API: the request moves to version 2.
    expect(
      (
        await admin.post(`/service-requests/${filed.body.requestId}/comments`, {
          text: 'Called the department',
        })
      ).status,
    ).toBe(201);

    await page
      .getByRole('group', { name: 'Actions this status allows' })
      .getByRole('button', { name: 'Triage', exact: true })
      .click();
    const triage = page.getByRole('form', { name: 'Triage' });
    await triage.getByRole('button', { name: /^Confirm/ }).click();
    await triage
      .getByRole('alert')
      .filter({ hasText: 'Someone changed this request since you opened it.' })
      .waitFor();
    expect(await textOf(page.getByTestId('request-status'))).toBe('Submitted');

    await triage.getByRole('button', { name: 'Reload the request' }).click();
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText('“Called the department”')
      .waitFor();
    await act('Triage', 'Triaged');
  });

  it('serves the console at / with a fallback to index.html for its pages, long-lived assets, and leaves /api alone', async () => {
    const page404 = await fetch(`${h.consoleUrl}/help-desk/requests/some-id`, {
      headers: { accept: 'text/html' },
    });
    expect(page404.status).toBe(200);
    expect(page404.headers.get('cache-control')).toBe('no-cache');
    expect(page404.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page404.text();
    expect(html).toContain('<div id="root">');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${h.consoleUrl}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(
      (
        await fetch(`${h.consoleUrl}${asset}`, {
          headers: { 'if-none-match': script.headers.get('etag')! },
        })
      ).status,
    ).toBe(304);
    expect((await fetch(`${h.consoleUrl}/assets/no-such-file.js`)).status).toBe(404);
    const api = await fetch(`${h.consoleUrl}/api/no-such-route`, {
      headers: { accept: 'text/html' },
    });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${h.consoleUrl}/api/health/live`)).status).toBe(200);
  });
});
