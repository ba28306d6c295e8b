import { signIn } from '@sfp/testing';
import {
  exampleAssessment,
  institutionRegistration,
  workedExampleA,
} from '@sfp/knowledge-base/testing';
import type { OpenApiDocument } from '../fuzz/openapi-fuzz';
import { seedQualityMonitoring } from './known-quality-records';
import { seedResearch } from './known-research-records';
import { SERVICE_REQUEST } from './test-platform';

export interface KnownRecords {
  /** Existing ids by the path before the parameter, e.g. '/api/help-desk/service-requests/'. */
  known: Map<string, string[]>;
  /** The headers of a user whose session an operation may end (sign-out, password change). */
  sacrificial: Record<string, string>;
  /** Bodies the domain accepts, by operation (`POST /api/...`). */
  acceptedBodies: Record<string, unknown>;
  /** The lowest head of the host's event stores once the records are made (0 with none). */
  headPosition: number;
}

export interface CallAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

/** A JSON call to the platform with `headers` (the administrator's by default). */
export function callerOf(url: string, defaults: Record<string, string>) {
  return async (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = defaults,
  ): Promise<CallAnswer> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
}

const INSTITUTION = institutionRegistration();
const TARGET = {
  scope: 'institution',
  indicator: 'oss',
  comparator: 'at-least',
  threshold: 1,
  tolerance: 0.1,
  dueDate: '2026-12-31',
};
const IMPACT_ASSESSMENT = exampleAssessment();
const COURSE = {
  course: {
    code: 'SFP-MF-101',
    title: 'Microfinance for decent work: an introduction',
    kind: 'regional-course',
    learningObjectives: ['Assess a savings and credit cooperative against decent-work criteria'],
    themes: ['microinsurance'],
    audiences: ['government', 'workers-organisation'],
    durationHours: 24,
    priorityArea: 'financial-inclusion',
    languages: ['en', 'fr'],
    owner: 'staff-mrossi',
    supervisorApprovalRequired: false,
    completionRule: { minAttendancePercent: 50 },
  },
};
const offeringOf = (courseId: string) => ({
  courseId,
  plan: {
    schedule: { startsOn: '2026-11-16', endsOn: '2026-11-17', timeZone: 'Africa/Nairobi' },
    delivery: { mode: 'in-person', venue: 'KCB Leadership Centre, Karen, Nairobi' },
    region: 'africa',
    country: 'KE',
    language: 'en',
    capacity: 20,
    trainers: ['staff-mrossi'],
    funding: { kind: 'sponsored', sponsor: 'Mastercard Foundation' },
  },
});
const participant = (name: string) => ({
  participant: {
    name,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
    organisation: 'Central Organisation of Trade Unions (Kenya)',
    constituentGroup: 'workers-organisation',
    country: 'KE',
    sex: 'female',
    staff: false,
  },
});
/** Bodies the domain accepts, so hostile changes start from them (else from the document's examples). */
export const ACCEPTED_BODIES: Record<string, unknown> = {
  'POST /api/auth/users': {
    username: 'fuzz.created',
    displayName: 'Created',
    roles: ['operator'],
    department: 'SFP',
    password: 'seven blue lanterns 2026',
  },
  'POST /api/auth/me/password': {
    currentPassword: 'quiet river stones 2026',
    newPassword: 'quiet river stones 2026',
  },
  'POST /api/help-desk/service-requests': SERVICE_REQUEST,
  'POST /api/help-desk/service-requests/{id}/triage': {
    kind: 'programme-guidance',
    themes: ['youth'],
    priority: 'high',
  },
  'POST /api/help-desk/service-requests/{id}/comments': { text: 'Called the requester' },
  'POST /api/help-desk/requester/{token}/replies': { text: 'Thank you, more detail below' },
  'POST /api/knowledge-base/institutions': INSTITUTION,
  'POST /api/knowledge-base/impact-assessments': IMPACT_ASSESSMENT,
  'POST /api/knowledge-base/impact-assessments/{id}/revisions': IMPACT_ASSESSMENT,
  'POST /api/knowledge-base/practice-notes': {
    title: 'Safety checklists',
    summary: 'Fewer accidents.',
    practiceKind: 'good-practice',
    themes: ['occupational-safety-and-health'],
    tags: ['ghana'],
  },
  'POST /api/knowledge-base/practice-notes/{id}/revisions': {
    title: 'Safety checklists',
    summary: 'Fewer accidents.',
    practiceKind: 'lesson',
    themes: ['youth'],
    tags: [],
  },
};

/** The link of the first mail to a requester the local SMTP sink caught (none without the sink). */
async function requesterLinkOf(call: ReturnType<typeof callerOf>): Promise<string | undefined> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const sent = await call('GET', '/api/help-desk/sent-mail', undefined);
    if (sent.status !== 200 || sent.body?.sink !== true) return undefined;
    for (const mail of (sent.body.caught ?? []) as Array<{ text: string }>) {
      const link = /\/requester\/([A-Za-z0-9_~-]+)/.exec(mail.text)?.[1];
      if (link) return link;
    }
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A few records of each kind, so path parameters can name existing ones
 * (cheaply: one of each), made through the API as the administrator, and a
 * sacrificial user for the operations that end the caller's session.
 */
export async function seedKnownRecords(
  url: string,
  admin: Record<string, string>,
  doc: OpenApiDocument,
): Promise<KnownRecords> {
  const call = callerOf(url, admin);
  const known = new Map<string, string[]>();
  const remember = (prefix: string, ...ids: unknown[]) => {
    const values = ids.filter((id): id is string => typeof id === 'string' && id !== '');
    known.set(prefix, [...new Set([...(known.get(prefix) ?? []), ...values])]);
  };
  const acceptedBodies: Record<string, unknown> = { ...ACCEPTED_BODIES };
  const password = 'quiet river stones 2026';
  const victim = await call('POST', '/api/auth/users', {
    username: 'fuzz.sacrificial',
    displayName: 'Sacrificial',
    roles: ['operator'],
    department: 'SFP',
    password,
  });
  expect(victim.status).toBe(201);
  const sacrificial = await signIn(url, 'fuzz.sacrificial', password);
  const target = await call('POST', '/api/auth/users', {
    username: 'fuzz.target',
    displayName: 'Target',
    roles: ['analyst'],
    department: 'SFP',
    password: 'green hills morning 2026',
  });
  expect(target.status).toBe(201);
  remember('/api/auth/users/', target.body?.user?.id);

  const client = await call('POST', '/api/auth/clients', {
    name: 'fuzz-erp',
    department: 'FINANCE',
  });
  expect(client.status).toBe(201);
  remember('/api/auth/clients/', client.body?.id);
  const key = await call('POST', `/api/auth/clients/${client.body?.id}/keys`, { label: 'fuzz' });
  expect(key.status).toBe(201);
  remember(`/api/auth/clients/{id}/keys/`, key.body?.key?.id);

  // Each context the host serves (a standalone service serves one).
  const serves = (path: string) => path in doc.paths;
  if (serves('/api/help-desk/service-requests')) {
    const request = await call('POST', '/api/help-desk/service-requests', SERVICE_REQUEST);
    expect(request.status).toBe(201);
    remember('/api/help-desk/service-requests/', request.body?.requestId);
    // A file on it (its bytes as the body): downloads and lists have one to answer with.
    const attachment = await fetch(
      `${url}/api/help-desk/service-requests/${request.body?.requestId}/attachments?filename=terms.pdf`,
      { method: 'POST', headers: admin, body: '%PDF-1.7\nterms\n' },
    );
    expect(attachment.status).toBe(201);
    remember(
      '/api/help-desk/service-requests/{id}/attachments/',
      ((await attachment.json()) as { attachmentId?: string }).attachmentId,
    );
    // The requester's signed link, from the mail the local SMTP sink caught (embedded only).
    remember('/api/help-desk/requester/', await requesterLinkOf(call));
  }
  if (serves('/api/knowledge-base/institutions')) {
    await seedKnowledgeBase(call, admin, remember, acceptedBodies);
  }
  if (serves('/api/training/courses')) {
    await seedTraining(call, admin, remember, acceptedBodies);
  }
  if (serves('/api/innovation-research/projects')) {
    await seedResearch(call, admin, remember, acceptedBodies);
  }
  if (serves('/api/quality-monitoring/proposals')) {
    await seedQualityMonitoring(call, admin, remember, acceptedBodies);
    // The knowledge base's institution, which quality monitoring learns of in the platform.
    remember(
      '/api/quality-monitoring/partners/',
      ...(known.get('/api/knowledge-base/institutions/') ?? []),
    );
  }

  // Names the host lists: projections, reporting views.
  const valuesIn = <T>(value: unknown, key: string, out: T[] = []): T[] => {
    if (Array.isArray(value)) value.forEach((v) => valuesIn(v, key, out));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === key && (typeof v === 'string' || typeof v === 'number')) out.push(v as T);
        else valuesIn(v, key, out);
      }
    }
    return out;
  };
  const namesIn = (value: unknown, keys: string[]) =>
    keys.flatMap((k) => valuesIn<string>(value, k));
  const heads: number[] = [];
  for (const context of ['help-desk', 'knowledge-base', 'training', 'quality-monitoring']) {
    if (!serves(`/api/${context}/projections`)) continue;
    const statuses = (await call('GET', `/api/${context}/projections`, undefined)).body;
    remember(`/api/${context}/projections/`, ...namesIn(statuses, ['name']));
    heads.push(...valuesIn<number>(statuses, 'headPosition'));
  }
  if (serves('/api/reporting/views')) {
    const platformProjections = (await call('GET', '/api/reporting/projections', undefined)).body;
    heads.push(...valuesIn<number>(platformProjections, 'headPosition'));
    remember('/api/reporting/projections/', ...namesIn(platformProjections, ['context']));
    remember('/api/reporting/projections/{context}/', ...namesIn(platformProjections, ['name']));
    const views = (await call('GET', '/api/reporting/views', undefined)).body?.views as
      | Array<{ name?: string }>
      | undefined;
    remember('/api/reporting/views/', ...(views ?? []).map((v) => v.name));
  }
  return {
    known,
    sacrificial,
    acceptedBodies,
    headPosition: heads.length ? Math.min(...heads) : 0,
  };
}

/** An active institution with a performance report and a target, an impact assessment and a practice note. */
async function seedKnowledgeBase(
  call: ReturnType<typeof callerOf>,
  admin: Record<string, string>,
  remember: (prefix: string, ...ids: unknown[]) => void,
  acceptedBodies: Record<string, unknown>,
): Promise<void> {
  const institution = await call('POST', '/api/knowledge-base/institutions', INSTITUTION);
  expect(institution.status).toBe(201);
  const institutionId = institution.body?.id as string;
  remember('/api/knowledge-base/institutions/', institutionId);
  remember('/api/knowledge-base/portfolios/', 'sfp-youth-employment');
  await call(
    'POST',
    `/api/knowledge-base/institutions/${institutionId}/activate`,
    {},
    { ...admin, 'if-match': '"1"' },
  );
  // A performance report: worked example A of docs/knowledge-base.md.
  const report = await call(
    'POST',
    `/api/knowledge-base/institutions/${institutionId}/performance-reports`,
    workedExampleA(),
  );
  expect(report.status).toBe(201);
  remember('/api/knowledge-base/performance-reports/', report.body?.id);
  acceptedBodies['POST /api/knowledge-base/targets'] = { ...TARGET, institutionId };
  const target2 = await call('POST', '/api/knowledge-base/targets', { ...TARGET, institutionId });
  expect(target2.status).toBe(201);
  remember('/api/knowledge-base/targets/', target2.body?.id);
  const assessment = await call(
    'POST',
    '/api/knowledge-base/impact-assessments',
    IMPACT_ASSESSMENT,
  );
  expect(assessment.status).toBe(201);
  remember('/api/knowledge-base/impact-assessments/', assessment.body?.id);
  const note = await call('POST', '/api/knowledge-base/practice-notes', {
    title: 'Safety checklists in loan appraisal',
    summary: 'Loan officers walked clients through a checklist; fewer accidents.',
    practiceKind: 'good-practice',
    themes: ['occupational-safety-and-health'],
    tags: ['ghana'],
    institutionIds: [institutionId],
    assessmentIds: [assessment.body?.id],
  });
  expect(note.status).toBe(201);
  remember('/api/knowledge-base/practice-notes/', note.body?.id);
  acceptedBodies['POST /api/knowledge-base/practice-notes'] = {
    ...(acceptedBodies['POST /api/knowledge-base/practice-notes'] as object),
    institutionIds: [institutionId],
    assessmentIds: [assessment.body?.id],
  };
}

/**
 * A published course; an offering open for enrolment with one participant;
 * and a completed one, whose participant holds a certificate.
 */
async function seedTraining(
  call: ReturnType<typeof callerOf>,
  admin: Record<string, string>,
  remember: (prefix: string, ...ids: unknown[]) => void,
  acceptedBodies: Record<string, unknown>,
): Promise<void> {
  const command = async (path: string, body: unknown, version: number, status = 200) => {
    const answer = await call('POST', path, body, { ...admin, 'if-match': `"${version}"` });
    expect(answer.status).toBe(status);
    return answer;
  };
  const course = await call('POST', '/api/training/courses', COURSE);
  expect(course.status).toBe(201);
  const courseId = course.body?.courseId as string;
  remember('/api/training/courses/', courseId);
  acceptedBodies['POST /api/training/courses'] = COURSE;
  acceptedBodies['POST /api/training/courses/{id}/revisions'] = { ...COURSE, reason: 'Updated' };
  await command(`/api/training/courses/${courseId}/publish`, {}, 1);
  acceptedBodies['POST /api/training/offerings'] = offeringOf(courseId);
  acceptedBodies['POST /api/training/offerings/{id}/enrolments'] = participant('Grace Wanjiru');

  const offering = async (who: string) => {
    const planned = await call('POST', '/api/training/offerings', offeringOf(courseId));
    expect(planned.status).toBe(201);
    const id = planned.body?.offeringId as string;
    remember('/api/training/offerings/', id);
    await command(`/api/training/offerings/${id}/open`, {}, 1);
    const enrolled = await call(
      'POST',
      `/api/training/offerings/${id}/enrolments`,
      participant(who),
    );
    expect(enrolled.status).toBe(201);
    const enrolmentId = enrolled.body?.enrolmentId as string;
    remember('/api/training/offerings/{id}/enrolments/', enrolmentId);
    return { id, enrolmentId, version: enrolled.body?.streamVersion as number };
  };
  await offering('Amina Odhiambo');
  const done = await offering('Joseph Mwangi');
  let version = done.version;
  const next = async (path: string, body: unknown) =>
    (version = (await command(`/api/training/offerings/${done.id}/${path}`, body, version)).body
      ?.streamVersion as number);
  await next('start', {});
  await next('attendance', { day: '2026-11-16', present: [done.enrolmentId] });
  await next('scores', { enrolmentId: done.enrolmentId, preTest: 45, postTest: 80 });
  await next('complete', {});
  const roster = await call('GET', `/api/training/offerings/${done.id}/roster`, undefined);
  expect(roster.status).toBe(200);
  const certificate = (
    roster.body?.enrolments as Array<{ certificate?: Record<string, string> }> | undefined
  )?.[0]?.certificate;
  expect(certificate?.verificationCode).toEqual(expect.any(String));
  remember('/api/training/offerings/{id}/certificates/', certificate?.certificateId);
  remember('/api/training/certificates/', certificate?.verificationCode);

  const programme = {
    title: 'Social finance capacity for Kenyan trade unions, 2026',
    scope: {
      kind: 'organisation',
      organisation: 'Central Organization of Trade Unions (Kenya)',
      constituentGroup: 'workers-organisation',
      country: 'KE',
    },
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  };
  const launched = await call('POST', '/api/training/programmes', programme);
  expect(launched.status).toBe(201);
  const programmeId = launched.body?.programmeId as string;
  remember('/api/training/programmes/', programmeId);
  acceptedBodies['POST /api/training/programmes'] = programme;
  acceptedBodies['POST /api/training/programmes/{id}/targets'] = {
    targets: [{ indicator: 'people-trained', value: 40, dueOn: '2026-12-31' }],
  };
  acceptedBodies['POST /api/training/programmes/{id}/offerings'] = { offeringId: done.id };
}
