import { randomBytes } from 'node:crypto';
import { projectBody } from '@sfp/innovation-research/testing';
import { httpClient, signIn } from '@sfp/testing';
import type { Locator, Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { eventually, ok, signInOnForm, textOf, type Json } from './console-steps';

/**
 * The console's research pages in a real browser (Chromium, headless) against
 * the embedded platform. The partner institution is registered in the
 * knowledge base and the project proposed over the HTTP API in the set-up;
 * what is tested is done through the pages: the project moved through its
 * phases (a guard's refusal shown to the user), its findings entered with
 * their interval and sample, its cost-benefit computed as it is typed and
 * saved, its findings published, and then seen on the knowledge base's
 * institution page with the link back to the project. Screenshots go to
 * test-artifacts/console/.
 */
describe('admin console: research pages in a browser (e2e)', () => {
  const ADMIN_PASSWORD = 'research console e2e passphrase';
  const run = randomBytes(3).toString('hex');
  const title = `Crop microinsurance and child labour in Senegal (${run})`;
  let h: ConsoleHarness;
  let page: Page;
  let research: ReturnType<typeof httpClient>;
  let institutionId: string;
  let projectId: string;

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    const token = await signIn(h.platform.url, 'admin', ADMIN_PASSWORD);
    const kb = httpClient(`${h.platform.url}/api/knowledge-base`, token);
    research = httpClient(`${h.platform.url}/api/innovation-research`, token);
    // The partner: a knowledge-base institution, which research learns of from its public event.
    const registered = await ok(
      kb.post('/institutions', {
        name: `Crédit Mutuel du Sénégal (${run})`,
        kind: 'microfinance-institution',
        legalType: 'cooperative',
        country: 'SN',
        region: 'africa',
        programmes: [],
      }),
      201,
    );
    institutionId = registered['id'] as string;
    await eventually('research knows the partner institution', async () => {
      const answer = await research.get(`/partner-institutions/${institutionId}`);
      return answer.status === 200;
    });
    const proposed = await ok(
      research.post(
        '/projects',
        projectBody({ title, partnerInstitutionIds: [institutionId], plannedEnd: '2026-06-30' }),
      ),
      201,
    );
    projectId = proposed['projectId'] as string;
    await eventually('the portfolio lists the project', async () => {
      const answer = await research.get<Json>(`/projects?q=${encodeURIComponent(run)}`);
      return (
        answer.status === 200 &&
        (answer.body['items'] as Json[]).some((p) => p['projectId'] === projectId)
      );
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const main = () => page.getByRole('main');
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const notice = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const status = async () => textOf(page.getByTestId('project-status'));
  const actions = () => main().getByRole('group', { name: 'Actions this status allows' });

  /** Opens an action by its button, fills its form, sends it; the form is named as the button. */
  async function act(name: string, fill?: (form: Locator) => Promise<void>) {
    await actions().getByRole('button', { name, exact: true }).click();
    const form = page.getByRole('form', { name, exact: true });
    await fill?.(form);
    await form.getByRole('button', { name, exact: true }).click();
    return form;
  }

  async function statusBecomes(label: string) {
    await page.getByTestId('project-status').filter({ hasText: label }).waitFor();
  }

  const signInAsAdmin = () => signInOnForm(page, 'admin', ADMIN_PASSWORD);

  it('moves a project through its phases on the board and the project page; a guard’s refusal is shown', async () => {
    await signInAsAdmin();
    await nav().getByRole('link', { name: 'Research portfolio' }).click();
    await page.getByRole('heading', { name: 'Research portfolio' }).waitFor();
    // The board: the project under "Proposed", by label.
    await main().getByLabel('Title words').fill(run);
    const proposed = main().getByRole('region', { name: 'Proposed' });
    await proposed.getByRole('link', { name: title }).waitFor();
    expect(await textOf(proposed)).toContain('Randomised controlled trial');
    await h.screenshot('40-research-portfolio-board');
    await proposed.getByRole('link', { name: title }).click();

    await page.getByRole('heading', { name: title }).waitFor();
    expect(await status()).toBe('Proposed');
    await act('Approve the project', (form) =>
      form.getByLabel('Note').fill('Research committee, 10 February 2025'),
    );
    await notice('The project is approved.');
    await statusBecomes('Approved');
    await act('Move to diagnostic survey');
    await statusBecomes('Diagnostic survey');
    await act('Move to design of the innovation');
    await statusBecomes('Design of the innovation');

    // No baseline without an approved design: the API's refusal, shown with its message.
    const refused = await act('Move to baseline survey');
    const alert = refused.getByRole('alert');
    await alert.waitFor();
    expect(await textOf(alert)).toContain('PHASE_GUARD');
    expect(await status()).toBe('Design of the innovation');
    await h.screenshot('41-research-phase-guard-refused');
    await refused.getByRole('button', { name: 'Close' }).click();

    await act('Approve the design', (form) =>
      form.getByLabel('Note').fill('Product terms agreed with the partner bank'),
    );
    await notice('The design of the innovation is approved.');
    await act('Move to baseline survey');
    await statusBecomes('Baseline survey');
    await act('Record a survey round', async (form) => {
      await form.getByLabel('Completed on').fill('2025-07-28');
      await form.getByLabel('Treatment sample').fill('1200');
      await form.getByLabel('Comparison sample').fill('1180');
    });
    await notice('The survey round is recorded.');
    await act('Move to pilot');
    await statusBecomes('Pilot');
    await act('Move to follow-up survey');
    await statusBecomes('Follow-up survey');
    await act('Record a survey round', async (form) => {
      await form.getByLabel('Completed on').fill('2026-01-30');
      await form.getByLabel('Treatment sample').fill('1150');
      await form.getByLabel('Comparison sample').fill('1130');
    });
    await notice('The survey round is recorded.');
    const rounds = main().getByRole('table', { name: 'Survey rounds' });
    expect(await textOf(rounds)).toContain('Follow-up 1');
    expect(await textOf(rounds)).toContain('1,150');
    await act('Move to impact analysis');
    await statusBecomes('Impact analysis');

    // The findings: H1 with a standard error (supported), H2 with a 95 % interval (a null result).
    const finding = page.getByRole('form', { name: 'Enter a finding' });
    const enter = async (
      hypothesis: string,
      verdict: string,
      size: string,
      unit: string,
      precision: { se: string } | { lower: string; upper: string },
    ) => {
      await finding.getByLabel('Hypothesis').selectOption({ value: hypothesis });
      await finding.getByLabel('Verdict').selectOption({ label: verdict });
      await finding.getByLabel('Effect size').fill(size);
      await finding.getByLabel('Unit').fill(unit);
      if ('se' in precision) {
        await finding.getByLabel('Precision given as').selectOption({ label: 'Standard error' });
        await finding.getByLabel('Standard error').fill(precision.se);
      } else {
        await finding
          .getByLabel('Precision given as')
          .selectOption({ label: '95 % confidence interval' });
        await finding.getByLabel('Lower bound (95 %)').fill(precision.lower);
        await finding.getByLabel('Upper bound (95 %)').fill(precision.upper);
      }
      await finding.getByLabel('Treatment sample').fill('1150');
      await finding.getByLabel('Comparison sample').fill('1130');
      await finding.getByRole('button', { name: 'Record the finding' }).click();
      await notice(`The finding on ${hypothesis} is recorded.`);
    };
    await enter('H1', 'Supported', '-1.8', 'hours per week', { se: '0.5' });
    await enter('H2', 'Not supported', '12', 'US dollars', { lower: '-40', upper: '64' });
    const hypotheses = main().getByRole('table', { name: 'Hypotheses' });
    const h1 = hypotheses.getByRole('row').filter({ hasText: 'H1' });
    const h2 = hypotheses.getByRole('row').filter({ hasText: 'H2' });
    await h2.getByText('Not supported').waitFor();
    expect(await textOf(h1)).toContain('Supported');
    // −1.8 ± 1.96 × 0.5: the interval the API computed from the standard error.
    expect(await textOf(h1)).toContain('95 % CI -2.78 to -0.82');
    expect(await textOf(h2)).toContain('1,150 treatment, 1,130 comparison');
    await act('Move to cost-benefit analysis');
    await statusBecomes('Cost-benefit analysis');
    await h.screenshot('42-research-findings-entered');

    // The timeline holds every phase entered, in order.
    const timeline = main().getByRole('list', { name: 'Phases' });
    expect(await textOf(timeline)).toMatch(
      /Proposed.*Approved.*Diagnostic survey.*Design of the innovation.*Baseline survey.*Pilot.*Follow-up survey.*Impact analysis.*Cost-benefit analysis/,
    );
  });

  it('computes NPV and B/C as the analyst types, saves them, and publishes the findings', async () => {
    const editor = page.getByRole('form', { name: 'Cost-benefit editor' });
    await editor.getByLabel('Horizon (years)').fill('3');
    await editor.getByLabel('Discount rate (%)').fill('10');
    const flow = async (
      side: 'Cost' | 'Benefit',
      i: number,
      row: [string, string, string, string],
    ) => {
      if (i > 1)
        await editor
          .getByRole('button', { name: side === 'Cost' ? 'Add a cost' : 'Add a benefit' })
          .click();
      await editor.getByLabel(`${side} ${i}: party`).selectOption({ label: row[0] });
      await editor.getByLabel(`${side} ${i}: what`).fill(row[1]);
      await editor.getByLabel(`${side} ${i}: year`).fill(row[2]);
      await editor.getByLabel(`${side} ${i}: amount`).fill(row[3]);
    };
    // The worked example of the contracts' spec: PV(costs) 1,600, PV(benefits) 2,500 at 10 %.
    await flow('Cost', 1, ['Institution', 'Product design and staff training', '0', '1000']);
    await flow('Cost', 2, ['Donor', 'Premium subsidy', '1', '550']);
    await flow('Cost', 3, ['Clients', 'Premiums net of subsidy', '2', '121']);
    await flow('Benefit', 1, ['Clients', 'Health costs avoided', '1', '1100']);
    await flow('Benefit', 2, ['Clients', 'Health costs avoided', '2', '1210']);
    const computed = editor.getByRole('region', { name: 'Computed' });
    // Before the last benefit: NPV 2,000 − 1,600 = 400.
    await computed.getByText('US$400.00').first().waitFor();
    await flow('Benefit', 3, ['Institution', 'Lower portfolio at risk', '3', '665.5']);
    await computed.getByText('US$900.00').first().waitFor();
    expect(await textOf(computed)).toContain('1.56');
    await h.screenshot('43-research-cost-benefit-live');
    // Saved with Enter in the last amount, as an analyst at the keyboard does.
    await editor.getByLabel('Benefit 3: amount').press('Enter');
    await notice('The cost-benefit analysis is saved.');
    const recorded = main().getByRole('region', { name: 'Recorded analysis' });
    await recorded.waitFor();
    expect(await textOf(recorded)).toContain('US$900.00');
    expect(await textOf(main().getByRole('region', { name: 'Cost-benefit analysis' }))).toContain(
      'Over 3 years at 10 % a year',
    );

    await act('Publish the findings', (form) =>
      form
        .getByLabel('Summary')
        .fill(
          'Insured households cut children’s work by 1.8 hours a week after the 2025 drought; no effect on assets was found.',
        ),
    );
    await notice('The findings are published');
    await statusBecomes('Findings published');
    const publications = main().getByRole('table', { name: 'Publications' });
    expect(await textOf(publications)).toContain('Version 1');
    await h.screenshot('44-research-findings-published');
  });

  it('shows the published findings on the knowledge base’s institution page, with the link back to the project', async () => {
    await page.goto(`/knowledge-base/institutions/${institutionId}`);
    const library = page.getByTestId('institution-library');
    // The knowledge base takes the public event off the bus: reload until it has.
    for (let attempt = 0; ; attempt++) {
      const shown = await library
        .getByTestId('research-source')
        .first()
        .waitFor({ timeout: 2_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (attempt === 15) throw new Error('The institution page never showed the research entries');
      await page.reload();
    }
    const entries = library.getByRole('list', { name: 'Entries about this institution' });
    expect(await textOf(entries)).toContain('version 1');
    await h.screenshot('45-research-findings-on-institution-page');
    await entries.getByTestId('research-source').first().getByRole('link').click();
    await page.getByRole('heading', { name: title }).waitFor();
    expect(page.url()).toContain(`/research/projects/${projectId}`);
    expect(await status()).toBe('Findings published');
  });
});
