import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { signInOnForm, textOf } from './console-steps';

const WORKSPACE = resolve(__dirname, '..', '..', '..', '..');

/**
 * The Governing Body progress report in a browser, on the seeded platform
 * (`npm run seed`: two years of history): every section filled, beside the
 * previous period with the change; a narrative written; the report frozen
 * (submitted) and its version served as it was while the live one moves on;
 * a refused period shown under its field.
 */
describe('progress report console (e2e, browser)', () => {
  const ADMIN_PASSWORD = 'progress report e2e secret phrase';
  // The seeded history runs to the month before now: this year's report beside last year's.
  const year = new Date().getUTCFullYear();
  const previous = year - 1;
  let h: ConsoleHarness;
  let page: Page;

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD, { SFP_SIGN_INS_PER_MINUTE: 60 });
    page = h.page;
    // The seed as a newcomer runs it, against this platform.
    await promisify(execFile)(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'services/platform/src/seed/seed.cli.ts',
      ],
      {
        cwd: WORKSPACE,
        env: {
          ...process.env,
          TS_NODE_PROJECT: 'tsconfig.base.json',
          SFP_URL: h.platform.url,
          SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
        },
        timeout: 600_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(
        `${error.message}\n${error.stderr ?? ''}\n${(error.stdout ?? '').slice(-3000)}`,
      );
    });
  }, 660_000);

  afterAll(async () => {
    await h?.close();
  });

  const section = (title: string) => page.getByRole('region', { name: title, exact: true });
  const SECTIONS = [
    'Help desk and service',
    'Innovation (action research)',
    'Knowledge management',
    'Staff training',
    'Quality monitoring',
    'Capacity building of constituents',
  ];

  const signIn = () => signInOnForm(page, 'admin', ADMIN_PASSWORD);

  /** The current period's value of a headline figure of a section, by its label. */
  const figure = (title: string, label: string) =>
    section(title)
      .getByRole('table', { name: 'Figures' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: label, exact: true }) })
      .locator('td:nth-child(2)');

  it('shows every section filled from the seeded history, beside the previous period, with charts in the units of their tables', async () => {
    await signIn();
    await page.goto(`/reporting/progress?period=${year}`);
    await page
      .getByRole('heading', {
        name: `Social Finance Programme: progress report to the Governing Body, ${year}`,
      })
      .waitFor({ timeout: 60_000 });
    // Reporting follows the contexts' events: refresh until the seeded requests are counted.
    const received = figure('Help desk and service', 'Requests received');
    for (let attempt = 0; attempt < 30; attempt++) {
      const text = (await received.count()) ? await textOf(received) : '';
      if (/^[1-9]/.test(text)) break;
      await page.waitForTimeout(1_000);
      await page.getByRole('button', { name: 'Refresh' }).click();
    }
    expect(await textOf(received)).toMatch(/^[1-9][\d,]*$/);

    for (const title of SECTIONS) {
      const region = section(title);
      expect(await textOf(region)).not.toContain('Not reported yet');
      const table = region.getByRole('table', { name: 'Figures' });
      // The columns: this period, the previous one, the change; labels, not codes.
      const headers = await table.getByRole('columnheader').allTextContents();
      expect(headers).toEqual(
        expect.arrayContaining([String(year), `${previous} (previous period)`, 'Change']),
      );
      const rows = table.getByRole('row');
      expect(await rows.count()).toBeGreaterThan(1);
      // Filled: some figure of the period is neither zero nor unknown.
      const cells = await table.locator('tbody tr td:nth-child(2)').allTextContents();
      expect(cells.some((c) => !/^(0|n\/a|—)$/.test(c.trim()))).toBe(true);
      // No code shown where a label belongs (requestsReceived, in-progress).
      for (const cell of await table.locator('td, th').allTextContents())
        expect(cell.trim()).not.toMatch(/^([a-z]+[A-Z]\w*|[a-z]+(-[a-z]+)+)$/);
    }

    // The previous period has figures too (the seed spans both years).
    const previousCells = await section('Help desk and service')
      .getByRole('table', { name: 'Figures' })
      .locator('tbody tr td:nth-child(3)')
      .allTextContents();
    expect(previousCells.some((c) => /^[1-9]/.test(c.trim()))).toBe(true);

    // The knowledge management section: outreach and sustainability figures in per cent, and the targets.
    const knowledge = await textOf(section('Knowledge management'));
    expect(knowledge).toMatch(/%/);
    // A breakdown's chart: this period beside the previous one, in the unit of its table.
    const chart = section('Help desk and service').getByRole('img').first();
    expect(await chart.getAttribute('aria-label')).toContain(`Previous period (${previous})`);
    await h.screenshot('progress-report-01-sections');
  });

  it('writes a narrative, freezes the report, and serves the submitted version as it was while the live one moves on', async () => {
    const region = section('Help desk and service');
    await region.getByRole('button', { name: 'Write the narrative' }).click();
    await region
      .getByLabel('Narrative', { exact: true })
      .fill('More requests than last year, most of them referrals.');
    await region.getByRole('button', { name: 'Save the narrative' }).click();
    // Saved: the form closes and the section shows the text, with who wrote it.
    await region
      .locator('.narrative-text')
      .filter({ hasText: 'More requests than last year, most of them referrals.' })
      .waitFor();
    expect(await textOf(region.getByRole('group', { name: /^Narrative/ }))).toContain('Written by');

    // Freeze it.
    await page.getByLabel('Note (optional)').fill('Sent to the Governing Body');
    await page.getByRole('button', { name: 'Submit (freeze) this report' }).click();
    await page.getByRole('status').filter({ hasText: 'Submitted as version 1' }).waitFor();
    const versions = page.getByRole('table', { name: 'Submitted versions' });
    await versions.getByRole('row').filter({ hasText: 'Version 1' }).waitFor();
    expect(await textOf(versions)).toContain('Sent to the Governing Body');

    // The live narrative changes; the submitted version keeps the one it was frozen with.
    await region.getByRole('button', { name: 'Edit the narrative' }).click();
    await region.getByLabel('Narrative', { exact: true }).fill('Rewritten after the submission.');
    await region.getByRole('button', { name: 'Save the narrative' }).click();
    await region
      .locator('.narrative-text')
      .filter({ hasText: 'Rewritten after the submission.' })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Version 1 as JSON' }).click(),
    ]);
    const frozen = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      functions: Array<{ function: string; narrative: { text: string } | null }>;
    };
    const helpDesk = frozen.functions.find((f) => f.function === 'help-desk-and-service');
    expect(helpDesk?.narrative?.text).toBe('More requests than last year, most of them referrals.');
    await h.screenshot('progress-report-02-narrative-and-submission');
  });

  it('shows a refused period under its field, in words', async () => {
    const field = page.locator('.field:has([name="period"])');
    await page.getByRole('textbox', { name: 'Period' }).fill(`${year}-Q5`);
    await page.getByRole('button', { name: 'Show the report' }).click();
    await field.locator('.field-error').waitFor();
    expect(await textOf(field.locator('.field-error'))).toContain('a quarter (2026-Q1)');
    expect(await page.getByRole('textbox', { name: 'Period' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });
});
