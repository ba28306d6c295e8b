import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_REVIEW_POLICY, type ProposalDefinition } from '@sfp/contracts';
import { institutionRegistration, workedExampleA } from '@sfp/knowledge-base/testing';
import { proposalBody, ratingsBody } from '@sfp/quality-monitoring/testing';
import { httpClient, signIn } from '@sfp/testing';
import type { Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { ensureSignedIn, eventually, ok, textOf, type Json } from './console-steps';

/**
 * The console's quality-monitoring pages in a real browser (Chromium,
 * headless) against the embedded platform. The proposals and the training
 * course are made over the HTTP API in the set-up; what is tested is done
 * through the pages: a review a red flag blocks (the approving choices
 * disabled, the flag shown; the API refuses the same), a revise-and-resubmit
 * whose new version's changes are shown beside the earlier review's
 * comments, and a linkage suggestion accepted on the proposal and then seen
 * on the course's page. Screenshots go to test-artifacts/console/.
 */
describe('admin console: quality-monitoring pages in a browser (e2e)', () => {
  const ADMIN_PASSWORD = 'quality console e2e passphrase';
  const run = randomBytes(3).toString('hex');
  let h: ConsoleHarness;
  let page: Page;
  let quality: ReturnType<typeof httpClient>;
  let training: ReturnType<typeof httpClient>;
  let courseId: string;
  const courseTitle = `Microinsurance for informal workers (${run})`;
  const flagged = `Revolving fund run by the Kisumu youth project (${run})`;
  const revised = `Weather index insurance for smallholders in Kenya (${run})`;

  /** The shared request body (@sfp/quality-monitoring/testing) as index insurance in Kenya: the course's themes. */
  function proposalOf(changes: Partial<ProposalDefinition>): ProposalDefinition {
    return proposalBody({
      title: revised,
      description:
        'Index insurance for maize and bean farmers sold through an insurer and a savings cooperative network.',
      department: 'Social Finance Programme',
      countries: ['KE'],
      themes: ['microinsurance', 'informal-economy'],
      budget: 450_000,
      budgetUsd: 450_000,
      financialComponent: {
        instrument: 'insurance-scheme',
        channel: 'specialised-provider',
        pricingPolicy: 'market-rates',
        amount: 300_000,
        coFinancing: 60_000,
        description: 'Premium support tapering over three seasons; the insurer carries the risk.',
      },
      exitStrategy: 'The premium support ends after three seasons.',
      ...changes,
    });
  }

  /** H3's hand-written IATI 2.03 activity (a foreign file: no platform extension). */
  const IATI_FILE = resolve(
    __dirname,
    '../../../quality-monitoring/src/iati/testing/women-sme-guarantee-fund.iati-activity.xml',
  );

  async function submitted(definition: ProposalDefinition): Promise<string> {
    const answer = await ok(quality.post('/proposals', definition), 201);
    const proposalId = answer['proposalId'] as string;
    await eventually('the queue lists the proposal', async () => {
      const list = await quality.get<Json>(`/proposals?q=${encodeURIComponent(run)}`);
      return (
        list.status === 200 &&
        (list.body['items'] as Json[]).some((p) => p['proposalId'] === proposalId)
      );
    });
    return proposalId;
  }

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    const token = await signIn(h.platform.url, 'admin', ADMIN_PASSWORD);
    quality = httpClient(`${h.platform.url}/api/quality-monitoring`, token);
    training = httpClient(`${h.platform.url}/api/training`, token);
    // A published course on microinsurance and the informal economy: a tool quality monitoring learns of.
    const course = await ok(
      training.post('/courses', {
        course: {
          code: `SFP-MI-201-${run}`,
          title: courseTitle,
          kind: 'regional-course',
          learningObjectives: [
            'Design an index insurance product with an insurer',
            'Reach informal workers through their cooperatives',
          ],
          themes: ['microinsurance', 'informal-economy'],
          audiences: ['government', 'workers-organisation'],
          durationHours: 24,
          priorityArea: 'financial-inclusion',
          languages: ['en'],
          owner: 'staff-mrossi',
          supervisorApprovalRequired: false,
          completionRule: { minAttendancePercent: 80, minPostTestScore: 70 },
        },
      }),
      201,
    );
    courseId = course['courseId'] as string;
    await ok(training.post(`/courses/${courseId}/publish`, {}));
    await eventually('quality monitoring knows the course', async () => {
      const tools = await quality.get<Json>('/tools?limit=200');
      const items = (Array.isArray(tools.body) ? tools.body : tools.body['items']) as Json[];
      return tools.status === 200 && items.some((t) => t['toolRef'] === `course:${courseId}`);
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const main = () => page.getByRole('main');
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const notice = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const statusBecomes = (label: string) =>
    page.getByTestId('proposal-status').filter({ hasText: label }).waitFor();

  /** Signed in as the administrator (once: the session stays in the tab). */
  const signInAsAdmin = () => ensureSignedIn(page, 'admin', ADMIN_PASSWORD);

  /** From the review queue, searched by the run's words, to a proposal's workspace. */
  async function openFromQueue(title: string) {
    await nav().getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await main().getByLabel('Search').fill(run);
    await main().getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
  }

  /** The admin assigns themself as the reviewer: the review starts. */
  async function startReview() {
    const assign = page.getByRole('form', { name: 'Assign reviewers' });
    await assign.getByRole('checkbox', { name: /\(admin\)/ }).check();
    await assign.getByRole('button', { name: 'Assign reviewers' }).click();
    await notice('The review has started.');
    await statusBecomes('Under review');
  }

  /** Rates every criterion of the checklist; `comments` by criterion label. */
  async function rateAll(rating: string, comments: Record<string, string> = {}) {
    const checklist = main().getByRole('region', { name: 'Checklist' });
    const selects = checklist.getByRole('combobox', { name: /^Rating of / });
    await selects.first().waitFor();
    const count = await selects.count();
    for (let i = 0; i < count; i++) await selects.nth(i).selectOption(rating);
    for (const [criterion, comment] of Object.entries(comments))
      await checklist.getByLabel(`Comment on ${criterion}`).fill(comment);
    return checklist;
  }

  async function submitReview(summary: string) {
    const form = page.getByRole('form', { name: 'Submit the review' });
    await form.getByLabel('Summary').fill(summary);
    await form.getByRole('button', { name: 'Submit the review' }).click();
    await notice('Your review is submitted.');
  }

  it('shows the red flag that blocks approval: the approving choices are disabled and the API refuses them', async () => {
    const proposalId = await submitted(
      proposalOf({
        title: flagged,
        themes: ['youth'],
        financialComponent: {
          instrument: 'revolving-fund',
          channel: 'direct-by-project',
          pricingPolicy: 'market-rates',
          amount: 200_000,
          description: 'Loans to youth groups from a fund the project manages itself.',
        },
      }),
    );
    await signInAsAdmin();
    await openFromQueue(flagged);
    await startReview();

    const flags = main().getByRole('region', { name: 'Red flags' });
    await flags.getByTestId('red-flags').waitFor();
    expect(await textOf(flags)).toContain('Direct lending by the project');
    expect(await textOf(flags)).toContain('block');

    // The live score as the reviewer rates: 4 of 5 everywhere is 75 of 100.
    expect(await textOf(page.getByTestId('live-score'))).toContain('Not yet');
    await rateAll('4', { 'Delivery channel': 'A project should not lend: use a provider.' });
    expect(await textOf(page.getByTestId('live-score'))).toBe('75 of 100');
    await submitReview('Good design, but the fund lends directly.');

    const decide = page.getByRole('form', { name: 'Decide' });
    await decide.waitFor();
    expect(await decide.getByRole('radio', { name: 'Approve', exact: true }).isDisabled()).toBe(
      true,
    );
    expect(await decide.getByRole('radio', { name: 'Approve with conditions' }).isDisabled()).toBe(
      true,
    );
    expect(await decide.getByRole('radio', { name: 'Reject' }).isDisabled()).toBe(false);
    const why = decide.getByTestId('approval-blocked');
    expect(await textOf(why)).toContain('Blocked by a red flag: Direct lending by the project');
    await h.screenshot('60-quality-red-flag-blocks-approval');

    // The service refuses it the same way, whatever the page offers.
    const refused = await quality.post(`/proposals/${proposalId}/decision`, {
      decision: 'approved',
      reasons: ['Score above the passing score'],
      conditions: [],
    });
    expect(refused.status).toBe(409);
    expect((refused.body as Json)['code']).toBe('RED_FLAG_BLOCKS_APPROVAL');

    await decide.getByRole('radio', { name: 'Reject' }).check();
    await decide.getByLabel('Reasons').fill('Direct lending by a social project');
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await notice('Decided: reject.');
    await statusBecomes('Rejected');
  });

  it('shows what a resubmission changed beside the earlier review’s comments', async () => {
    await submitted(proposalOf({}));
    await signInAsAdmin();
    await openFromQueue(revised);
    await startReview();
    await rateAll('3', {
      'Exit strategy': 'Say who keeps the premium data and pays the premiums after year three.',
    });
    await submitReview('Sound, but the exit strategy is thin.');
    const decide = page.getByRole('form', { name: 'Decide' });
    await decide.getByRole('radio', { name: 'Revise and resubmit' }).check();
    await decide.getByLabel('Reasons').fill('Complete the exit strategy');
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await statusBecomes('Revise and resubmit');

    // The resubmit form, filled with version 1: the exit strategy and the co-financing changed.
    const resubmit = page.getByRole('form', { name: 'Resubmit' });
    await resubmit.waitFor();
    expect(
      await textOf(main().getByRole('complementary', { name: 'What the review asked' })),
    ).toContain('Say who keeps the premium data');
    await resubmit
      .getByLabel('Exit strategy')
      .fill('The county government takes over the premium support from season four.');
    await resubmit.getByLabel('Co-financing').fill('90000');
    await resubmit.getByLabel('What changed').fill('Exit strategy completed; more co-financing.');
    await resubmit.getByRole('button', { name: 'Resubmit the proposal' }).click();

    await page.getByRole('heading', { name: 'What changed from version 1 to version 2' }).waitFor();
    const changes = main().getByRole('table', { name: 'Changed fields' });
    await changes.waitFor();
    const exit = changes.getByRole('row').filter({ hasText: 'The county government' });
    expect(await textOf(exit)).toContain('The premium support ends after three seasons.');
    // The earlier review's comment on the exit strategy, beside the change.
    expect(await textOf(exit)).toContain('Say who keeps the premium data');
    const money = changes.getByRole('row').filter({ hasText: '90,000' });
    expect(await textOf(money)).toContain('60,000');
    // Only what was edited: the fields the form carried over unchanged are not listed.
    expect(await changes.getByRole('row').count()).toBe(3);
    expect(await textOf(main())).toContain('Exit strategy completed; more co-financing.');
    await h.screenshot('61-quality-resubmission-diff');
  });

  it('accepts a linkage suggestion on the proposal and shows the proposal on the course page', async () => {
    const title = `Cooperative microinsurance for market traders (${run})`;
    await submitted(proposalOf({ title }));
    await signInAsAdmin();
    await openFromQueue(title);

    const suggested = main().getByRole('table', { name: 'Suggested links' });
    const row = suggested.getByRole('row').filter({ hasText: courseTitle });
    await row.waitFor();
    expect(await textOf(row)).toMatch(/\d+ %/);
    expect(await textOf(row)).toMatch(/microinsurance/i);
    await row.getByRole('button', { name: `Accept the link to ${courseTitle}` }).click();
    await notice('The link is accepted.');
    const accepted = main().getByRole('table', { name: 'Accepted links' });
    await accepted.getByRole('row').filter({ hasText: courseTitle }).waitFor();
    await h.screenshot('62-quality-linkage-accepted');

    // The course's owner shows the proposal (training learns of it from the public event).
    await eventually('training shows the linked proposal', async () => {
      const answer = await training.get<Json>(`/courses/${courseId}/linked-proposals`);
      return (
        answer.status === 200 &&
        ((answer.body['items'] ?? []) as Json[]).some((p) => p['title'] === title)
      );
    });
    await page.goto(`/training/courses/${courseId}`);
    await page.getByRole('heading', { name: courseTitle }).waitFor();
    const linked = main().getByRole('table', { name: 'Linked proposals' });
    const link = linked.getByRole('row').filter({ hasText: title });
    await link.waitFor();
    expect(await textOf(link)).toContain('Shares the themes microinsurance and informal economy');
    await h.screenshot('63-quality-linked-proposal-on-course');
    // And back: the proposal's link opens its review workspace.
    await link.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
  });

  it('imports an IATI activity file: the form is filled, what IATI does not carry is marked until filled, and it submits', async () => {
    await signInAsAdmin();
    await nav().getByRole('link', { name: 'Submit a proposal' }).click();
    await page.getByRole('heading', { name: 'Submit a proposal' }).waitFor();
    await main().getByLabel('IATI activity file').setInputFiles(IATI_FILE);
    await notice('Read women-sme-guarantee-fund.iati-activity.xml');

    const form = page.getByRole('form', { name: 'The proposal' });
    const title = 'Guarantee fund for women-led small and medium enterprises in Ghana';
    expect(await form.getByLabel('Title').inputValue()).toContain(title);
    expect(await form.getByLabel('Countries').inputValue()).toBe('GH, CI');
    // What the file does not carry: named in words, and each field marked.
    const missing = main().getByRole('status').filter({ hasText: 'The IATI file did not carry' });
    expect(await textOf(missing)).toContain('Exit strategy');
    const exit = form.getByLabel('Exit strategy');
    expect(await exit.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Instrument').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Indicator 1: unit').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Indicator 1: outcome').getAttribute('aria-invalid')).toBeNull();
    await h.screenshot('64-quality-iati-import-missing-fields');

    await form.getByLabel('Department').fill('Enterprises Department');
    await form.getByRole('checkbox', { name: 'Gender' }).check();
    await form.getByLabel('Instrument').selectOption({ label: 'Guarantee fund' });
    await form
      .getByLabel('Channel')
      .selectOption({ label: 'Through a specialised financial provider' });
    await form.getByLabel('Pricing policy').selectOption({ label: 'Market rates' });
    await form.getByLabel('Amount').fill('2800000');
    await form
      .getByLabel('What the component does')
      .fill('A 50 % partial credit guarantee on SME loans, priced at a 1.5 % annual fee.');
    await exit.fill('From year 3 the guarantee institution prices the cover without the fund.');
    expect(await exit.getAttribute('aria-invalid')).toBeNull();
    await form.getByLabel('Indicator 1: unit').fill('loans');
    const units = form.getByLabel(/^Indicator \d+: unit$/);
    for (let i = 0; i < (await units.count()); i++)
      if ((await units.nth(i).getAttribute('aria-invalid')) === 'true')
        await units.nth(i).fill('partner lenders');
    await form.getByRole('checkbox', { name: 'Government' }).check();
    await form.getByLabel('Gender outcomes').fill('Loans to women-led SMEs reach 35 %.');
    await form.getByLabel('Decent-work outcomes').fill('Jobs kept and created in the SMEs.');
    await form.getByRole('button', { name: 'Submit the proposal' }).click();

    const opened = page.getByRole('heading', { name: new RegExp(`^${title}`) });
    await opened.or(form.getByRole('alert')).first().waitFor();
    if (!(await opened.isVisible()))
      throw new Error(`Refused: ${await textOf(form.getByRole('alert').first())}`);
    await statusBecomes('Submitted');
    expect(await textOf(main())).toContain('XM-DAC-41302-RAF-26-02-LUX');
    expect(await textOf(main())).toContain('IATI import');
  });

  it('reconciles two reviews that diverge, then approves; the approval waits for the reconciliation', async () => {
    const title = `Guarantee fund for cooperative banks in Kenya and Uganda (${run})`;
    const admin = httpClient(
      `${h.platform.url}/api`,
      await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
    );
    await ok(
      admin.post('/auth/users', {
        username: `amara-${run}`,
        displayName: 'Amara Diallo',
        roles: ['operator'],
        department: 'Social Finance Programme',
        password: `amara reviews ${run} 2026`,
      }),
      201,
    );
    const amara = httpClient(
      `${h.platform.url}/api/quality-monitoring`,
      await signIn(h.platform.url, `amara-${run}`, `amara reviews ${run} 2026`),
    );
    // Above the policy's US$1,000,000: two reviewers.
    const proposalId = await submitted(
      proposalOf({
        title,
        countries: ['KE', 'UG'],
        budget: 1_600_000,
        budgetUsd: 1_600_000,
        financialComponent: {
          instrument: 'guarantee-fund',
          channel: 'specialised-provider',
          pricingPolicy: 'market-rates',
          amount: 1_200_000,
          description: 'A first-loss guarantee on loans to cooperative members.',
        },
      }),
    );
    await signInAsAdmin();
    await openFromQueue(title);
    await h.screenshot('68-quality-two-reviewers');
    const assign = page.getByRole('form', { name: 'Assign reviewers' });
    expect(await textOf(assign)).toContain('two reviewers are required');
    await assign.getByRole('checkbox', { name: /\(admin\)/ }).check();
    await assign.getByRole('checkbox', { name: new RegExp(`amara-${run}`) }).check();
    await assign.getByRole('button', { name: 'Assign reviewers' }).click();
    await statusBecomes('Under review');

    // Amara's review (over the API, as her): low on gender and on the monitoring plan.
    const low: Record<string, number> = { gender: 2, 'monitoring-plan': 1 };
    await ok(
      amara.post(`/proposals/${proposalId}/review`, {
        ratings: ratingsBody(DEFAULT_REVIEW_POLICY, (criterion) => low[criterion] ?? 4),
        summary: 'Sound fund; weak on gender and monitoring.',
      }),
    );
    await rateAll('4');
    await submitReview('A sound guarantee fund.');

    const reconcile = page.getByRole('form', { name: 'Reconcile the reviews' });
    await reconcile.waitFor();
    const divergent = reconcile.getByRole('table', { name: 'Divergent criteria' });
    expect(await divergent.getByRole('row').count()).toBe(3);
    expect(await textOf(divergent)).toContain('Gender');
    expect(await textOf(divergent)).toContain('Monitoring plan');
    const decide = page.getByRole('form', { name: 'Decide' });
    expect(await decide.getByRole('radio', { name: 'Approve', exact: true }).isDisabled()).toBe(
      true,
    );
    expect(await textOf(decide.getByTestId('approval-blocked'))).toContain('reconciled first');
    await reconcile.getByLabel('Agreed rating of Gender').selectOption('3');
    await reconcile.getByLabel('Agreed rating of Monitoring plan').selectOption('3');
    await reconcile.getByLabel('Note').fill('Agreed after a call: targets for women to be added.');
    await reconcile.getByRole('button', { name: 'Reconcile the reviews' }).click();
    await notice('The reviews are reconciled.');

    await decide.getByRole('radio', { name: 'Approve with conditions' }).check();
    await decide.getByLabel('Reasons').fill('Sound fund through a specialised provider');
    await decide
      .getByLabel('Conditions', { exact: true })
      .fill('Sex-disaggregated targets in the first report');
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await statusBecomes('Approved with conditions');
    const decisions = main().getByRole('table', { name: 'Decisions' });
    expect(await textOf(decisions)).toContain('Sex-disaggregated targets in the first report');
    await main().getByRole('button', { name: 'Download the IATI activity' }).waitFor();
  });

  it('shows the partner’s ratios frozen when the review started, with their report’s date and a notice of a newer report', async () => {
    const kb = httpClient(
      `${h.platform.url}/api/knowledge-base`,
      await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
    );
    const partnerName = `Caisse Populaire de Kaolack (${run})`;
    const registered = await ok(
      kb.post('/institutions', institutionRegistration({ name: partnerName, country: 'SN' })),
      201,
    );
    const institutionId = registered['id'] as string;
    expect((await kb.post(`/institutions/${institutionId}/activate`, {})).status).toBeLessThan(300);
    const filed = await ok(
      kb.post(`/institutions/${institutionId}/performance-reports`, workedExampleA()),
      201,
    );
    await eventually('quality monitoring knows the partner’s ratios', async () => {
      const answer = await quality.get<Json>(`/partners/${institutionId}`);
      return answer.status === 200 && answer.body['ratios']?.['reportVersion'] === 1;
    });
    const title = `Savings-led finance for women’s groups in Kaolack (${run})`;
    const proposalId = await submitted(
      proposalBody({ title, countries: ['SN'], partnerInstitutionIds: [institutionId] }),
    );
    await signInAsAdmin();
    await openFromQueue(title);
    await startReview();
    const ratios = main().getByRole('table', { name: 'Partner ratios' });
    const row = ratios.getByRole('row').filter({ hasText: partnerName });
    await row.waitFor();
    expect(await textOf(row)).toMatch(/Period ending \d{2} \w{3} \d{4}/);
    expect(await textOf(row)).toMatch(/\d+(\.\d)? %/);
    expect(await textOf(row)).not.toContain('A newer');

    // The knowledge base restates the report: PAR30 now above the threshold; the review keeps its figures.
    const { currency, fx, inputs } = workedExampleA();
    expect(
      (
        await kb.post(`/performance-reports/${filed['id'] as string}/restatements`, {
          currency,
          fx,
          inputs: { ...inputs, par30Balance: 126_000 },
          reason: 'Audited statements: loans rescheduled in the drought were past due',
        })
      ).status,
    ).toBeLessThan(300);
    await eventually('the review knows a newer report exists', async () => {
      const detail = await quality.get<Json>(`/proposals/${proposalId}`);
      return (detail.body['reviews'] as Json[]).at(-1)?.['partnerRatios'][0]?.[
        'newerReportAvailable'
      ];
    });
    await page.reload();
    await row.getByText('A newer figure exists: the report was restated (version 2').waitFor();
    expect(await textOf(row)).toContain('these figures are the ones the review started with');
    expect(await textOf(main().getByRole('region', { name: 'Red flags' }))).not.toContain(
      'Partner portfolio at risk',
    );
    await h.screenshot('69-quality-frozen-partner-ratios');
  });

  // After the tests above (their decisions and the accepted link are what the reports show).
  it('shows the reports, the linkage map and the review policy in labels and formatted figures; an administrator publishes a version', async () => {
    await signInAsAdmin();
    // The queue: statuses, instruments, service levels and red flags in words.
    await nav().getByRole('link', { name: 'Review queue' }).click();
    await main().getByLabel('Search').fill(run);
    const queue = main().getByRole('table', { name: 'Proposals' });
    const rejected = queue.getByRole('row').filter({ hasText: flagged });
    await rejected.waitFor();
    expect(await textOf(rejected)).toMatch(/Rejected.*Revolving fund.*Directly by the project/);
    expect(await textOf(rejected)).toContain('1 red flag');
    expect(await textOf(rejected)).toMatch(/Met|On track/);
    await h.screenshot('59-quality-review-queue');
    // The same list, with the filters shown, as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main().getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^quality-proposals-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(flagged);
    // The IATI import's proposal has no run words in its title: the search kept it out.
    expect(csv).not.toContain('Guarantee fund for women-led');

    await nav().getByRole('link', { name: 'Quality reports' }).click();
    await page.getByRole('heading', { name: 'Quality reports' }).waitFor();
    // The decisions of the tests above: a rejection (revolving fund) and a revise-and-resubmit.
    const rates = main().getByRole('table', { name: 'Approval rates by instrument' });
    await rates.getByRole('row').filter({ hasText: 'Revolving fund' }).waitFor();
    const deficiencies = main().getByRole('region', { name: 'Deficiencies' });
    const flagChart = deficiencies.getByRole('img', { name: /^Red flags/ });
    await flagChart.waitFor();
    expect(await flagChart.getAttribute('aria-label')).toMatch(
      /Direct lending by the project \d+ %/,
    );
    const shown = await textOf(main());
    for (const code of [
      'revolving-fund',
      'insurance-scheme',
      'direct-lending',
      'revise-and-resubmit',
    ])
      expect(shown).not.toContain(code);
    expect(shown).toMatch(/Within the service level\s*\d+(\.\d)? %/);
    await h.screenshot('65-quality-reports');

    await nav().getByRole('link', { name: 'Linkage map' }).click();
    await page.getByRole('heading', { name: 'Linkage map' }).waitFor();
    const graph = main().getByRole('img', { name: /^Linkage map:/ });
    await graph.waitFor();
    expect(await graph.getAttribute('aria-label')).toContain(courseTitle);
    await main().getByRole('table', { name: 'Links' }).getByText(courseTitle).first().waitFor();
    await h.screenshot('66-quality-linkage-map');

    await nav().getByRole('link', { name: 'Review policy' }).click();
    await page.getByRole('heading', { name: 'Review policy' }).waitFor();
    const weights = main().getByRole('table', { name: 'Criteria and weights' });
    const relevance = weights.getByRole('row').filter({ hasText: 'Decent-work relevance' });
    expect(await textOf(relevance)).toContain('15 %');
    const publish = page.getByRole('form', { name: 'Publish a new version' });
    await publish.getByLabel('Exit strategy').fill('12');
    await publish.getByLabel('Note').fill('Exit strategies weigh more after the 2026 evaluation.');
    await publish.getByRole('button', { name: 'Publish the version' }).click();
    await notice('Version 2 is published and in force.');
    await main().getByRole('heading', { name: 'Version 2' }).waitFor();
    const exitRow = weights.getByRole('row').filter({ hasText: 'Exit strategy' });
    expect(await textOf(exitRow)).toContain('12');
    await main().getByLabel('Version', { exact: true }).selectOption('1');
    await main().getByRole('heading', { name: 'Version 1' }).waitFor();
    expect(await textOf(weights.getByRole('row').filter({ hasText: 'Exit strategy' }))).toContain(
      '7 %',
    );
    await h.screenshot('67-quality-review-policy');
  });
});
