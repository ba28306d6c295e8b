import 'reflect-metadata';
import type { TSchema } from '@sinclair/typebox';
import { DEFAULT_REVIEW_POLICY } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import type { PlatformUser } from '@sfp/service-kit';
import { startEmbeddedContextHost, type EmbeddedContextHost } from '@sfp/service-kit/testing';
import { expectConforms } from '@sfp/testing';
import { KnowledgeBaseEvents } from './intervention-tool/application/knowledge-base-events.subscription';
import {
  QualityPartnerSchema,
  QualityProposalDetailSchema,
  QualityProposalDiffSchema,
  QualityProposalPageSchema,
} from './proposal/projections/quality-proposal.schemas';
import {
  InterventionToolPageSchema,
  QualityApprovalRatesSchema,
  QualityDeficienciesSchema,
  QualityLinkageMapSchema,
  QualityPortfolioSchema,
  QualityTurnaroundSchema,
} from './proposal/projections/quality-reports.schemas';
import { qualityMonitoringService } from './quality-monitoring.service';
import { decisionBody, proposalBody, resubmissionBody, reviewBody } from './testing';

type Json = Record<string, any>;

const PARTNER = '3a1f6c2e-5b7d-4e9a-8c10-2d4f6a8b0c1e';
const USERS: PlatformUser[] = [
  {
    id: 'u-amina',
    username: 'amina.diallo',
    displayName: 'Amina Diallo',
    roles: ['operator'],
    active: true,
  },
];
const as = (id: string, role = 'operator') => `person:${id}:${role}`;

const kbEvent = (type: string, data: Json, at: string, n: number): RecordedEvent =>
  ({
    eventId: `00000000-0000-4000-8000-00000000000${n}`,
    type,
    schemaVersion: 1,
    streamId: `kb-${n}`,
    streamVersion: 1,
    position: n,
    data,
    correlationId: `corr-${n}`,
    actor: { kind: 'person', id: 'kb-officer' },
    occurredAt: at,
  }) as unknown as RecordedEvent;

/**
 * The read routes over HTTP on the embedded host: the queue with its
 * filters (as the query string carries them) and CSV, a proposal's detail,
 * the diff of a resubmission, the tools, a partner and the five reports;
 * every answer conforms to the schema the OpenAPI document gives it, and bad
 * queries are 400s naming the field.
 */
describe('quality-monitoring read routes', () => {
  let host: EmbeddedContextHost;
  let now = new Date('2026-03-02T08:00:00.000Z');
  let id = '';
  let position = 0;

  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    principal = as('u-coordinator'),
  ): Promise<{ status: number; body: Json; text: string; headers: Headers }> => {
    const response = await fetch(`${host.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-test-principal': principal },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    const answer = {
      status: response.status,
      body: json && text ? (JSON.parse(text) as Json) : {},
      text,
      headers: response.headers,
    };
    if (typeof answer.body['position'] === 'number')
      position = Math.max(position, answer.body['position']);
    return answer;
  };
  const read = async (schema: TSchema, path: string) => {
    const answer = await call(
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`,
    );
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    expectConforms(schema, answer.body);
    return answer.body;
  };

  beforeAll(async () => {
    host = await startEmbeddedContextHost(qualityMonitoringService, {
      clock: () => now,
      users: USERS,
    });
    const kb = host.app.get(KnowledgeBaseEvents, { strict: false });
    await kb.handle(
      kbEvent(
        'knowledge-base.InstitutionRegistered',
        {
          institutionId: PARTNER,
          name: 'Sinapi Aba Savings and Loans',
          country: 'GH',
          kind: 'mfi',
        },
        '2025-11-03T09:00:00.000Z',
        1,
      ),
    );
    await kb.handle(
      kbEvent(
        'knowledge-base.PerformanceReportFiled',
        {
          reportId: `report-${PARTNER}`,
          institutionId: PARTNER,
          version: 1,
          period: { start: '2025-01-01', end: '2025-12-31' },
          institution: { name: 'Sinapi Aba Savings and Loans', country: 'GH' },
          ratios: {
            par30: { value: 0.041 },
            oss: { value: 1.18 },
            operatingExpenseRatio: { value: 0.21 },
          },
          filedAt: '2026-02-10T10:00:00.000Z',
        },
        '2026-02-10T10:00:00.000Z',
        2,
      ),
    );
    const submitted = await call(
      'POST',
      '/proposals',
      proposalBody({ partnerInstitutionIds: [PARTNER] }),
    );
    if (submitted.status !== 201) throw new Error(JSON.stringify(submitted.body));
    id = String(submitted.body['proposalId']);
    position = Math.max(position, Number(submitted.body['position'] ?? 0));
    now = new Date('2026-03-03T09:00:00.000Z');
    await call('POST', `/proposals/${id}/reviewers`, { reviewers: ['amina.diallo'] });
    now = new Date('2026-03-05T09:00:00.000Z');
    await call(
      'POST',
      `/proposals/${id}/review`,
      reviewBody(DEFAULT_REVIEW_POLICY, (c) => (c === 'monitoring-plan' ? 2 : 4)),
      as('u-amina'),
    );
    now = new Date('2026-03-09T09:00:00.000Z');
    const decided = await call(
      'POST',
      `/proposals/${id}/decision`,
      decisionBody('revise-and-resubmit', ['The monitoring plan has no baseline']),
    );
    expect(decided.status).toBe(200);
    now = new Date('2026-03-16T09:00:00.000Z');
    const resubmitted = await call(
      'POST',
      `/proposals/${id}/resubmit`,
      resubmissionBody(
        proposalBody({
          partnerInstitutionIds: [PARTNER],
          exitStrategy:
            'The partner takes the fund over in year three, with a baseline survey first',
        }),
        'A baseline survey added to the exit strategy',
      ),
    );
    expect(resubmitted.status).toBeLessThan(300);
    now = new Date('2026-03-18T09:00:00.000Z');
  }, 60_000);

  afterAll(async () => {
    await host?.close();
  });

  it('lists the queue by the filters the query string carries, and as CSV', async () => {
    const page = await read(
      QualityProposalPageSchema,
      '/proposals?status=submitted,under-review&decided=false',
    );
    expect(page['items']).toEqual([
      expect.objectContaining({
        proposalId: id,
        version: 2,
        status: 'submitted',
        ageWorkingDays: 2,
      }),
    ]);
    expect((await read(QualityProposalPageSchema, '/proposals?status=rejected'))['items']).toEqual(
      [],
    );
    expect(
      (await read(QualityProposalPageSchema, '/proposals?reviewer=amina.diallo'))['items'],
    ).toEqual([]);
    const csv = await call('GET', '/proposals?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toMatch(/^proposalId,title,status,version,department/);
    const bad = await call('GET', '/proposals?status=lost&instrument=loan');
    expect(bad.status).toBe(400);
    expect(
      (bad.body['fieldErrors'] as Array<{ field: string }>).map((e) => e.field).sort(),
    ).toEqual(['instrument', 'status']);
  });

  it('answers the detail with its ETag, the review and the service level of the new version', async () => {
    const answer = await call('GET', `/proposals/${id}?minPosition=${position}`);
    expect(answer.status).toBe(200);
    expectConforms(QualityProposalDetailSchema, answer.body);
    expect(answer.headers.get('etag')).toBe(`"${answer.body['streamVersion']}"`);
    expect(answer.body['reviews'][0]).toMatchObject({
      reviewNumber: 1,
      decision: { decision: 'revise-and-resubmit' },
      partnerRatios: [
        expect.objectContaining({ institutionId: PARTNER, newerReportAvailable: false }),
      ],
    });
    expect(answer.body['serviceLevel']).toMatchObject({
      workingDays: 15,
      workingDaysElapsed: 2,
      overdue: false,
    });
    expect(
      (await call('GET', '/proposals/6f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f')).body,
    ).toMatchObject({
      status: 404,
      code: 'PROPOSAL_NOT_FOUND',
    });
  });

  it('diffs the resubmission against version 1 with the earlier comments, and refuses a version that is not there', async () => {
    const diff = await read(QualityProposalDiffSchema, `/proposals/${id}/diff`);
    expect(diff).toMatchObject({ from: 1, to: 2 });
    expect(diff['changes'].length).toBeGreaterThan(0);
    expect(diff['previousReview']).toMatchObject({ decision: 'revise-and-resubmit' });
    expect((await call('GET', `/proposals/${id}/diff?from=1&to=5`)).body).toMatchObject({
      status: 404,
      code: 'PROPOSAL_VERSION_NOT_FOUND',
    });
    expect((await call('GET', `/proposals/${id}/diff?from=0`)).status).toBe(400);
  });

  it('answers the tools, a partner and the reports in their schemas', async () => {
    await read(InterventionToolPageSchema, '/tools?kind=course&active=true');
    expect(await read(QualityPartnerSchema, `/partners/${PARTNER}`)).toMatchObject({
      name: 'Sinapi Aba Savings and Loans',
      ratios: { par30: 0.041 },
    });
    expect((await call('GET', '/partners/unknown-institution')).status).toBe(404);
    const turnaround = await read(
      QualityTurnaroundSchema,
      '/reports/turnaround?from=2026-03-01&to=2026-04-01',
    );
    expect(turnaround).toMatchObject({ decisions: 1, medianWorkingDays: 5 });
    const rates = await read(QualityApprovalRatesSchema, '/reports/approval-rates');
    expect(rates['overall']).toMatchObject({ decided: 1, reviseAndResubmit: 1, approvalRate: 0 });
    const deficiencies = await read(QualityDeficienciesSchema, '/reports/deficiencies');
    expect(deficiencies['criteria']).toEqual([{ key: 'monitoring-plan', decisions: 1, share: 1 }]);
    expect(await read(QualityPortfolioSchema, '/reports/portfolio')).toMatchObject({
      proposals: 0,
    });
    await read(QualityLinkageMapSchema, '/reports/linkage-map');
    const csv = await call('GET', '/reports/deficiencies?format=csv');
    expect(csv.text).toBe('kind,key,decisions,share\r\ncriterion,monitoring-plan,1,1\r\n');
  });
});
