import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { decodeEventMessage, encodeEventMessage, type RunningConsumer } from '@sfp/messaging';
import { startEmbeddedContextHost, type EmbeddedContextHost } from '@sfp/service-kit/testing';
import { httpClient } from '@sfp/testing';
import { innovationResearchService } from '../src/innovation-research.service';
import { SlippageCheck } from '../src/research-project/application/check-slippage/slippage-check.worker';
import {
  COST_BENEFIT,
  findingBody,
  projectBody,
} from '../src/research-project/application/testing/research-requests';

type Json = Record<string, any>;

/** Polls `probe` until it gives a value (or fails after `timeoutMs`). */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The research context as the embedded platform hosts it (SQLite stores, the
 * embedded bus, the platform's validation pipe and error filter): partner
 * institutions learnt from the knowledge base's public events, a project moved
 * through every phase over HTTP with its guards, its findings published as a
 * public event and corrected; stale versions and bad bodies refused.
 */
describe('research projects over HTTP (embedded e2e)', () => {
  let host: EmbeddedContextHost;
  let http: ReturnType<typeof httpClient>;
  let watcher: RunningConsumer;
  const published: RecordedEvent[] = [];
  const partner = randomUUID();

  beforeAll(async () => {
    host = await startEmbeddedContextHost(innovationResearchService, {
      clock: () => new Date('2025-02-10T09:00:00Z'),
    });
    http = httpClient(host.url);
    watcher = await host.bus.consume({
      groupId: 'e2e-research-watcher',
      topics: ['sfp.innovation-research.events'],
      fromBeginning: true,
      handler: async (message) => {
        published.push(decodeEventMessage(message));
      },
    });
  });

  afterAll(async () => {
    await watcher?.stop();
    await host?.close();
  });

  const at = (iso: string) => {
    host.clock.now = () => new Date(iso);
  };

  /** The knowledge base registers an institution: its public event, as its outbox relay publishes it. */
  async function knowledgeBaseRegisters(institutionId: string): Promise<void> {
    const event: RecordedEvent = {
      eventId: randomUUID(),
      type: 'knowledge-base.InstitutionRegistered',
      schemaVersion: 1,
      streamId: `institution-${institutionId}`,
      streamVersion: 1,
      position: 1,
      occurredAt: '2025-01-20T10:00:00.000Z',
      recordedAt: '2025-01-20T10:00:00.050Z',
      correlationId: randomUUID(),
      actor: { kind: 'person', id: 'kb-officer-1' },
      data: {
        institutionId,
        name: 'Crédit Mutuel du Sénégal',
        kind: 'microfinance-institution',
        legalType: 'cooperative',
        country: 'SN',
        region: 'africa',
        programmes: [],
        registeredBy: 'kb-officer-1',
        registeredAt: '2025-01-20T10:00:00.000Z',
      },
    };
    await host.bus.publish('sfp.knowledge-base.events', [encodeEventMessage(event)]);
  }

  it('accepts a partner institution once the knowledge base has published it', async () => {
    const body = projectBody({ partnerInstitutionIds: [partner] });
    const refused = await http.post<Json>('/projects', body);
    expect(refused.status).toBe(400);
    expect(refused.body['code']).toBe('UNKNOWN_PARTNER_INSTITUTION');
    expect(refused.body['fieldErrors']).toEqual([
      expect.objectContaining({ field: 'partnerInstitutionIds.0' }),
    ]);

    await knowledgeBaseRegisters(partner);
    const accepted = await eventually(async () => {
      const answer = await http.post<Json>('/projects', body);
      return answer.status === 201 ? answer : undefined;
    });
    expect(accepted.headers.get('location')).toBe(
      `/api/innovation-research/projects/${accepted.body['projectId']}`,
    );
    expect(accepted.headers.get('etag')).toBe('"1"');
  });

  it('moves a project through every phase, refusing what its guards forbid, and publishes its findings', async () => {
    await knowledgeBaseRegisters(partner);
    const proposed = await eventually(async () => {
      const answer = await http.post<Json>(
        '/projects',
        projectBody({ partnerInstitutionIds: [partner] }),
      );
      return answer.status === 201 ? answer : undefined;
    });
    const id = proposed.body['projectId'] as string;
    const post = (path: string, body?: object) => http.post<Json>(`/projects/${id}${path}`, body);
    const ok = async (path: string, body?: object) => {
      const answer = await post(path, body);
      expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 200 });
      return answer;
    };
    const guarded = async (path: string, body?: object) => {
      const answer = await post(path, body);
      expect({ path, status: answer.status, code: answer.body['code'] }).toEqual({
        path,
        status: 409,
        code: 'PHASE_GUARD',
      });
    };
    const advance = (to: string) => ok('/advance', { to });

    await ok('/approve', { note: 'Research committee, 10 February 2025' });
    await advance('diagnostic-survey');
    await advance('innovation-design');
    await guarded('/advance', { to: 'baseline-survey' });
    await ok('/approve-design', { note: 'Product terms agreed with the partner bank' });
    await advance('baseline-survey');
    const planned = await ok('/milestones', {
      phase: 'baseline-survey',
      title: 'Baseline dataset cleaned and archived',
      plannedOn: '2025-06-30',
    });
    const milestoneId = planned.body['milestoneId'] as string;
    expect(milestoneId).toMatch(/^[0-9a-f-]{36}$/);
    await guarded('/advance', { to: 'pilot' });

    // The milestone slips: the check flags it once, by the context's clock.
    at('2025-07-03T06:00:00Z');
    const check = host.app.get(SlippageCheck);
    expect(await check.check()).toBe(1);
    expect(await check.check()).toBe(0);
    // The calendar shows it slipping, three days late on the day it was flagged.
    const slipping = await eventually(async () => {
      const calendar = await http.get<Json>(`/milestones?projectId=${id}`);
      expect(calendar.status).toBe(200);
      const items = calendar.body['items'] as Json[];
      return items.some((m) => m['state'] === 'slipping') ? items : undefined;
    });
    expect(slipping).toEqual([expect.objectContaining({ milestoneId, state: 'slipping' })]);

    at('2025-08-04T09:00:00Z');
    await ok('/survey-rounds', {
      kind: 'baseline',
      number: 0,
      completedOn: '2025-07-28',
      sample: { treatment: 1200, comparison: 1180 },
    });
    await ok(`/milestones/${milestoneId}/complete`, {
      completedOn: '2025-08-02',
      deliverables: [
        {
          title: 'Baseline report',
          kind: 'report',
          url: 'https://docs.example.org/research/sn-crop-baseline.pdf',
        },
      ],
    });
    await advance('pilot');
    await advance('follow-up-survey');
    await guarded('/advance', { to: 'impact-analysis' });
    at('2026-08-10T09:00:00Z');
    await ok('/survey-rounds', {
      kind: 'follow-up',
      number: 1,
      completedOn: '2026-07-31',
      sample: { treatment: 1150, comparison: 1130 },
    });
    await advance('impact-analysis');
    await ok('/findings', findingBody());
    await guarded('/advance', { to: 'cost-benefit-analysis' });
    await ok(
      '/findings',
      findingBody({
        hypothesisId: 'H2',
        verdict: 'not-supported',
        effect: { size: 12000, unit: 'CFA francs', standardError: 15000 },
      }),
    );
    await advance('cost-benefit-analysis');
    await guarded('/publish', { summary: 'Children work less in insured households' });
    const analysed = await ok('/cost-benefit', COST_BENEFIT);
    expect(analysed.body['result']['netPresentValue']).toBeCloseTo(900, 9);
    expect(analysed.body['result']['benefitCostRatio']).toBeCloseTo(1.5625, 9);
    await ok('/recommendations', {
      recommendations: [
        {
          audience: 'policy',
          text: 'Subsidise index insurance premiums where child labour is high',
        },
      ],
    });
    const first = await ok('/publish', {
      summary: 'Insured households cut children’s work by 1.8 hours a week; assets unchanged.',
    });
    expect(first.body['publicationVersion']).toBe(1);
    await ok('/close', { note: 'Final report delivered to the donor' });
    const noReason = await post('/publish', { summary: 'A second version without its reason' });
    expect(noReason.status).toBe(400);
    const correction = await ok('/publish', {
      summary: 'Insured households cut children’s work by 1.8 hours a week; assets unchanged.',
      correctionReason: 'The comparison group’s sample size was misreported',
    });
    expect(correction.body['publicationVersion']).toBe(2);

    const publications = await eventually(async () => {
      const found = published.filter(
        (e) =>
          e.type === 'innovation-research.FindingsPublished' &&
          (e.data as Json)['publication']['projectId'] === id,
      );
      return found.length === 2 ? found : undefined;
    });
    expect(publications.map((e) => (e.data as Json)['publication'])).toEqual([
      expect.objectContaining({
        version: 1,
        outcome: 'completed',
        partnerInstitutionIds: [partner],
      }),
      expect.objectContaining({
        version: 2,
        correctionReason: 'The comparison group’s sample size was misreported',
      }),
    ]);
  });

  it('refuses a stale If-Match and a bad body, with the fields at fault', async () => {
    const proposed = await http.post<Json>('/projects', projectBody({ partnerInstitutionIds: [] }));
    expect(proposed.status).toBe(201);
    const id = proposed.body['projectId'] as string;
    const approved = await http.post<Json>(`/projects/${id}/approve`, {}, { 'if-match': '"1"' });
    expect(approved.status).toBe(200);
    expect(approved.headers.get('etag')).toBe('"2"');
    const stale = await http.post<Json>(
      `/projects/${id}/advance`,
      { to: 'diagnostic-survey' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body['code']).toBe('WRONG_EXPECTED_VERSION');

    const illegal = await http.post<Json>(`/projects/${id}/approve`, {});
    expect(illegal.status).toBe(409);
    expect(illegal.body['code']).toBe('ILLEGAL_TRANSITION');

    const bad = await http.post<Json>('/projects', {
      ...projectBody({ partnerInstitutionIds: [] }),
      hypotheses: [],
      design: { method: 'rct' },
      countries: ['Senegal'],
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body['fieldErrors'] as Json[]).map((f) => f['field']);
    expect(fields).toEqual(
      expect.arrayContaining(['hypotheses', 'design.unitOfRandomisation', 'countries']),
    );
    for (const error of bad.body['fieldErrors'] as Json[])
      expect(error['messages'].length).toBeGreaterThan(0);

    const noInterval = await http.post<Json>(`/projects/${id}/findings`, {
      ...findingBody(),
      effect: { size: -1.8, unit: 'hours per week' },
    });
    expect(noInterval.status).toBe(400);
    expect(noInterval.body['fieldErrors']).toEqual([
      expect.objectContaining({ field: 'effect.standardError' }),
    ]);

    const unknown = await http.post<Json>(`/projects/${randomUUID()}/approve`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body['code']).toBe('RESEARCH_PROJECT_NOT_FOUND');
  });
  it('documents every command route: its operation, answer and refusals', async () => {
    const root = httpClient(host.url.replace(/\/api\/innovation-research$/, ''));
    const doc = await root.get<Json>('/api/docs-json');
    expect(doc.status).toBe(200);
    const commands = Object.entries(doc.body['paths'] as Record<string, Json>)
      .filter(([path]) => path.startsWith('/api/innovation-research/projects'))
      .flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([method]) => method === 'post')
          .map(([, op]) => ({
            path,
            operationId: (op as Json)['operationId'],
            responses: Object.keys((op as Json)['responses'] as Json).sort(),
          })),
      );
    expect(commands.map((c) => c.operationId).sort()).toEqual([
      'abandonResearchProject',
      'advanceResearchPhase',
      'approveResearchInnovationDesign',
      'approveResearchProject',
      'closeResearchProject',
      'completeResearchMilestone',
      'planResearchMilestone',
      'proposeResearchProject',
      'publishResearchFindings',
      'recordResearchCostBenefit',
      'recordResearchFinding',
      'recordResearchRecommendations',
      'recordResearchSurveyRound',
      'rescheduleResearchMilestone',
      'resumeResearchProject',
      'reviseResearchProject',
      'suspendResearchProject',
    ]);
    for (const command of commands.filter((c) => c.operationId !== 'proposeResearchProject'))
      expect(command.responses).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
    expect(commands.find((c) => c.operationId === 'proposeResearchProject')).toMatchObject({
      path: '/api/innovation-research/projects',
      responses: expect.arrayContaining(['201', '400']),
    });
    expect(commands.find((c) => c.operationId === 'completeResearchMilestone')?.path).toBe(
      '/api/innovation-research/projects/{id}/milestones/{milestoneId}/complete',
    );
  });
});
