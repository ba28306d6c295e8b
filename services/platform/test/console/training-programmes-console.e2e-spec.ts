import { randomBytes } from 'node:crypto';
import { httpClient, signIn } from '@sfp/testing';
import type { Locator, Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { ok, signInOnForm, textOf, type Json } from './console-steps';

/**
 * The console's capacity-building programme pages in a real browser
 * (Chromium, headless) against the embedded platform. A course, an offering
 * run to its end (three constituents with test scores) and a programme with
 * targets and that offering are made over the HTTP API in the set-up; the
 * programme page shows one progress bar per target, the value reached
 * against it. A second programme is launched through the form, given a
 * target and the offering through its actions, and closed. Screenshots go to
 * test-artifacts/console/.
 */
describe('admin console: training programmes in a browser (e2e)', () => {
  const ADMIN_PASSWORD = 'training programmes console e2e passphrase';
  const run = randomBytes(3).toString('hex');
  const courseTitle = 'Savings and credit cooperatives: governance for trade unionists';
  const programmeTitle = 'Social finance capacity for Kenyan trade unions, 2026';
  let h: ConsoleHarness;
  let page: Page;
  let training: ReturnType<typeof httpClient>;
  let offeringId: string;
  let programmeId: string;

  const participant = (name: string, overrides: Json = {}) => ({
    participant: {
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${run}@example.org`,
      organisation: 'Central Organisation of Trade Unions (Kenya)',
      constituentGroup: 'workers-organisation',
      country: 'KE',
      sex: 'female',
      staff: false,
      ...overrides,
    },
  });

  /** Waits until the programme's read model counts the offering's three results. */
  async function progressRead(id: string) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const answer = await training.get<Json>(`/programmes/${id}`);
      if (answer.status === 200 && answer.body['participantsWithResult'] === 3) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Programme ${id} never counted the offering's results`);
  }

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    training = httpClient(
      `${h.platform.url}/api/training`,
      await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
    );
    // A published course: 80 % of the days and 70 % at the post-test to complete it.
    const course = await ok(
      training.post('/courses', {
        course: {
          code: `SFP-SC-220-${run}`,
          title: courseTitle,
          kind: 'regional-course',
          learningObjectives: [
            'Read the accounts of a savings and credit cooperative',
            'Explain the duties of a cooperative’s supervisory committee',
          ],
          themes: ['informal-economy'],
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
    const courseId = course['courseId'] as string;
    await ok(training.post(`/courses/${courseId}/publish`, {}));

    // Nairobi, 16–18 November 2026, run to its end: Amina (40 → 80) and Baraka
    // (50 → 80) complete, Chebet (60 → 50) does not.
    offeringId = (
      await ok(
        training.post('/offerings', {
          courseId,
          plan: {
            schedule: { startsOn: '2026-11-16', endsOn: '2026-11-18', timeZone: 'Africa/Nairobi' },
            delivery: { mode: 'in-person', venue: 'KCB Leadership Centre, Karen, Nairobi' },
            region: 'africa',
            country: 'KE',
            language: 'en',
            capacity: 3,
            trainers: ['staff-mrossi', 'staff-akamau'],
            funding: { kind: 'sponsored', sponsor: 'Mastercard Foundation' },
          },
        }),
        201,
      )
    )['offeringId'] as string;
    await ok(training.post(`/offerings/${offeringId}/open`, {}));
    const enrolments: string[] = [];
    for (const [name, overrides] of [
      ['Amina Wanjiru', {}],
      ['Baraka Odhiambo', { sex: 'male', constituentGroup: 'government' }],
      ['Chebet Kiprop', {}],
    ] as const) {
      const enrolled = await ok(
        training.post(`/offerings/${offeringId}/enrolments`, participant(name, overrides)),
        201,
      );
      enrolments.push(enrolled['enrolmentId'] as string);
    }
    await ok(training.post(`/offerings/${offeringId}/start`, {}));
    for (const day of ['2026-11-16', '2026-11-17', '2026-11-18'])
      await ok(training.post(`/offerings/${offeringId}/attendance`, { day, present: enrolments }));
    for (const [i, [preTest, postTest]] of [
      [40, 80],
      [50, 80],
      [60, 50],
    ].entries())
      await ok(
        training.post(`/offerings/${offeringId}/scores`, {
          enrolmentId: enrolments[i],
          preTest,
          postTest,
        }),
      );
    await ok(training.post(`/offerings/${offeringId}/complete`, {}));

    // The programme, its targets and the offering.
    programmeId = (
      await ok(
        training.post('/programmes', {
          title: programmeTitle,
          scope: {
            kind: 'organisation',
            organisation: 'Central Organization of Trade Unions (Kenya)',
            constituentGroup: 'workers-organisation',
            country: 'KE',
          },
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
        }),
        201,
      )
    )['programmeId'] as string;
    await ok(
      training.post(`/programmes/${programmeId}/targets`, {
        targets: [
          { indicator: 'people-trained', value: 60, dueOn: '2026-12-31' },
          { indicator: 'people-trained', value: 20, sex: 'female', dueOn: '2026-12-31' },
          { indicator: 'completion-rate', value: 85, dueOn: '2026-12-31' },
          { indicator: 'knowledge-gain', value: 15, dueOn: '2026-12-31' },
        ],
      }),
    );
    await ok(training.post(`/programmes/${programmeId}/offerings`, { offeringId }));
    await progressRead(programmeId);
  });

  afterAll(async () => {
    await h?.close();
  });

  const main = () => page.getByRole('main');
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const notice = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const bar = (name: string) => main().getByRole('progressbar', { name, exact: true });
  const target = (name: string) =>
    main()
      .getByTestId('programme-target')
      .filter({ has: page.getByText(name, { exact: true }) });

  const signInAsAdmin = () => signInOnForm(page, 'admin', ADMIN_PASSWORD);

  /** What a bar says to a screen reader: its value, bounds and text. */
  async function barValues(locator: Locator) {
    return {
      now: await locator.getAttribute('aria-valuenow'),
      min: await locator.getAttribute('aria-valuemin'),
      max: await locator.getAttribute('aria-valuemax'),
      text: await locator.getAttribute('aria-valuetext'),
    };
  }

  it('the programme page shows one progress bar per target: the value reached against it', async () => {
    await signInAsAdmin();
    await nav().getByRole('link', { name: 'Programmes' }).click();
    await page.getByRole('heading', { name: 'Capacity-building programmes' }).waitFor();
    const row = main()
      .getByRole('table', { name: 'Programmes' })
      .getByRole('row')
      .filter({ hasText: programmeTitle });
    await row.waitFor();
    // Labels and formatted dates, never codes.
    expect(await textOf(row)).toContain(
      'Central Organization of Trade Unions (Kenya) (Workers’ organisation, Kenya)',
    );
    expect(await textOf(row)).toContain('01 Jan 2026 – 31 Dec 2026');
    expect(await textOf(row)).toContain('1 offering');
    expect(await textOf(row)).toContain('Active');
    expect(await textOf(row)).not.toContain('workers-organisation');
    await row.getByRole('link', { name: programmeTitle }).click();

    await page.getByRole('heading', { name: programmeTitle }).waitFor();
    expect(await textOf(page.getByTestId('programme-status'))).toBe('Active');
    expect(await textOf(page.getByTestId('programme-results'))).toBe(
      '2 of 3 constituents with a result completed',
    );
    expect(await main().getByRole('progressbar').count()).toBe(4);

    // Amina and Baraka completed: 2 of 60.
    expect(await barValues(bar('People trained'))).toEqual({
      now: '2',
      min: '0',
      max: '60',
      text: '2 of 60 people (3 %)',
    });
    expect(await textOf(target('People trained').getByTestId('programme-target-figures'))).toBe(
      '2 of 60 people (3 %)',
    );
    // Amina alone (Chebet did not complete).
    expect(await barValues(bar('People trained — women'))).toEqual({
      now: '1',
      min: '0',
      max: '20',
      text: '1 of 20 people (5 %)',
    });
    // 2 of 3 results are completions.
    expect(await barValues(bar('Completion rate'))).toEqual({
      now: '66.7',
      min: '0',
      max: '85',
      text: '66.7 % against 85 %',
    });
    // 40, 30 and −10 points: 20 on average, past the target (the bar is full).
    expect(await barValues(bar('Knowledge gain'))).toEqual({
      now: '15',
      min: '0',
      max: '15',
      text: '+20 points against 15 points (133 %)',
    });
    expect(await textOf(target('Knowledge gain'))).toContain('due 31 Dec 2026');

    // Its offering, linked to the offering's page.
    const offerings = main().getByRole('table', { name: 'Programme offerings' });
    const offering = offerings.getByRole('row').filter({ hasText: courseTitle });
    await offering.waitFor();
    expect(await textOf(offering)).toContain('Kenya');
    expect(await textOf(offering)).toContain('Completed');
    await h.screenshot('27-training-programme-progress');
    await offering.getByRole('link', { name: '16 Nov 2026 – 18 Nov 2026' }).click();
    await page.getByRole('heading', { name: courseTitle }).waitFor();
    expect(page.url()).toContain(`/training/offerings/${offeringId}`);
  });

  it('an operator launches a programme through the form, sets a target, adds the offering and closes it', async () => {
    await nav().getByRole('link', { name: 'Programmes' }).click();
    await main().getByRole('link', { name: 'Launch a programme' }).click();
    const form = page.getByRole('form', { name: 'Programme' });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    await field('Title').fill('Social finance for cooperatives in East Africa, 2026');
    await field('For').selectOption({ label: 'One region' });
    await field('Region').selectOption({ label: 'Africa' });
    await field('First day').fill('2026-12-31');
    await field('Last day').fill('2026-01-01');
    await form.getByRole('button', { name: 'Launch the programme' }).click();
    // Ending before it starts is refused; corrected, it is launched.
    await form.getByRole('alert').or(form.locator('.field-error')).first().waitFor();
    await field('First day').fill('2026-01-01');
    await field('Last day').fill('2026-12-31');
    await form.getByRole('button', { name: 'Launch the programme' }).click();

    await page
      .getByRole('heading', { name: 'Social finance for cooperatives in East Africa, 2026' })
      .waitFor();
    expect(await textOf(page.getByTestId('programme-status'))).toBe('Active');
    expect(await textOf(main())).toContain('One region: Africa');
    await main().getByText('No target set yet.').waitFor();
    await main().getByText('No offering added yet.').waitFor();

    // A completion rate of 85 % by the end of November.
    await main().getByRole('button', { name: 'Set targets' }).click();
    const targets = page.getByRole('form', { name: 'Set targets' });
    await targets.getByLabel('Indicator').selectOption({ label: 'Completion rate' });
    await targets.getByLabel('Target (%)').fill('85');
    await targets.getByLabel('Due by').fill('2026-11-30');
    await targets.getByRole('button', { name: 'Set the targets' }).click();
    await notice('Target set.');
    expect(await barValues(bar('Completion rate'))).toMatchObject({
      max: '85',
      text: 'Nothing to measure yet; the target is 85 %',
    });

    // The Nairobi offering, chosen from the calendar of the programme's year.
    await main().getByRole('button', { name: 'Add an offering' }).click();
    const adding = page.getByRole('form', { name: 'Add an offering' });
    const choice = adding.getByLabel('Offering').locator('option', { hasText: courseTitle });
    await choice.waitFor({ state: 'attached' });
    expect(await textOf(choice)).toBe(
      `${courseTitle}, 16 Nov 2026 – 18 Nov 2026, Kenya (Completed)`,
    );
    await adding.getByLabel('Offering').selectOption({ label: await textOf(choice) });
    await adding.getByRole('button', { name: 'Add the offering' }).click();
    await notice('is added: its results count.');
    await main().locator('[role="progressbar"][aria-valuetext="66.7 % against 85 %"]').waitFor();
    expect(await textOf(main().getByTestId('programme-target-figures'))).toBe(
      '66.7 % against 85 %',
    );

    await main().getByRole('button', { name: 'Close the programme' }).click();
    const closing = page.getByRole('form', { name: 'Close the programme' });
    await closing.getByLabel('Reason').fill('Merged into the regional programme for 2027');
    await closing.getByRole('button', { name: 'Close the programme' }).click();
    await notice('The programme is closed: its results stay.');
    await page.getByTestId('programme-status').filter({ hasText: 'Closed' }).waitFor();
    await main().getByText('None: the programme is closed.').waitFor();
  });
});
