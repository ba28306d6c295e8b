import {
  exampleAssessment,
  importCsv,
  importRow,
  institutionRegistration,
  institutionTarget,
  workedExampleA,
} from '@sfp/knowledge-base/testing';
import { httpClient, signIn } from '@sfp/testing';
import type { Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { submitSignIn, type Json } from './console-steps';

/**
 * The knowledge base's console gaps, in a real browser: an import of reports
 * with a bad row (nothing filed, the error by row and column, then the valid
 * rows only), the report's figures as filed and who filed it, a figure's
 * link to the institutions behind it, a target withdrawn from the list, a
 * library card opening its entry, and the GNI table grouped by region.
 */
describe('knowledge base in the console (browser e2e)', () => {
  const ADMIN_PASSWORD = 'knowledge console phrase';
  let h: ConsoleHarness;
  let page: Page;
  let umoja: string;
  let faida: string;

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    const api = httpClient(
      `${h.platform.url}/api/knowledge-base`,
      await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
    );
    const register = async (name: string) => {
      const created = await api.post<Json>('/institutions', institutionRegistration({ name }));
      expect(created.status).toBe(201);
      const id = created.body['id'] as string;
      expect((await api.post(`/institutions/${id}/activate`, {})).status).toBe(200);
      return id;
    };
    umoja = await register('Umoja Microfinance');
    faida = await register('Faida Savings');
    expect((await api.post('/targets', institutionTarget(umoja))).status).toBe(201);
    expect((await api.post('/impact-assessments', exampleAssessment())).status).toBe(201);

    await submitSignIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('imports reports: a bad row stops the file, its error by row and column; then the valid rows only', async () => {
    const bad = workedExampleA();
    bad.inputs.par30Balance = 2_000_000; // above the gross loan portfolio
    const csv = importCsv([importRow(umoja, workedExampleA()), importRow(faida, bad)]);
    await page.goto('/knowledge-base/institutions');
    await page.getByRole('link', { name: 'Import performance reports' }).click();
    await page.getByRole('heading', { name: 'Import performance reports' }).waitFor();
    const file = { name: 'reports.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.getByLabel('CSV or XLSX file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Nothing imported: 1 error in 1 row of 2 rows.').waitFor();
    const errors = page.getByRole('table', { name: 'Errors' });
    const error = errors.getByRole('row', { name: /inputs\.par30Balance/ });
    expect(await error.getByRole('cell').first().textContent()).toBe('3');
    expect(await error.textContent()).toContain('PAR30 balance ≤ GLP');
    // The column in words, its template name beside.
    expect(await error.getByRole('cell').nth(1).textContent()).toBe(
      'PAR30 balance (loans > 30 days overdue)inputs.par30Balance',
    );
    await h.screenshot('knowledge-base-import-refused');

    await page.getByLabel(/Import the valid rows only/).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 1 report of 2 rows.').waitFor();
    await errors.getByRole('row', { name: /inputs\.par30Balance/ }).waitFor();
    await page
      .getByRole('table', { name: 'Imported reports' })
      .getByRole('link', { name: '2025-01-01 to 2025-12-31' })
      .click();

    // The report: who filed it, its figures as filed beside the ratios.
    await page
      .getByRole('heading', { name: 'Performance report 2025-01-01 to 2025-12-31' })
      .waitFor();
    expect(await page.getByTestId('filed-by').textContent()).toMatch(
      /^Filed by .+ \(you\) on \d{2} \w{3} \d{4}/,
    );
    const figures = page.getByRole('table', { name: 'Figures as filed' });
    const assets = figures.getByRole('row', { name: /Total assets/ });
    expect(await assets.getByRole('cell').allTextContents()).toEqual([
      'US$900,000.00',
      'US$1,100,000.00',
    ]);
    expect(
      await figures
        .getByRole('row', { name: /Active borrowers/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['3,000', '5,000']);
    const flows = page.getByRole('table', { name: 'Flows of the period' });
    expect(await flows.getByRole('row', { name: /^Financial revenue/ }).textContent()).toContain(
      'US$260,000.00',
    );
    await h.screenshot('knowledge-base-report-figures');

    // A figure leads to the institutions behind it: those reporting for the same period.
    await page
      .getByRole('link', {
        name: 'Portfolio at risk > 30 days (PAR30) of the institutions reporting for a period ending 2025-12-31',
      })
      .click();
    await page.getByRole('heading', { name: 'Finance institutions' }).waitFor();
    await page.getByText(/Showing with a report for a period ending/).waitFor();
    const listed = page.getByRole('table', { name: 'Institutions' });
    await listed.getByRole('link', { name: 'Umoja Microfinance' }).waitFor();
    expect(await listed.getByRole('link', { name: 'Faida Savings' }).count()).toBe(0);
    expect(
      await listed
        .getByRole('columnheader', { name: 'Latest Portfolio at risk > 30 days (PAR30)' })
        .count(),
    ).toBe(1);
    expect(
      await listed.getByRole('row', { name: /Umoja/ }).getByRole('cell').last().textContent(),
    ).toBe('4 %');

    // And from the institution's chart of a ratio, to the same peers with theirs.
    await listed.getByRole('link', { name: 'Umoja Microfinance' }).click();
    await page
      .getByRole('link', {
        name: 'Operational self-sufficiency (OSS) of the institutions reporting for a period ending 2025-12-31',
      })
      .click();
    await page
      .getByRole('columnheader', { name: 'Latest Operational self-sufficiency (OSS)' })
      .waitFor();
  });

  it('lists targets with their institution and withdraws one, with the reason', async () => {
    await page.goto('/knowledge-base/targets');
    const targets = page.getByRole('table', { name: 'Targets' });
    await targets.waitFor();
    const row = targets.getByRole('row', { name: /Umoja Microfinance/ });
    await row.getByRole('link', { name: 'Umoja Microfinance' }).waitFor();
    await row
      .getByRole('button', {
        name: /Withdraw the target on Portfolio at risk > 30 days \(PAR30\) due 2025-12-31/,
      })
      .click();
    await row.getByLabel('Reason for withdrawing').fill('The programme changed its focus');
    await row.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await page.getByText('No target.').waitFor();

    await page.getByLabel('Which').selectOption('false');
    const withdrawn = page
      .getByRole('table', { name: 'Targets' })
      .getByRole('row', { name: /Umoja/ });
    await withdrawn.getByText('withdrawn').waitFor();
    expect(await withdrawn.getByRole('button', { name: /Withdraw/ }).count()).toBe(0);
  });

  it('opens a library card’s entry: the impact assessment with its findings', async () => {
    await page.goto('/knowledge-base/library?kind=impact-assessment');
    await page.getByRole('link', { name: 'Microcredit and child labour in rural Ghana' }).click();
    await page
      .getByRole('heading', { name: 'Microcredit and child labour in rural Ghana' })
      .waitFor();
    const findings = page.getByRole('table', { name: 'Findings' });
    expect(await findings.getByRole('row', { name: /Income/ }).textContent()).toContain('Null');
    await page.getByText('2,180 reached of 2,400 planned').waitFor();
  });

  it('groups the GNI table by region, one group open at a time, a country’s years one click away', async () => {
    await page.goto('/knowledge-base/gni');
    const africa = page.locator('details', { has: page.getByText('Africa', { exact: true }) });
    await africa.locator('summary').waitFor();
    const height = (await page.locator('body').boundingBox())?.height ?? Infinity;
    expect(height).toBeLessThan(2_000);
    expect(await page.locator('details[open]').count()).toBe(0);
    await africa.locator('summary').click();
    const kenya = africa.getByRole('button', { name: 'Kenya (KE)' });
    await kenya.waitFor();
    expect(page.url()).toContain('region=africa');
    await h.screenshot('knowledge-base-gni-by-region');
    await kenya.click();
    const history = page.getByRole('table', { name: 'GNI per capita' });
    await history.getByRole('row', { name: /Kenya \(KE\) 2025/ }).waitFor();
    expect(await history.getByRole('row').count()).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'All countries, by region' }).click();
    await page.locator('details', { has: page.getByText('Africa', { exact: true }) }).waitFor();
  });
});
