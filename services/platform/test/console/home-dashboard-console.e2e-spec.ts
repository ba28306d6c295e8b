import { join } from 'node:path';
import { httpClient, signIn } from '@sfp/testing';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, startConsoleHarness, type ConsoleHarness } from './console-harness';
import { submitSignIn, textOf } from './console-steps';

/**
 * The console's home dashboard per role, the navigation folded on a phone,
 * and a refused field's message in words under its field.
 */
describe('home dashboard console (e2e, browser)', () => {
  const ADMIN_PASSWORD = 'home dashboard e2e secret phrase';
  const ANALYST_PASSWORD = 'an analyst chooses this phrase';
  const year = new Date().getUTCFullYear();
  let h: ConsoleHarness;
  let page: Page;
  let analystOneTimePassword: string;

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    const token = await signIn(h.platform.url, 'admin', ADMIN_PASSWORD);
    const auth = httpClient(`${h.platform.url}/api/auth`, token);
    const analyst = await auth.post<{ oneTimePassword: string }>('/users', {
      username: 'nadia.analyst',
      displayName: 'Nadia Analyst',
      roles: ['analyst'],
      department: 'SFP',
    });
    expect(analyst.status).toBe(201);
    analystOneTimePassword = analyst.body.oneTimePassword;
    // Two open requests, neither assigned yet.
    const helpDesk = httpClient(`${h.platform.url}/api/help-desk`, token);
    for (const title of ['Guarantee fund design', 'Savings group registers']) {
      const filed = await helpDesk.post('/service-requests', {
        requester: {
          name: 'Omar Haddad',
          email: 'omar.haddad@example.org',
          origin: 'department',
          organisation: 'FINANCE',
        },
        title,
        description: 'Advice wanted.',
        kind: 'programme-guidance',
        themes: ['migration-and-remittances'],
        region: 'arab-states',
        country: 'JO',
        priority: 'normal',
      });
      expect(filed.status).toBe(201);
    }
  });

  afterAll(async () => {
    await h?.close();
  });

  const panel = (title: string) => page.getByRole('region', { name: title, exact: true });
  const figure = (region: Locator, label: string) =>
    region.locator('dl.figures > div').filter({ hasText: label }).locator('dd');

  it("an administrator's home: the open requests and SLA by assignee, the knowledge base's targets, the next report", async () => {
    await submitSignIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    const helpDesk = panel('Help desk');
    // The help desk's list follows its events: the two requests arrive.
    await figure(helpDesk, 'Open requests').filter({ hasText: '2' }).waitFor();
    expect(await textOf(figure(helpDesk, 'SLA breached'))).toBe('0');
    const byAssignee = helpDesk.getByRole('table', { name: 'Open requests by assignee' });
    expect(await textOf(byAssignee.getByRole('row').filter({ hasText: 'Unassigned' }))).toMatch(
      /^Unassigned\s*2/,
    );
    await panel('Knowledge base').waitFor();
    expect(await textOf(figure(panel('Knowledge base'), 'Targets at risk'))).toBe('0');
    const next = panel('Next report');
    await figure(next, 'Submitted').filter({ hasText: 'Not yet' }).waitFor();
    await h.screenshot('home-01-administrator');

    // The next report's link opens it.
    await next
      .getByRole('link', { name: `Progress report to the Governing Body, ${year}` })
      .click();
    await page
      .getByRole('heading', {
        name: `Social Finance Programme: progress report to the Governing Body, ${year}`,
      })
      .waitFor();
    // And the open requests' figure opens the queue.
    await page.goto('/');
    await figure(panel('Help desk'), 'Open requests').getByRole('link').click();
    await page.getByRole('heading', { name: 'Request queue' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the SFP Platform' }).waitFor();
  });

  it("an analyst's home has the knowledge base and the next report, not the help desk's queue", async () => {
    await submitSignIn(page, 'nadia.analyst', analystOneTimePassword);
    await page.getByLabel('Current password').fill(analystOneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill(ANALYST_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(ANALYST_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await panel('Next report').waitFor();
    await panel('Knowledge base').waitFor();
    expect(await panel('Help desk').count()).toBe(0);
    await h.screenshot('home-02-analyst');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the SFP Platform' }).waitFor();
  });

  it('on a phone, the navigation is folded behind a menu button, and folds again once a page is chosen', async () => {
    const phone = await h.browser.newContext({
      viewport: { width: 390, height: 844 },
      baseURL: h.consoleUrl,
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    const p = await phone.newPage();
    try {
      await submitSignIn(p, 'admin', ADMIN_PASSWORD);
      await p.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
      const nav = p.getByRole('navigation', { name: 'Main' });
      const menu = p.getByRole('button', { name: 'Menu' });
      expect(await menu.isVisible()).toBe(true);
      expect(await nav.isVisible()).toBe(false);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      // The header stays short: the page starts within the first screen.
      const header = await p.locator('header.top').boundingBox();
      expect(header?.height ?? 1000).toBeLessThan(120);
      await p.screenshot({ path: join(ARTIFACTS, 'home-03-phone.png'), fullPage: true });

      await menu.click();
      expect(await nav.isVisible()).toBe(true);
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await nav.getByRole('link', { name: 'Request queue' }).click();
      await p.getByRole('heading', { name: 'Request queue' }).waitFor();
      expect(await nav.isVisible()).toBe(false);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await phone.close();
    }
  });

  it("the API's refusals show in words under their fields", async () => {
    await submitSignIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await page.goto('/help-desk/requests/new');
    await page.getByRole('heading', { name: 'File a request' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Amina Diallo');
    await page.getByLabel('E-mail').fill('amina.diallo-at-example.org');
    await page.getByRole('button', { name: 'File the request' }).click();
    const errorOf = (name: string) => page.locator(`.field:has([name="${name}"]) .field-error`);
    await errorOf('requester.email').waitFor();
    expect(await textOf(errorOf('requester.email'))).toBe(
      'Not an email address: write it as name@example.org',
    );
    expect(await textOf(errorOf('title'))).toBe('At least 3 characters');
    // The input says it is invalid, and its message is what describes it.
    const email = page.getByLabel('E-mail');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain((await errorOf('requester.email').getAttribute('id')) ?? '?');
    await h.screenshot('home-04-field-errors');
  });
});
