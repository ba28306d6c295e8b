import 'reflect-metadata';
import type { TSchema } from '@sinclair/typebox';
import {
  DEFAULT_REVIEW_POLICY,
  type LinkageSuggestion,
  type ProposalDefinition,
} from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import type { PlatformUser } from '@sfp/service-kit';
import { startEmbeddedContextHost, type EmbeddedContextHost } from '@sfp/service-kit/testing';
import { expectConforms } from '@sfp/testing';
import { KnowledgeBaseEvents } from './intervention-tool/application/knowledge-base-events.subscription';
import { TrainingTools } from './intervention-tool/application/training-tools.subscription';
import { LinkageSuggestionsSchema } from './proposal/application/linkages/linkage-suggestions.schema';
import {
  ProposalCommandResultSchema,
  ProposalVersionAnswerSchema,
} from './proposal/application/proposal.answers';
import { qualityMonitoringService } from './quality-monitoring.service';
import {
  PolicyPublishedSchema,
  ReviewPolicySchema,
} from './review-policy/application/review-policy.schema';
import { decisionBody, proposalBody, ratingsBody, reviewBody } from './testing';

type Json = Record<string, any>;

const HEALTHY = '3a1f6c2e-5b7d-4e9a-8c10-2d4f6a8b0c1e';
const RISKY = '7e9d1b3c-2a4f-4c6e-9b8d-0f1a3c5e7d92';
const UNKNOWN = '5c7e9a1b-3d5f-4a7c-8e9b-1d3f5a7c9e0b';
const COURSE = '9b2d4f6a-8c0e-4a2c-9e4f-6a8c0e2a4c6e';

const user = (id: string, username: string, active = true): PlatformUser => ({
  id,
  username,
  displayName: username,
  roles: ['operator'],
  active,
});
const USERS = [
  user('u-amina', 'amina.diallo'),
  user('u-joseph', 'joseph.mensah'),
  user('u-former', 'former.reviewer', false),
  user('u-coordinator', 'coordinator'),
];
const as = (id: string, role = 'operator', department?: string) =>
  `person:${id}:${role}${department ? `:${department}` : ''}`;

let sequence = 0;
/** A knowledge-base or training event as it arrives on that context's topic. */
function sourceEvent(type: string, data: Json, occurredAt: string): RecordedEvent {
  sequence += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId: `source-${sequence}`,
    streamVersion: 1,
    position: sequence,
    data,
    correlationId: `corr-${sequence}`,
    actor: { kind: 'person', id: 'kb-officer' },
    occurredAt,
  } as unknown as RecordedEvent;
}

const registered = (institutionId: string, name: string, country: string) =>
  sourceEvent(
    'knowledge-base.InstitutionRegistered',
    { institutionId, name, country, kind: 'mfi' },
    '2025-11-03T09:00:00.000Z',
  );
const reportFiled = (institutionId: string, name: string, par30: number, oss: number) =>
  sourceEvent(
    'knowledge-base.PerformanceReportFiled',
    {
      reportId: `report-${institutionId}`,
      institutionId,
      version: 1,
      period: { start: '2025-01-01', end: '2025-12-31' },
      institution: { name, country: 'GH' },
      ratios: {
        par30: { value: par30 },
        oss: { value: oss },
        operatingExpenseRatio: { value: 0.21 },
      },
      filedAt: '2026-02-10T10:00:00.000Z',
    },
    '2026-02-10T10:00:00.000Z',
  );

/**
 * The quality-monitoring service as the embedded platform hosts it (SQLite,
 * the embedded bus, the real command pipeline and subscriptions): a proposal
 * walked through a review by two reviewers with a reconciliation, a red flag
 * that refuses an approval, a resubmission, a linkage accepted; each answer
 * conforms to the schema the OpenAPI document gives it.
 */
describe('quality-monitoring routes and their answers', () => {
  let host: EmbeddedContextHost;
  let now = new Date('2026-03-02T08:00:00.000Z');

  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    principal = as('u-coordinator', 'operator', 'SKILLS'),
  ): Promise<{ status: number; body: Json; headers: Headers }> => {
    const response = await fetch(`${host.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-test-principal': principal },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Json) : {},
      headers: response.headers,
    };
  };
  const conforms = (schema: TSchema, answer: { status: number; body: Json }, status = 200) => {
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status });
    expectConforms(schema, answer.body);
    return answer.body;
  };
  const fieldsOf = (answer: { body: Json }) =>
    (answer.body['fieldErrors'] as Array<{ field: string }> | undefined)?.map((e) => e.field);
  const submit = async (proposal: ProposalDefinition) =>
    conforms(ProposalVersionAnswerSchema, await call('POST', '/proposals', proposal), 201);

  beforeAll(async () => {
    host = await startEmbeddedContextHost(qualityMonitoringService, {
      clock: () => now,
      users: USERS,
    });
    const kb = host.app.get(KnowledgeBaseEvents, { strict: false });
    const training = host.app.get(TrainingTools, { strict: false });
    for (const event of [
      registered(HEALTHY, 'Sinapi Aba Savings and Loans', 'GH'),
      registered(RISKY, 'Caisse Populaire de Tamale', 'GH'),
      reportFiled(HEALTHY, 'Sinapi Aba Savings and Loans', 0.041, 1.18),
      reportFiled(RISKY, 'Caisse Populaire de Tamale', 0.142, 0.93),
    ])
      await kb.handle(event);
    await training.handle(
      sourceEvent(
        'training.CourseCreated',
        {
          courseId: COURSE,
          revision: 1,
          course: {
            title: 'Credit lines to savings groups: pricing for cost recovery',
            themes: ['gender', 'cooperatives'],
            learningObjectives: ['Price a group loan for cost recovery'],
          },
        },
        '2026-01-15T09:00:00.000Z',
      ),
    );
  });

  afterAll(async () => {
    await host?.close();
  });

  it('refuses an unknown partner on its field, and answers 404 for an unknown proposal', async () => {
    const refused = await call(
      'POST',
      '/proposals',
      proposalBody({ partnerInstitutionIds: [HEALTHY, UNKNOWN] }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body['code']).toBe('UNKNOWN_PARTNER_INSTITUTION');
    expect(fieldsOf(refused)).toEqual(['partnerInstitutionIds.1']);

    const missing = await call('POST', `/proposals/${UNKNOWN}/withdraw`, { reason: 'Not ours' });
    expect(missing.status).toBe(404);
    expect(missing.body['code']).toBe('PROPOSAL_NOT_FOUND');
  });

  it('walks a large proposal through two reviews, their reconciliation and an approval, then accepts a linkage', async () => {
    const submitted = await call(
      'POST',
      '/proposals',
      proposalBody({
        department: undefined as unknown as string,
        budget: 1_500_000,
        budgetUsd: 1_500_000,
        partnerInstitutionIds: [HEALTHY],
      }),
    );
    const answer = conforms(ProposalVersionAnswerSchema, submitted, 201);
    expect(answer['version']).toBe(1);
    const id = String(answer['proposalId']);
    expect(submitted.headers.get('location')).toBe(`/api/quality-monitoring/proposals/${id}`);

    // Reviewers are active platform users, named by username; above 1 M USD two are required.
    const ghost = await call('POST', `/proposals/${id}/reviewers`, {
      reviewers: ['amina.diallo', 'nobody.here'],
    });
    expect({ status: ghost.status, fields: fieldsOf(ghost) }).toEqual({
      status: 400,
      fields: ['reviewers.1'],
    });
    const disabled = await call('POST', `/proposals/${id}/reviewers`, {
      reviewers: ['former.reviewer', 'joseph.mensah'],
    });
    expect({ status: disabled.status, fields: fieldsOf(disabled) }).toEqual({
      status: 400,
      fields: ['reviewers.0'],
    });
    // One reviewer starts the review; the decision will wait for the second (required above 1 M USD).
    now = new Date('2026-03-03T09:00:00.000Z');
    conforms(
      ProposalCommandResultSchema,
      await call('POST', `/proposals/${id}/reviewers`, { reviewers: ['amina.diallo'] }),
    );
    conforms(
      ProposalCommandResultSchema,
      await call('POST', `/proposals/${id}/reviewers`, {
        reviewers: ['amina.diallo', 'joseph.mensah'],
      }),
    );
    const assigned = (await host.events.readStream(`proposal-${id}`)).map((e) => e.type);
    expect(assigned).toEqual(
      expect.arrayContaining([
        'quality-monitoring.ReviewStarted',
        'quality-monitoring.ReviewersReassigned',
      ]),
    );

    // The calling reviewer rates: a draft, then the review; someone else may not.
    const policy = DEFAULT_REVIEW_POLICY;
    const stranger = await call(
      'POST',
      `/proposals/${id}/ratings`,
      { ratings: ratingsBody(policy, 4).slice(0, 3) },
      as('u-coordinator'),
    );
    expect({ status: stranger.status, code: stranger.body['code'] }).toEqual({
      status: 403,
      code: 'NOT_A_REVIEWER',
    });
    conforms(
      ProposalCommandResultSchema,
      await call(
        'POST',
        `/proposals/${id}/ratings`,
        { ratings: ratingsBody(policy, 4).slice(0, 3) },
        as('u-amina'),
      ),
    );
    now = new Date('2026-03-05T14:00:00.000Z');
    conforms(
      ProposalCommandResultSchema,
      await call('POST', `/proposals/${id}/review`, reviewBody(policy, 4), as('u-amina')),
    );
    conforms(
      ProposalCommandResultSchema,
      await call(
        'POST',
        `/proposals/${id}/review`,
        reviewBody(policy, (criterion) => (criterion === 'partner-appraisal' ? 2 : 4)),
        as('u-joseph'),
      ),
    );

    // The reviews diverge on the partner appraisal: no decision before they are reconciled.
    const early = await call('POST', `/proposals/${id}/decision`, decisionBody('approved'));
    expect({ status: early.status, code: early.body['code'] }).toEqual({
      status: 409,
      code: 'REVIEW_NOT_READY',
    });
    conforms(
      ProposalCommandResultSchema,
      await call('POST', `/proposals/${id}/reconciliation`, {
        ratings: ratingsBody(policy, (criterion) => (criterion === 'partner-appraisal' ? 3 : 4)),
        note: 'Agreed on 3 after reading the partner’s audited 2025 statements',
      }),
    );
    now = new Date('2026-03-10T11:00:00.000Z');
    conforms(
      ProposalCommandResultSchema,
      await call(
        'POST',
        `/proposals/${id}/decision`,
        decisionBody('approved-with-conditions', ['Sound channel, pricing and partner']),
      ),
    );

    // The course shares the theme gender and the instrument credit line: suggested, then accepted.
    const suggested = conforms(
      LinkageSuggestionsSchema,
      await call('GET', `/proposals/${id}/linkage-suggestions`),
    );
    const course = (suggested['items'] as LinkageSuggestion[]).find(
      (s) => s.toolRef === `course:${COURSE}`,
    );
    expect(course).toMatchObject({
      kind: 'course',
      context: 'training',
      match: { sharedThemes: ['gender'], sharedInstruments: ['credit-line'] },
    });
    expect(course?.reason).toMatch(/gender/i);
    const unknownTool = await call('POST', `/proposals/${id}/linkages`, {
      toolRef: `course:${UNKNOWN}`,
    });
    expect({ status: unknownTool.status, fields: fieldsOf(unknownTool) }).toEqual({
      status: 400,
      fields: ['toolRef'],
    });
    conforms(
      ProposalCommandResultSchema,
      await call(
        'POST',
        `/proposals/${id}/linkages`,
        { toolRef: `course:${COURSE}`, note: 'The course trains the partner’s loan officers' },
        as('u-amina'),
      ),
    );
    const after = await call('GET', `/proposals/${id}/linkage-suggestions`);
    expect(
      (after.body['items'] as LinkageSuggestion[]).find((s) => s.toolRef === `course:${COURSE}`)
        ?.decision,
    ).toBe('accepted');
    const events = await host.events.readStream(`proposal-${id}`);
    const accepted = events.find((e) => e.type === 'quality-monitoring.LinkageAccepted');
    expect(accepted?.data).toMatchObject({
      proposalId: id,
      department: 'SKILLS',
      toolRef: `course:${COURSE}`,
      toolTitle: 'Credit lines to savings groups: pricing for cost recovery',
      acceptedBy: 'amina.diallo',
    });
  });

  it('refuses an approval that a partner’s red flag blocks, then takes a resubmission as version 2', async () => {
    now = new Date('2026-04-06T08:00:00.000Z');
    const id = String(
      (await submit(proposalBody({ partnerInstitutionIds: [RISKY] })))['proposalId'],
    );
    conforms(
      ProposalCommandResultSchema,
      await call('POST', `/proposals/${id}/reviewers`, { reviewers: ['amina.diallo'] }),
    );
    const started = (await host.events.readStream(`proposal-${id}`)).find(
      (e) => e.type === 'quality-monitoring.ReviewStarted',
    );
    expect(started?.data).toMatchObject({
      reviewers: ['amina.diallo'],
      policyVersion: 1,
      partnerRatios: [
        expect.objectContaining({ institutionId: RISKY, par30: 0.142, reportVersion: 1 }),
      ],
    });
    const flags = (started?.data as Json)['redFlags'] as Array<{ flag: string }>;
    expect(flags.map((f) => f.flag)).toEqual(
      expect.arrayContaining(['partner-par30-above-threshold', 'partner-oss-below-threshold']),
    );

    now = new Date('2026-04-08T08:00:00.000Z');
    conforms(
      ProposalCommandResultSchema,
      await call(
        'POST',
        `/proposals/${id}/review`,
        reviewBody(DEFAULT_REVIEW_POLICY, 5),
        as('u-amina'),
      ),
    );
    const blocked = await call('POST', `/proposals/${id}/decision`, decisionBody('approved'));
    expect({ status: blocked.status, code: blocked.body['code'] }).toEqual({
      status: 409,
      code: 'RED_FLAG_BLOCKS_APPROVAL',
    });
    conforms(
      ProposalCommandResultSchema,
      await call(
        'POST',
        `/proposals/${id}/decision`,
        decisionBody('revise-and-resubmit', ['Choose a partner with a sound portfolio']),
      ),
    );

    now = new Date('2026-05-04T08:00:00.000Z');
    const resubmitted = conforms(
      ProposalVersionAnswerSchema,
      await call('POST', `/proposals/${id}/resubmit`, {
        proposal: proposalBody({ partnerInstitutionIds: [HEALTHY] }),
        changeNote: 'Sinapi Aba replaces the Tamale caisse as the partner',
      }),
    );
    expect(resubmitted['version']).toBe(2);
    conforms(
      ProposalCommandResultSchema,
      await call('POST', `/proposals/${id}/reviewers`, { reviewers: ['joseph.mensah'] }),
    );
    const restarted = (await host.events.readStream(`proposal-${id}`)).filter(
      (e) => e.type === 'quality-monitoring.ReviewStarted',
    );
    expect(restarted.at(-1)?.data).toMatchObject({
      version: 2,
      reviewNumber: 2,
      redFlags: [],
      partnerRatios: [expect.objectContaining({ institutionId: HEALTHY })],
    });
  });

  it('answers the policy in force and its versions, and publishes the next', async () => {
    const inForce = conforms(ReviewPolicySchema, await call('GET', '/review-policy'));
    expect(inForce['version']).toBe(1);
    const published = conforms(
      PolicyPublishedSchema,
      await call(
        'POST',
        '/review-policy',
        {
          ...DEFAULT_REVIEW_POLICY,
          thresholds: { ...DEFAULT_REVIEW_POLICY.thresholds, par30Max: 0.08 },
          note: 'Stricter PAR30 threshold after the 2026 portfolio review',
        },
        as('u-admin', 'administrator'),
      ),
      201,
    );
    expect(published['version']).toBe(2);
    const second = conforms(ReviewPolicySchema, await call('GET', '/review-policy/versions/2'));
    expect(second['thresholds']).toMatchObject({ par30Max: 0.08 });
    expect((await call('GET', '/review-policy')).body['version']).toBe(2);
    const none = await call('GET', '/review-policy/versions/9');
    expect({ status: none.status, code: none.body['code'] }).toEqual({
      status: 404,
      code: 'REVIEW_POLICY_NOT_FOUND',
    });
  });
});
