/** Bodies of the training context's requests, as an operator or a department's system sends them. */

type Json = Record<string, unknown>;

/** A course with a completion rule: 80 % attendance and 70 % at the post-test. */
export function courseBody(overrides: Json = {}): Json {
  return {
    course: {
      code: 'SFP-MF-101',
      title: 'Microfinance for decent work: an introduction',
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
      ...overrides,
    },
  };
}

/** An offering in Nairobi, 16 to 18 November 2026, for `capacity` participants. */
export function offeringBody(courseId: string, planOverrides: Json = {}): Json {
  return {
    courseId,
    plan: {
      schedule: { startsOn: '2026-11-16', endsOn: '2026-11-18', timeZone: 'Africa/Nairobi' },
      delivery: { mode: 'in-person', venue: 'KCB Leadership Centre, Karen, Nairobi' },
      region: 'africa',
      country: 'KE',
      language: 'en',
      capacity: 2,
      trainers: ['staff-mrossi', 'staff-akamau'],
      funding: { kind: 'sponsored', sponsor: 'Mastercard Foundation' },
      ...planOverrides,
    },
  };
}

/** A participant from a workers' organisation, named by `who` (unique e-mail per name and run). */
export function enrolmentBody(
  who: string,
  run: string,
  overrides: Json = {},
): { participant: Json & { email: string } } {
  return {
    participant: {
      name: who,
      email: `${who.toLowerCase().replace(/[^a-z]+/g, '.')}.${run}@example.org`,
      organisation: 'Central Organisation of Trade Unions (Kenya)',
      constituentGroup: 'workers-organisation',
      country: 'KE',
      sex: 'female',
      staff: false,
      ...overrides,
    },
  };
}
