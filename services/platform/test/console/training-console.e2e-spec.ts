import { randomBytes } from 'node:crypto';
import { httpClient, signIn } from '@sfp/testing';
import type { Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './console-harness';
import { ok, signInOnForm, textOf, type Json } from './console-steps';

/**
 * The console's training pages in a real browser (Chromium, headless) against
 * the embedded platform. The courses and offerings are made over the HTTP API
 * in the set-up; what is tested is done through the pages: an enrolment past
 * capacity goes to the waitlist, a withdrawal gives the seat to the first
 * waiting, and a certificate is checked on the public page without signing in,
 * valid and then revoked. Screenshots go to test-artifacts/console/.
 */
describe('admin console: training pages in a browser (e2e)', () => {
  const ADMIN_PASSWORD = 'training console e2e passphrase';
  const run = randomBytes(3).toString('hex');
  let h: ConsoleHarness;
  let page: Page;
  let training: ReturnType<typeof httpClient>;
  let courseTitle: string;
  let nairobiOffering: string;
  let certificateOffering: string;
  let verificationCode: string;

  const participant = (name: string) => ({
    participant: {
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${run}@example.org`,
      organisation: 'Central Organisation of Trade Unions (Kenya)',
      constituentGroup: 'workers-organisation',
      country: 'KE',
      sex: 'female',
      staff: false,
    },
  });

  /** Waits until the calendar (a projection) lists the offering. */
  async function listed(offeringId: string) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const page = await ok<{ items: Json[] }>(training.get('/offerings?limit=100'));
      if (page.items.some((o) => o['offeringId'] === offeringId)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The calendar never listed offering ${offeringId}`);
  }

  /** Waits until the public check (a projection) says the certificate is `status`. */
  async function checkSays(code: string, status: 'valid' | 'revoked') {
    for (let attempt = 0; attempt < 100; attempt++) {
      const answer = await fetch(`${h.platform.url}/api/training/certificates/${code}`);
      if (answer.ok && ((await answer.json()) as Json)['status'] === status) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The check of certificate ${code} never said ${status}`);
  }

  beforeAll(async () => {
    h = await startConsoleHarness(ADMIN_PASSWORD);
    page = h.page;
    training = httpClient(
      `${h.platform.url}/api/training`,
      await signIn(h.platform.url, 'admin', ADMIN_PASSWORD),
    );
    // A published course with a completion rule: 80 % of the days and 70 % at the post-test.
    courseTitle = 'Microfinance for decent work: an introduction';
    const course = await ok(
      training.post('/courses', {
        course: {
          code: `SFP-MF-101-${run}`,
          title: courseTitle,
          kind: 'regional-course',
          learningObjectives: [
            'Explain how microfinance institutions measure social performance',
            'Assess a savings and credit cooperative against decent-work criteria',
          ],
          themes: ['microinsurance', 'informal-economy'],
          audiences: ['government', 'workers-organisation'],
          durationHours: 24,
          priorityArea: 'financial-inclusion',
          languages: ['en', 'fr'],
          owner: 'staff-mrossi',
          supervisorApprovalRequired: false,
          completionRule: { minAttendancePercent: 80, minPostTestScore: 70 },
        },
      }),
      201,
    );
    const courseId = course['courseId'] as string;
    await ok(training.post(`/courses/${courseId}/publish`, {}));
    const plan = (startsOn: string, endsOn: string, capacity: number) => ({
      courseId,
      plan: {
        schedule: { startsOn, endsOn, timeZone: 'Africa/Nairobi' },
        delivery: { mode: 'in-person', venue: 'KCB Leadership Centre, Karen, Nairobi' },
        region: 'africa',
        country: 'KE',
        language: 'en',
        capacity,
        trainers: ['staff-mrossi', 'staff-akamau'],
        funding: { kind: 'sponsored', sponsor: 'Mastercard Foundation' },
      },
    });

    // Nairobi, 16–18 November 2026: two seats, both taken.
    nairobiOffering = (
      await ok(training.post('/offerings', plan('2026-11-16', '2026-11-18', 2)), 201)
    )['offeringId'] as string;
    await ok(training.post(`/offerings/${nairobiOffering}/open`, {}));
    for (const name of ['Amina Wanjiru', 'Baraka Odhiambo']) {
      const enrolled = await ok(
        training.post(`/offerings/${nairobiOffering}/enrolments`, participant(name)),
        201,
      );
      expect(enrolled['status']).toBe('enrolled');
    }

    // March 2026, run and completed: Fatuma Njeri attended every day and passed, so holds a certificate.
    certificateOffering = (
      await ok(training.post('/offerings', plan('2026-03-09', '2026-03-11', 10)), 201)
    )['offeringId'] as string;
    await ok(training.post(`/offerings/${certificateOffering}/open`, {}));
    const fatuma = await ok(
      training.post(`/offerings/${certificateOffering}/enrolments`, participant('Fatuma Njeri')),
      201,
    );
    await ok(training.post(`/offerings/${certificateOffering}/start`, {}));
    for (const day of ['2026-03-09', '2026-03-10', '2026-03-11'])
      await ok(
        training.post(`/offerings/${certificateOffering}/attendance`, {
          day,
          present: [fatuma['enrolmentId']],
        }),
      );
    await ok(
      training.post(`/offerings/${certificateOffering}/scores`, {
        enrolmentId: fatuma['enrolmentId'],
        preTest: 48,
        postTest: 86,
      }),
    );
    await ok(training.post(`/offerings/${certificateOffering}/complete`, {}));
    const completed = await ok(training.get(`/offerings/${certificateOffering}`));
    const holder = (completed['enrolments'] as Json[]).find(
      (e) => e['enrolmentId'] === fatuma['enrolmentId'],
    );
    verificationCode = holder?.['certificate']?.['verificationCode'];
    expect(verificationCode).toEqual(expect.any(String));
    await listed(nairobiOffering);
    await checkSays(verificationCode, 'valid');
  });

  afterAll(async () => {
    await h?.close();
  });

  const main = () => page.getByRole('main');
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const notice = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const rosterRow = (name: string) =>
    main().getByRole('table', { name: 'Roster' }).getByRole('row').filter({ hasText: name });
  const waitlist = () => main().getByRole('list', { name: 'Waitlist' });

  const signInAsAdmin = () => signInOnForm(page, 'admin', ADMIN_PASSWORD);

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the SFP Platform' }).waitFor();
  }

  it('enrolling past capacity puts the participant on the waitlist, as the offering page shows', async () => {
    await signInAsAdmin();
    await nav().getByRole('link', { name: 'Offering calendar' }).click();
    await page.getByRole('heading', { name: 'Offering calendar' }).waitFor();
    // Filtered to Africa, English, in November 2026: labels, not codes.
    await main().getByLabel('Region').selectOption({ label: 'Africa' });
    await main().getByLabel('Language').selectOption({ label: 'English' });
    await main().getByLabel('From').fill('2026-11-01');
    const calendar = main().getByRole('table', { name: 'Offerings' });
    const row = calendar.getByRole('row').filter({ hasText: '16 Nov 2026 – 18 Nov 2026' });
    await row.waitFor();
    expect(await textOf(row)).toContain('2 of 2');
    expect(await textOf(row)).toContain('Regional course');
    await row.getByRole('link').click();

    await page.getByRole('heading', { name: courseTitle }).waitFor();
    expect(await textOf(page.getByTestId('offering-status'))).toBe('Full');
    const enrol = page.getByRole('form', { name: 'Enrol a participant' });
    await enrol.getByText('Every seat is taken').waitFor();
    await enrol.getByLabel('Name', { exact: true }).fill('Chebet Kiprop');
    await enrol.getByLabel('E-mail', { exact: true }).fill(`chebet.kiprop.${run}@example.org`);
    await enrol
      .getByLabel('Organisation', { exact: true })
      .fill('Kenya Union of Savings and Credit Cooperatives');
    await enrol
      .getByLabel('Constituent group', { exact: true })
      .selectOption({ label: 'Workers’ organisation' });
    await enrol.getByLabel('Country', { exact: true }).fill('KE');
    await enrol.getByLabel('Sex', { exact: true }).selectOption({ label: 'Female' });
    await enrol.getByRole('button', { name: 'Enrol' }).click();

    await notice('The offering is full: Chebet Kiprop is on the waitlist, place 1.');
    await rosterRow('Chebet Kiprop').getByText('Waitlisted, place 1').waitFor();
    expect(await textOf(waitlist())).toContain('Chebet Kiprop');
    expect(await textOf(page.getByTestId('offering-seats'))).toBe('2 of 2 taken, 1 waiting');
    expect(await textOf(rosterRow('Amina Wanjiru'))).toContain('Enrolled');
    await h.screenshot('20-training-enrolled-onto-waitlist');
  });

  it('withdrawing an enrolled participant gives the seat to the first on the waitlist', async () => {
    // Still on the Nairobi offering, signed in.
    await rosterRow('Baraka Odhiambo').getByRole('button', { name: 'Withdraw' }).click();
    const withdraw = page.getByRole('form', { name: 'Withdraw Baraka Odhiambo' });
    await withdraw.getByLabel('Reason').fill('Mission to Kisumu in the week of the course');
    await withdraw.getByRole('button', { name: 'Withdraw' }).click();

    await notice('Baraka Odhiambo is withdrawn: the seat goes to the first on the waitlist.');
    await rosterRow('Chebet Kiprop').getByText('Enrolled', { exact: true }).waitFor();
    expect(await textOf(rosterRow('Baraka Odhiambo'))).toContain('Withdrawn');
    expect(await textOf(rosterRow('Baraka Odhiambo'))).toContain('Mission to Kisumu');
    await main().getByText('No one is waiting.').waitFor();
    expect(await textOf(page.getByTestId('offering-seats'))).toBe('2 of 2 taken');
    // Chebet now holds a seat: a row of the attendance grid, three days not yet recorded.
    const attendance = main().getByRole('table', { name: 'Attendance' });
    expect(
      await textOf(attendance.getByRole('row').filter({ hasText: 'Chebet Kiprop' })),
    ).toContain('0 of 3');
    await h.screenshot('21-training-withdrawal-promotes-waitlist');
  });

  it('anyone checks a certificate on the public page without signing in: valid, then revoked', async () => {
    await signOut();
    await page.goto(`/verify/${verificationCode}`);
    const check = page.getByTestId('certificate-check');
    await check.getByRole('heading', { name: 'This certificate is valid' }).waitFor();
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
    expect(await textOf(page.getByTestId('certificate-holder'))).toBe('Fatuma Njeri');
    expect(await textOf(check)).toContain(courseTitle);
    expect(await textOf(check)).toContain('09 Mar 2026 – 11 Mar 2026');
    await h.screenshot('22-training-certificate-valid');

    // An unknown code: said plainly.
    await page.getByLabel('Verification code').fill('ZZZZ-0000-NONE');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('heading', { name: 'No such certificate' }).waitFor();

    // The operator revokes it on the offering's page.
    await signInAsAdmin();
    await page.goto(`/training/offerings/${certificateOffering}`);
    await page.getByRole('heading', { name: courseTitle }).waitFor();
    expect(await textOf(page.getByTestId('offering-status'))).toBe('Completed');
    await rosterRow('Fatuma Njeri').getByRole('button', { name: 'Revoke certificate' }).click();
    const revoke = page.getByRole('form', { name: 'Revoke certificate Fatuma Njeri' });
    await revoke.getByLabel('Reason').fill('Attendance sheet of 10 March found falsified');
    await revoke.getByRole('button', { name: 'Revoke certificate' }).click();
    await notice('Fatuma Njeri’s certificate is revoked');
    await checkSays(verificationCode, 'revoked');
    await signOut();

    // The public check now says revoked.
    await page.goto(`/verify/${verificationCode}`);
    await check.getByRole('heading', { name: 'This certificate was revoked' }).waitFor();
    expect(await textOf(page.getByTestId('certificate-status'))).toBe('Revoked');
    expect(await textOf(page.getByTestId('certificate-holder'))).toBe('Fatuma Njeri');
    await h.screenshot('23-training-certificate-revoked');
  });

  it('a course owner writes a course in the editor (the API’s refusal beside its field) and publishes it', async () => {
    await signInAsAdmin();
    await nav().getByRole('link', { name: 'Course catalogue' }).click();
    await page.getByRole('heading', { name: 'Course catalogue' }).waitFor();
    // The catalogue names kinds, areas and audiences, never their codes.
    const listedCourse = main()
      .getByRole('table', { name: 'Courses' })
      .getByRole('row')
      .filter({ hasText: courseTitle });
    expect(await textOf(listedCourse)).toContain('Regional course');
    expect(await textOf(listedCourse)).toContain('Financial inclusion');
    expect(await textOf(listedCourse)).toContain('Government, Workers’ organisation');
    expect(await textOf(listedCourse)).toContain('English, French');

    await main().getByRole('link', { name: 'Write a course' }).click();
    const editor = page.getByRole('form', { name: 'Course' });
    const field = (label: string) => editor.getByLabel(label, { exact: true });
    await field('Code').fill(`SFP-SP-210-${run}`);
    await field('Kind').selectOption({ label: 'Turin course' });
    await field('Duration (hours)').fill('0');
    await field('Title').fill('Microinsurance and social protection for informal workers');
    await field('Learning objectives').fill(
      'Design a microinsurance product with a workers’ organisation\nExplain how social protection floors reach informal workers',
    );
    await field('Priority area').selectOption({ label: 'Microinsurance and social protection' });
    await editor.getByRole('checkbox', { name: 'Workers’ organisation' }).check();
    await editor.getByRole('checkbox', { name: 'Microinsurance' }).check();
    await field('Minimum post-test score (%)').fill('70');
    await editor.getByRole('button', { name: 'Save as a draft' }).click();

    // 0 hours is refused: the message stands beside the duration, which is corrected.
    const durationError = page.locator('.field:has([name="course.durationHours"]) .field-error');
    await durationError.waitFor();
    await field('Duration (hours)').fill('32');
    await editor.getByRole('button', { name: 'Save as a draft' }).click();

    await page
      .getByRole('heading', { name: 'Microinsurance and social protection for informal workers' })
      .waitFor();
    expect(await textOf(page.getByTestId('course-status'))).toBe('Draft');
    await main().getByRole('button', { name: 'Publish', exact: true }).click();
    await page
      .getByRole('form', { name: 'Publish the course' })
      .getByRole('button', { name: 'Publish' })
      .click();
    await notice('Course published');
    expect(await textOf(page.getByTestId('course-status'))).toBe('Published');
    expect(await textOf(main())).toContain('Turin course');
    expect(await textOf(main())).toContain('32 h');
    await h.screenshot('24-training-course-published');

    // An offering of it, planned and opened through the pages: online, in French, for a fee.
    await main().getByRole('link', { name: 'Plan an offering of this course' }).click();
    const planning = page.getByRole('form', { name: 'Offering' });
    const planField = (label: string) => planning.getByLabel(label, { exact: true });
    await planning
      .getByLabel('Course')
      .locator('option', { hasText: 'Microinsurance and social protection for informal workers' })
      .waitFor({ state: 'attached' });
    await planField('First day').fill('2026-06-08');
    await planField('Last day').fill('2026-06-12');
    await planField('Time zone').fill('Europe/Rome');
    await planField('Delivery').selectOption({ label: 'Online' });
    await planField('Link').fill('https://meet.example.org/sfp-sp-210');
    await planField('Region').selectOption({ label: 'Europe and Central Asia' });
    await planField('Country').fill('IT');
    await planField('Language').selectOption({ label: 'French' });
    await planField('Seats').fill('24');
    await planField('Trainers').fill('staff-mrossi, staff-lbianchi');
    await planField('Funding').selectOption({ label: 'Participants pay a fee' });
    await planField('Fee').fill('1200');
    await planField('Currency').fill('EUR');
    await planning.getByRole('button', { name: 'Plan the offering' }).click();
    await page
      .getByRole('heading', { name: 'Microinsurance and social protection for informal workers' })
      .waitFor();
    expect(await textOf(page.getByTestId('offering-status'))).toBe('Planned');
    expect(await textOf(main())).toContain('08 Jun 2026 – 12 Jun 2026');
    expect(await textOf(main())).toContain('€1,200.00 per participant');
    await main().getByRole('button', { name: 'Open for enrolment' }).click();
    await page
      .getByRole('form', { name: 'Open for enrolment' })
      .getByRole('button', { name: 'Open for enrolment' })
      .click();
    await notice('The offering is open for enrolment.');
    expect(await textOf(page.getByTestId('offering-status'))).toBe('Open for enrolment');
    await page
      .getByRole('form', { name: 'Enrol a participant' })
      .getByText('24 of 24 seats free')
      .waitFor();
  });

  it('an analyst reads the training figures of March 2026: labels and formatted figures', async () => {
    // Still signed in as the administrator, who may read reports.
    await nav().getByRole('link', { name: 'Participation and results' }).click();
    await page.getByRole('heading', { name: 'Training statistics' }).waitFor();
    await main().getByLabel('From').fill('2026-03-01');
    await main().getByLabel('To', { exact: true }).fill('2026-03-31');
    const figures = main().locator('dl.figures');
    // Fatuma Njeri alone: completed, 48 % then 86 % at the tests.
    await figures.getByText('100 % of 1').waitFor();
    expect(await textOf(figures)).toContain('+38 points (1 participant)');
    const byKind = main().getByRole('table', { name: 'Completion by kind of course' });
    expect(await textOf(byKind)).toContain('Regional course');
    expect(await textOf(byKind)).not.toContain('regional-course');
    await main()
      .getByRole('img', { name: /Participants by constituent group: Workers’ organisation 1/ })
      .waitFor();
    await h.screenshot('25-training-statistics');
  });

  it('runs an offering: starts it, records a day’s attendance in the grid, a participant’s scores and an evaluation', async () => {
    await page.goto(`/training/offerings/${nairobiOffering}`);
    await page.getByRole('heading', { name: courseTitle }).waitFor();
    await main().getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('form', { name: 'Start' }).getByRole('button', { name: 'Start' }).click();
    await notice('The offering has started');
    expect(await textOf(page.getByTestId('offering-status'))).toBe('Running');

    // Monday 16 November: Amina present, Chebet absent.
    const attendanceForm = page.getByRole('form', { name: 'Record a day’s attendance' });
    expect(await attendanceForm.getByLabel('Day').inputValue()).toBe('2026-11-16');
    await attendanceForm.getByRole('checkbox', { name: 'Chebet Kiprop' }).uncheck();
    await attendanceForm.getByRole('button', { name: 'Record attendance' }).click();
    await notice('Attendance of 16 Nov 2026 recorded: 1 of 2 present.');
    const grid = main().getByRole('table', { name: 'Attendance' });
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual([
      'Participant',
      'Mon 16 Nov',
      'Tue 17 Nov',
      'Wed 18 Nov',
      'Days present',
    ]);
    const amina = grid.getByRole('row').filter({ hasText: 'Amina Wanjiru' });
    const chebet = grid.getByRole('row').filter({ hasText: 'Chebet Kiprop' });
    await amina.getByLabel('Present').waitFor();
    expect(await textOf(amina)).toContain('1 of 3');
    await chebet.getByLabel('Absent').waitFor();
    expect(await textOf(chebet)).toContain('0 of 3');

    const scoresForm = page.getByRole('form', { name: 'Record test scores' });
    await scoresForm.getByLabel('Participant').selectOption({ label: 'Amina Wanjiru' });
    await scoresForm.getByLabel('Pre-test (%)').fill('52');
    await scoresForm.getByLabel('Post-test (%)').fill('84');
    await scoresForm.getByRole('button', { name: 'Record scores' }).click();
    await notice('Scores of Amina Wanjiru recorded.');
    const scores = main()
      .getByRole('table', { name: 'Test scores' })
      .getByRole('row')
      .filter({ hasText: 'Amina Wanjiru' });
    expect(await scores.getByRole('cell').allTextContents()).toEqual([
      'Amina Wanjiru',
      '52 %',
      '84 %',
      '+32 points',
    ]);
    await h.screenshot('26-training-attendance-and-scores');

    // Chebet answers the questionnaire: it is counted, never shown by name.
    const evaluation = page.getByRole('form', { name: 'Record an evaluation' });
    await evaluation.getByLabel('Participant').selectOption({ label: 'Chebet Kiprop' });
    await evaluation
      .getByLabel('The content was relevant')
      .selectOption({ label: '5 – strongly agree' });
    await evaluation.getByLabel('Overall satisfaction').selectOption({ label: '4 – agree' });
    await evaluation.getByRole('button', { name: 'Record the evaluation' }).click();
    await notice('Evaluation recorded');
    await main().getByText('1 submitted').waitFor();
  });
});
