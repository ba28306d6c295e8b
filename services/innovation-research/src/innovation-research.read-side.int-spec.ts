import type { Response } from 'express';
import type {
  CostBenefitSummary,
  FindingsLibraryEntry,
  MilestoneCalendarEntry,
  PartnerInstitutionEntry,
  ResearchPortfolioSummary,
  ResearchProjectDetail,
  ResearchProjectListEntry,
  ResearchProjectDefinition,
} from '@sfp/contracts';
import { MongoEventStore } from '@sfp/event-sourcing';
import { newEvent } from '@sfp/event-sourcing/testing';
import { MongoReadModelStore, ProjectionEngine } from '@sfp/projections';
import { createTestDatabase, type TestDatabase } from '@sfp/testing';
import { RESEARCH_PROJECTIONS } from './innovation-research.read-side';
import { PartnerInstitutionsQueryController } from './partner-institution/projections/partner-institutions.http.controller';
import { PartnerInstitutionNoted } from './partner-institution/domain/partner-institution.events';
import {
  FindingsPublished,
  MilestonePlanned,
  MilestoneSlipped,
  type ResearchProjectEvent,
} from './research-project/domain/research-project.events';
import {
  definition,
  firstPublication,
  history,
  milestonePlanned,
  projectId,
} from './research-project/domain/testing/research-project.fixtures';
import { ResearchProjectsQueryController } from './research-project/projections/research-projects.http.controller';
import { ResearchReportsQueryController } from './research-project/projections/research-reports.http.controller';
import { partnerInstitutionStreamId, researchProjectStreamId } from './innovation-research.context';

type Page<T> = { items: T[]; nextCursor?: string };

const TODAY = new Date('2026-05-11T08:00:00.000Z');
const SECOND = 'research-2d7f0c61-8b4e-4a3f-a1c2-5e9b7d3f0a18';

/** The fixture project's events as another project's: a guarantee scheme in Senegal, abandoned in its pilot. */
function asSecondProject(events: ResearchProjectEvent[]): ResearchProjectEvent[] {
  const project: ResearchProjectDefinition = {
    ...definition,
    title: 'Credit guarantees for women-led informal enterprises',
    innovation: { kind: 'policy', description: 'A partial credit guarantee for women-led firms' },
    countries: ['SN'],
    design: { method: 'quasi-experimental', quasiExperimentalMethod: 'difference-in-differences' },
  };
  return events.map((event) => {
    const data = JSON.parse(JSON.stringify(event.data).split(projectId).join(SECOND));
    if (event.type === 'innovation-research.ResearchProjectProposed') data.project = project;
    return { type: event.type, data } as ResearchProjectEvent;
  });
}

const response = () => {
  const headers: Record<string, string> = {};
  return {
    headers,
    res: {
      setHeader: (name: string, value: string) => (headers[name] = value),
    } as unknown as Response,
  };
};

describe('innovation-research read side (projections on FerretDB)', () => {
  let database: TestDatabase;
  let eventStore: MongoEventStore;
  let engine: ProjectionEngine;
  let projects: ResearchProjectsQueryController;
  let reports: ResearchReportsQueryController;
  let partners: PartnerInstitutionsQueryController;
  let position = 0;

  beforeAll(async () => {
    database = await createTestDatabase('innovation_research_read');
    eventStore = await MongoEventStore.open(database.connection, {
      collection: 'events',
      pollIntervalMs: 30,
      claimTimeoutMs: 2_000,
    });
    const append = async (streamId: string, events: Array<{ type: string; data: unknown }>) => {
      const result = await eventStore.append(
        streamId,
        'any',
        events.map((e) => newEvent({ type: e.type, data: e.data })),
      );
      position = Math.max(position, ...result.positions);
    };
    const secondMilestone = MilestonePlanned.of({
      ...milestonePlanned.data,
      milestone: {
        milestoneId: 'milestone-pilot-review',
        phase: 'pilot',
        title: 'Pilot mid-term review',
        plannedOn: '2026-04-20',
      },
    });
    await append(researchProjectStreamId(projectId), [
      ...history.closed.slice(0, 6),
      milestonePlanned,
      ...history.closed.slice(6),
    ]);
    await append(researchProjectStreamId(SECOND), [
      ...asSecondProject(history.pilot),
      ...asSecondProject([secondMilestone]),
      ...asSecondProject([
        MilestoneSlipped.of({
          projectId,
          milestoneId: 'milestone-pilot-review',
          plannedOn: '2026-04-20',
          flaggedOn: '2026-04-21',
          daysLate: 1,
          flaggedBy: 'system',
          flaggedAt: '2026-04-21T02:00:00.000Z',
        }),
      ]),
    ]);
    await append(partnerInstitutionStreamId('inst-ghana-rural-bank'), [
      PartnerInstitutionNoted.of({
        institutionId: 'inst-ghana-rural-bank',
        name: 'Atwima Rural Bank',
        country: 'GH',
        status: 'active',
        sourceEventType: 'knowledge-base.InstitutionRegistered',
        sourceEventId: 'kb-event-1',
        sourceOccurredAt: '2024-01-15T10:00:00.000Z',
      }),
    ]);
    engine = new ProjectionEngine({
      eventStore,
      store: new MongoReadModelStore(database.connection),
      pollIntervalMs: 10,
    });
    for (const projection of RESEARCH_PROJECTIONS) engine.register(projection);
    await engine.start();
    const clock = () => TODAY;
    projects = new ResearchProjectsQueryController(engine, clock);
    reports = new ResearchReportsQueryController(engine, clock);
    partners = new PartnerInstitutionsQueryController(engine);
  }, 60_000);

  afterAll(async () => {
    await engine?.stop();
    await eventStore?.close();
    await database?.cleanup();
  });

  it('lists the portfolio by status, design, country and title words, sorted by title', async () => {
    const list = async (query: object) =>
      (await projects.list(
        { minPosition: position, ...query },
        response().res,
      )) as Page<ResearchProjectListEntry>;
    expect((await list({})).items.map((p) => p.projectId)).toEqual([SECOND, projectId]);
    expect((await list({ status: ['closed'] })).items.map((p) => p.projectId)).toEqual([projectId]);
    expect((await list({ design: 'quasi-experimental' })).items.map((p) => p.projectId)).toEqual([
      SECOND,
    ]);
    expect((await list({ country: 'SN' })).items.map((p) => p.projectId)).toEqual([SECOND]);
    expect((await list({ q: 'cocoa microinsurance' })).items.map((p) => p.projectId)).toEqual([
      projectId,
    ]);
    expect((await list({ q: 'cocoa', country: 'SN' })).items).toEqual([]);
    const csv = await projects.list({ format: 'csv' }, response().res);
    expect(String(csv).split('\r\n')[0]).toContain('projectId,title,status');
  });

  it('answers the whole project with its version in the ETag and days late from today', async () => {
    const { res, headers } = response();
    const detail: ResearchProjectDetail = await projects.detail({ id: SECOND }, {}, res);
    expect(headers['ETag']).toBe(`"${detail.version}"`);
    expect(detail.status).toBe('pilot');
    expect(detail.milestones).toEqual([
      expect.objectContaining({ state: 'slipping', plannedOn: '2026-04-20', daysLate: 21 }),
    ]);
  });

  it('shows the milestone calendar with slippage and days late', async () => {
    const page = (await reports.milestones(
      { minPosition: position, from: '2024-01-01', to: '2026-12-31' },
      response().res,
    )) as Page<MilestoneCalendarEntry>;
    expect(page.items.map((m) => [m.projectTitle, m.state, m.daysLate])).toEqual([
      [definition.title, 'planned', 573],
      ['Credit guarantees for women-led informal enterprises', 'slipping', 21],
    ]);
    const slipping = (await reports.milestones(
      { state: 'slipping' },
      response().res,
    )) as Page<MilestoneCalendarEntry>;
    expect(slipping.items.map((m) => m.projectId)).toEqual([SECOND]);
  });

  it('counts the portfolio and names the projects at risk', async () => {
    const summary = (await reports.portfolio(
      { minPosition: position },
      response().res,
    )) as ResearchPortfolioSummary;
    expect(summary.projects).toBe(2);
    expect(summary.byInnovationKind).toEqual(
      expect.arrayContaining([{ key: 'policy', projects: 1 }]),
    );
    expect(summary.atRisk).toEqual([
      expect.objectContaining({ projectId: SECOND, slippingMilestones: 1, maxDaysLate: 21 }),
    ]);
  });

  it('finds published findings by words, verdict and country, the null result included', async () => {
    const find = async (query: object) =>
      (await reports.findings(
        { minPosition: position, ...query },
        response().res,
      )) as Page<FindingsLibraryEntry>;
    const all = await find({});
    expect(all.items.map((f) => f.hypothesisId)).toEqual(['H1', 'H2']);
    const nullResults = await find({ verdict: 'not-supported' });
    expect(nullResults.items.map((f) => [f.hypothesisId, f.verdict])).toEqual([
      ['H2', 'not-supported'],
    ]);
    expect((await find({ q: 'farm income' })).items.map((f) => f.hypothesisId)).toEqual(['H2']);
    expect((await find({ country: 'SN' })).items).toEqual([]);
  });

  it('replaces the findings by a corrected version', async () => {
    const corrected = FindingsPublished.of({
      ...firstPublication.data,
      publication: {
        ...firstPublication.data.publication,
        version: 2,
        correctionReason: 'The income estimate used the wrong deflator',
        hypotheses: firstPublication.data.publication.hypotheses.map((h) =>
          h.finding && h.hypothesisId === 'H2'
            ? { ...h, finding: { ...h.finding, verdict: 'inconclusive' as const } }
            : h,
        ),
      },
      publishedAt: '2026-05-04T10:00:00.000Z',
    });
    const appended = await eventStore.append(researchProjectStreamId(projectId), 'any', [
      newEvent({ type: corrected.type, data: corrected.data }),
    ]);
    const minPosition = Math.max(...appended.positions);
    const page = (await reports.findings(
      { minPosition },
      response().res,
    )) as Page<FindingsLibraryEntry>;
    expect(page.items.map((f) => [f.hypothesisId, f.verdict, f.publicationVersion])).toEqual([
      ['H1', 'supported', 2],
      ['H2', 'inconclusive', 2],
    ]);
    const detail = await projects.detail({ id: projectId }, { minPosition }, response().res);
    expect(detail.publications.map((p) => [p.version, p.correctionReason])).toEqual([
      [1, undefined],
      [2, 'The income estimate used the wrong deflator'],
    ]);
    expect(detail.status).toBe('closed');
  });

  it('summarises cost-benefit by innovation kind', async () => {
    const summary = (await reports.costBenefit(
      { minPosition: position },
      response().res,
    )) as CostBenefitSummary;
    expect(summary.projects.map((p) => p.projectId)).toEqual([projectId]);
    const [only] = summary.projects;
    expect(summary.byInnovationKind).toEqual([
      {
        innovationKind: definition.innovation.kind,
        projects: 1,
        medianBenefitCostRatio: only?.benefitCostRatio,
        netPresentValueByCurrency: [{ currency: only?.currency, total: only?.netPresentValue }],
      },
    ]);
  });

  it('lists and reads the partner institutions research knows', async () => {
    const page = (await partners.list(
      { minPosition: position, country: 'GH', q: 'atwima' },
      response().res,
    )) as Page<PartnerInstitutionEntry>;
    expect(page.items.map((i) => i.name)).toEqual(['Atwima Rural Bank']);
    expect(await partners.detail({ id: 'inst-ghana-rural-bank' }, {})).toMatchObject({
      status: 'active',
      country: 'GH',
    });
  });
});
