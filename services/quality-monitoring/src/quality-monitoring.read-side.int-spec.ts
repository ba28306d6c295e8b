import type { Response } from 'express';
import type {
  InterventionTool,
  QualityApprovalRates,
  QualityDeficiencies,
  QualityLinkageMap,
  QualityPortfolioSummary,
  QualityProposalListEntry,
  QualityTurnaroundSummary,
} from '@sfp/contracts';
import { MongoEventStore } from '@sfp/event-sourcing';
import { newEvent } from '@sfp/event-sourcing/testing';
import { MongoReadModelStore, ProjectionEngine } from '@sfp/projections';
import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import {
  InterventionToolNoted,
  PartnerInstitutionNoted,
  PartnerRatiosNoted,
} from './intervention-tool/domain/intervention-tool.events';
import { QualityToolsQueryController } from './intervention-tool/projections/quality-tools.http.controller';
import {
  CriteriaRated,
  LinkageAccepted,
  ProposalDecided,
  ProposalSubmitted,
  ReviewStarted,
  type ProposalEvent,
} from './proposal/domain/proposal.events';
import {
  approved,
  at,
  definition,
  HEAD,
  history,
  KUSCCO,
  kusccoRatios,
  policy,
  proposalId,
  ratingsOf,
  resubmitted,
  REVIEWER,
  reviewedByBoth,
  SECOND_REVIEWER,
  sentBack,
  stimaRatios,
} from './proposal/domain/testing/proposal.fixtures';
import { QualityProposalsQueryController } from './proposal/projections/quality-proposals.http.controller';
import { QualityReportsQueryController } from './proposal/projections/quality-reports.http.controller';
import { ReviewPolicyPublished } from './review-policy/domain/review-policy.events';
import {
  REVIEW_POLICY_STREAM,
  interventionToolStreamId,
  partnerInstitutionStreamId,
  partnerRatiosStreamId,
  proposalStreamId,
} from './quality-monitoring.context';
import { QUALITY_PROJECTIONS } from './quality-monitoring.read-side';

type Page<T> = { items: T[]; nextCursor?: string };

/** Wednesday 1 April 2026. */
const TODAY = new Date('2026-04-01T08:00:00.000Z');
const RESUBMITTED = 'proposal-ke-sacco-guarantee-2025';
const FLAGGED = 'proposal-sn-revolving-fund-2026';

/** The fixture proposal's events as another proposal's. */
const asProposal = (id: string, events: ProposalEvent[]): ProposalEvent[] =>
  events.map(
    (e) =>
      ({
        type: e.type,
        data: JSON.parse(JSON.stringify(e.data).split(proposalId).join(id)),
      }) as ProposalEvent,
  );

/** A revolving fund lent directly by a project in Senegal, without an exit strategy: rejected. */
const flaggedDefinition = {
  ...definition,
  title: 'Revolving fund for market women in Thiès',
  department: 'Regional Office, Dakar',
  countries: ['SN'],
  currency: 'XOF',
  budget: 300_000_000,
  budgetUsd: 495_000,
  financialComponent: {
    ...definition.financialComponent,
    instrument: 'revolving-fund' as const,
    channel: 'direct-by-project' as const,
    amount: 240_000_000,
  },
  exitStrategy: '',
};
const flaggedEvents: ProposalEvent[] = [
  ProposalSubmitted.of({
    proposalId: FLAGGED,
    version: 1,
    proposal: flaggedDefinition,
    origin: { channel: 'kafka', submittedBy: 'project-system-dakar' },
    submittedAt: '2026-03-09T09:00:00.000Z',
  }),
  ReviewStarted.of({
    proposalId: FLAGGED,
    version: 1,
    reviewNumber: 1,
    reviewers: [REVIEWER],
    secondReviewerRequired: false,
    policyVersion: 1,
    policy,
    partnerRatios: [],
    partnersWithoutReport: [],
    redFlags: [
      { flag: 'direct-lending', detail: 'A revolving fund lent directly by the project' },
      { flag: 'no-exit-strategy', detail: 'The proposal has no exit strategy' },
    ],
    startedBy: HEAD,
    startedAt: '2026-03-10T09:00:00.000Z',
  }),
  CriteriaRated.of({
    proposalId: FLAGGED,
    reviewNumber: 1,
    reviewer: REVIEWER,
    ratings: ratingsOf(2, { 'decent-work-relevance': 4 }),
    ratedAt: '2026-03-11T09:00:00.000Z',
  }),
];

const tool: InterventionTool = {
  toolRef: 'course:course-guarantee-funds',
  kind: 'course',
  toolId: 'course-guarantee-funds',
  context: 'training',
  title: 'Managing guarantee funds with SACCOs',
  themes: ['cooperatives'],
  countries: ['KE', 'UG'],
  regions: ['africa'],
  partnerInstitutionIds: [KUSCCO],
  instruments: ['guarantee-fund'],
  active: true,
  updatedAt: '2026-01-15T09:00:00.000Z',
};

const response = () => {
  const headers: Record<string, string> = {};
  return {
    headers,
    res: {
      setHeader: (name: string, value: string) => (headers[name] = value),
    } as unknown as Response,
  };
};

describe('quality-monitoring read side (projections on FerretDB)', () => {
  let database: TestDatabase;
  let eventStore: MongoEventStore;
  let engine: ProjectionEngine;
  let proposals: QualityProposalsQueryController;
  let tools: QualityToolsQueryController;
  let reports: QualityReportsQueryController;
  let position = 0;

  const append = async (streamId: string, events: Array<{ type: string; data: unknown }>) => {
    const result = await eventStore.append(
      streamId,
      'any',
      events.map((e) => newEvent({ type: e.type, data: e.data })),
    );
    position = Math.max(position, ...result.positions);
  };

  beforeAll(async () => {
    database = await createTestDatabase('quality_monitoring_read');
    eventStore = await MongoEventStore.open(database.connection, {
      collection: 'events',
      pollIntervalMs: 30,
      claimTimeoutMs: 2_000,
    });
    await append(partnerInstitutionStreamId(KUSCCO), [
      PartnerInstitutionNoted.of({
        institutionId: KUSCCO,
        name: kusccoRatios.name,
        country: 'KE',
        status: 'active',
        sourceEventId: 'kb-event-1',
        notedAt: '2026-01-10T09:00:00.000Z',
      }),
    ]);
    await append(partnerRatiosStreamId(KUSCCO), [
      PartnerRatiosNoted.of({
        ratios: kusccoRatios,
        sourceEventId: 'kb-event-2',
        notedAt: kusccoRatios.reportedAt,
      }),
    ]);
    await append(partnerRatiosStreamId(stimaRatios.institutionId), [
      PartnerRatiosNoted.of({
        ratios: stimaRatios,
        sourceEventId: 'kb-event-3',
        notedAt: stimaRatios.reportedAt,
      }),
    ]);
    await append(interventionToolStreamId(tool.toolRef), [
      InterventionToolNoted.of({
        tool,
        sourceEventId: 'training-event-1',
        sourceEventType: 'training.CourseCatalogued',
        notedAt: tool.updatedAt,
      }),
    ]);
    await append(proposalStreamId(proposalId), [
      ...history.approved,
      LinkageAccepted.of({
        proposalId,
        proposalTitle: definition.title,
        department: definition.department,
        toolRef: tool.toolRef,
        kind: 'course',
        toolId: tool.toolId,
        context: 'training',
        toolTitle: tool.title,
        score: 0.71,
        reason: 'Shares the theme cooperatives, the country Kenya and the partner KUSCCO',
        acceptedBy: REVIEWER,
        acceptedAt: at(11),
      }),
    ]);
    await append(
      proposalStreamId(RESUBMITTED),
      asProposal(RESUBMITTED, [...reviewedByBoth, sentBack, resubmitted]),
    );
    await append(proposalStreamId(FLAGGED), flaggedEvents);
    engine = new ProjectionEngine({
      eventStore,
      store: new MongoReadModelStore(database.connection),
      pollIntervalMs: 10,
    });
    for (const projection of QUALITY_PROJECTIONS) engine.register(projection);
    await engine.start();
    const clock = () => TODAY;
    proposals = new QualityProposalsQueryController(engine, clock);
    tools = new QualityToolsQueryController(engine);
    reports = new QualityReportsQueryController(engine);
  }, 60_000);

  afterAll(async () => {
    await engine?.stop();
    await eventStore?.close();
    await database?.cleanup();
  });

  const list = async (query: object) =>
    (await proposals.list(
      { minPosition: position, ...query },
      response().res,
    )) as Page<QualityProposalListEntry>;

  it('lists the review queue by status, channel, country, reviewer and words, oldest submission first', async () => {
    const all = await list({});
    expect(all.items.map((p) => p.proposalId)).toEqual([proposalId, FLAGGED, RESUBMITTED]);
    expect((await list({ status: ['under-review'] })).items.map((p) => p.proposalId)).toEqual([
      FLAGGED,
    ]);
    expect((await list({ channel: 'direct-by-project' })).items.map((p) => p.proposalId)).toEqual([
      FLAGGED,
    ]);
    expect((await list({ country: 'SN' })).items.map((p) => p.proposalId)).toEqual([FLAGGED]);
    expect((await list({ reviewer: SECOND_REVIEWER })).items.map((p) => p.proposalId)).toEqual([
      proposalId,
    ]);
    expect((await list({ q: 'revolving thies' })).items.map((p) => p.proposalId)).toEqual([
      FLAGGED,
    ]);
    expect((await list({ decided: 'false' })).items.map((p) => p.proposalId)).toEqual([
      FLAGGED,
      RESUBMITTED,
    ]);
    const flagged = all.items.find((p) => p.proposalId === FLAGGED);
    // Submitted Monday 9 March; 15 working days: due Monday 30 March; today is Wednesday 1 April.
    expect(flagged).toMatchObject({
      redFlags: 2,
      dueOn: '2026-03-30',
      ageWorkingDays: 17,
      overdue: true,
    });
    const csv = String(await proposals.list({ format: 'csv' }, response().res));
    expect(csv.split('\r\n')[0]).toContain('proposalId,title,status,version,department');
  });

  it('answers the detail with the frozen ratios, then shows a restatement beside them', async () => {
    const { res, headers } = response();
    const before = await proposals.detail({ id: proposalId }, { minPosition: position }, res);
    expect(headers['ETag']).toBe(`"${before.streamVersion}"`);
    expect(before.serviceLevel).toMatchObject({ workingDaysElapsed: 8, met: true });
    expect(
      before.reviews[0]?.partnerRatios.map((p) => [p.institutionId, p.newerReportAvailable]),
    ).toEqual([
      [KUSCCO, false],
      [stimaRatios.institutionId, false],
    ]);
    await append(partnerRatiosStreamId(KUSCCO), [
      PartnerRatiosNoted.of({
        ratios: {
          ...kusccoRatios,
          reportVersion: 2,
          par30: 0.132,
          reportedAt: '2026-03-25T09:00:00.000Z',
        },
        sourceEventId: 'kb-event-4',
        notedAt: '2026-03-25T09:00:00.000Z',
      }),
    ]);
    await tools.partner({ institutionId: KUSCCO }, { minPosition: position });
    const after = await proposals.detail({ id: proposalId }, {}, response().res);
    const [kuscco] = after.reviews[0]?.partnerRatios ?? [];
    expect(kuscco).toMatchObject({
      par30: 0.064,
      reportVersion: 1,
      newerReportAvailable: true,
      latest: { reportVersion: 2 },
    });
    expect(await tools.partner({ institutionId: KUSCCO }, {})).toMatchObject({
      name: kusccoRatios.name,
      country: 'KE',
      ratios: { reportVersion: 2, par30: 0.132 },
    });
  });

  it('shows a draft’s live score and the red flags of the review under way', async () => {
    const detail = await proposals.detail(
      { id: FLAGGED },
      { minPosition: position },
      response().res,
    );
    expect(detail.reviews[0]?.redFlags.map((f) => f.flag)).toEqual([
      'direct-lending',
      'no-exit-strategy',
    ]);
    expect(detail.reviews[0]?.reviews[0]).toMatchObject({ reviewer: REVIEWER, submitted: false });
    expect(detail.reviews[0]?.reviews[0]?.score).toBeGreaterThan(0);
  });

  it('diffs a resubmission against the version before, with the earlier comments', async () => {
    const diff = await proposals.diff({ id: RESUBMITTED }, { minPosition: position });
    expect(diff).toMatchObject({ from: 1, to: 2 });
    expect(diff.changes.map((c) => c.label)).toEqual(['Budget', 'Budget (USD)']);
    expect(diff.previousReview?.decision).toBe('revise-and-resubmit');
    expect(diff.previousReview?.comments.length).toBeGreaterThan(0);
    await expect(proposals.diff({ id: RESUBMITTED }, { from: 1, to: 3 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      proposals.detail({ id: 'proposal-unknown' }, {}, response().res),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('gives a version not yet in review the service level of the policy in force, a review its own', async () => {
    await append(REVIEW_POLICY_STREAM, [
      ReviewPolicyPublished.of({
        ...policy,
        version: 2,
        serviceLevelWorkingDays: 10,
        publishedAt: '2026-03-30T09:00:00.000Z',
        publishedBy: 'unit-head',
      }),
    ]);
    const LATER = 'proposal-gh-insurance-2026';
    await append(proposalStreamId(LATER), [
      ProposalSubmitted.of({
        proposalId: LATER,
        version: 1,
        proposal: { ...definition, title: 'Index insurance for cocoa growers' },
        origin: { channel: 'http', submittedBy: 'department-officer' },
        submittedAt: '2026-03-31T09:00:00.000Z',
      }),
    ]);
    const later = await proposals.detail({ id: LATER }, { minPosition: position }, response().res);
    // Tuesday 31 March plus 10 working days: Tuesday 14 April.
    expect(later.serviceLevel).toMatchObject({ workingDays: 10, dueOn: '2026-04-14' });
    const reviewed = await proposals.detail({ id: FLAGGED }, {}, response().res);
    expect(reviewed.serviceLevel).toMatchObject({ workingDays: 15, dueOn: '2026-03-30' });
  });

  it('lists the tools known', async () => {
    const page = (await tools.tools(
      { minPosition: position, kind: 'course' },
      response().res,
    )) as Page<InterventionTool>;
    expect(page.items).toEqual([tool]);
    expect(
      ((await tools.tools({ kind: 'practice-note' }, response().res)) as Page<InterventionTool>)
        .items,
    ).toEqual([]);
  });

  it('reports turnaround, approval rates, deficiencies, the portfolio and the linkage map', async () => {
    const decided = ProposalDecided.of({
      ...approved.data,
      proposalId: FLAGGED,
      decision: 'rejected',
      reasons: ['Direct lending by the project'],
      score: 28,
      redFlags: [
        { flag: 'direct-lending', detail: 'A revolving fund lent directly by the project' },
      ],
      turnaroundWorkingDays: 17,
      withinServiceLevel: false,
      title: flaggedDefinition.title,
      department: flaggedDefinition.department,
      instrument: 'revolving-fund',
      channel: 'direct-by-project',
      countries: ['SN'],
      decidedAt: '2026-04-01T07:00:00.000Z',
    });
    await append(proposalStreamId(FLAGGED), [decided]);
    const query = { minPosition: position, from: '2026-03-01', to: '2026-05-01' };
    const turnaround = (await reports.turnaround(
      query,
      response().res,
    )) as QualityTurnaroundSummary;
    expect(turnaround).toMatchObject({
      decisions: 3,
      medianWorkingDays: 8,
      withinServiceLevelRate: 0.667,
    });
    const rates = (await reports.approvalRates(query, response().res)) as QualityApprovalRates;
    expect(rates.byInstrument.map((r) => [r.key, r.decided, r.approvalRate])).toEqual([
      ['guarantee-fund', 2, 0.5],
      ['revolving-fund', 1, 0],
    ]);
    const deficiencies = (await reports.deficiencies(query, response().res)) as QualityDeficiencies;
    expect(deficiencies.redFlags).toEqual([{ key: 'direct-lending', decisions: 1, share: 0.333 }]);
    // The rejected proposal's draft was never submitted: its deficiencies are unknown, not invented.
    expect(deficiencies.criteria).toEqual([]);
    const portfolio = (await reports.portfolio(query, response().res)) as QualityPortfolioSummary;
    // 150 million KES at the proposal's own rate (1 450 000 USD for 187.5 million KES).
    expect(portfolio).toMatchObject({ proposals: 1, amountUsd: 1_160_000 });
    expect(portfolio.byRegion).toEqual([{ key: 'africa', proposals: 1, amountUsd: 1_160_000 }]);
    const map = (await reports.linkageMap(
      { minPosition: position },
      response().res,
    )) as QualityLinkageMap;
    expect(map.nodes.map((n) => n.id)).toEqual([proposalId, tool.toolRef]);
    expect(map.edges).toEqual([
      expect.objectContaining({ proposalId, toolRef: tool.toolRef, score: 0.71 }),
    ]);
    const csv = String(await reports.approvalRates({ format: 'csv' }, response().res));
    expect(csv.split('\r\n')[0]).toBe(
      'dimension,key,decided,approved,approvedWithConditions,reviseAndResubmit,rejected,approvalRate',
    );
  });
});
