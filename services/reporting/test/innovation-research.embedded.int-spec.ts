import { contextTopics, type EmbeddedEventBus } from '@sfp/messaging';
import { httpClient } from '@sfp/testing';
import {
  RESEARCH_FIGURES_2025_Q4,
  RESEARCH_FIGURES_2026_Q1,
  scriptedResearchHistory,
} from '../src/innovation-research/research-history.fixture';
import { previousFiguresByName, type FigureWithPrevious } from './support/report-previous';
import { figuresByName } from './support/report-figures';
import { startEmbeddedReporting, type EmbeddedReporting } from './support/embedded-reporting';
import { eventually, publishEvents } from './support/reporting-test-app';

type Json = Record<string, any>;

/**
 * The research events on sfp.innovation-research.events, through reporting's
 * consumer and views (SQLite, embedded bus) to the analysts' queries and the
 * progress report; figures worked by hand (research-history.fixture.ts).
 */
describe('innovation research in reporting, embedded (integration)', () => {
  let reporting: EmbeddedReporting;
  let bus: EmbeddedEventBus;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    reporting = await startEmbeddedReporting({ name: 'reporting-research' });
    bus = reporting.bus;
    http = httpClient(reporting.url);
    await publishEvents(
      bus,
      contextTopics('innovation-research').events,
      scriptedResearchHistory().events,
    );
  });

  afterAll(async () => {
    await reporting?.close();
  });

  const query = (body: unknown, view: string, suffix = '') =>
    http.post<Json>(`/views/${view}/query${suffix}`, body);

  it('builds the research views and answers queries on them, as JSON and CSV', async () => {
    await eventually(async () =>
      expect(
        (await query({ aggregates: ['count'] }, 'research-publications')).body['rows'],
      ).toEqual([{ count: 4 }]),
    );
    await eventually(async () =>
      expect(
        (await query({ aggregates: ['count'] }, 'research-cost-benefit-record')).body['rows'],
      ).toEqual([{ count: 2 }]),
    );
    const byStatus = await query(
      { groupBy: ['status'], aggregates: ['count'], sort: ['status'] },
      'research-portfolio',
    );
    expect(byStatus.body['rows']).toEqual([
      { status: 'abandoned', count: 1 },
      { status: 'baseline-survey', count: 1 },
      { status: 'closed', count: 1 },
      { status: 'findings-published', count: 1 },
      { status: 'proposed', count: 2 },
    ]);
    const late = await query(
      {
        filter: { status: 'done', daysLate: { gt: 0 } },
        select: ['milestoneId', 'projectId', 'daysLate'],
        sort: ['milestoneId'],
      },
      'research-milestone-record',
    );
    expect(late.body['rows']).toEqual([
      { milestoneId: 'm2', projectId: 'p1', daysLate: 5 },
      { milestoneId: 'm4', projectId: 'p2', daysLate: 5 },
      { milestoneId: 'm5', projectId: 'p2', daysLate: 19 },
    ]);
    const csv = await query(
      { select: ['publicationId', 'notSupported', 'inconclusive'], sort: ['publicationId'] },
      'research-publications',
      '?format=csv',
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toBe(
      'publicationId,notSupported,inconclusive\r\np1/v1,1,1\r\np3/v1,0,0\r\np4/v1,1,0\r\np4/v2,2,0\r\n',
    );
  });

  it('reports Innovation and action research for 2026-Q1 beside 2025-Q4, and as of a past instant', async () => {
    const research = async (suffix = '') => {
      const report = await http.get<Json>(`/reports/progress?period=2026-Q1${suffix}`);
      return (report.body['functions'] as Json[]).find((f) => f['function'] === 'innovation');
    };
    await eventually(async () =>
      expect(figuresByName((await research())?.['figures'] ?? [])).toMatchObject(
        RESEARCH_FIGURES_2026_Q1,
      ),
    );
    // Every figure beside the previous period's (2025-Q4, worked by hand), with the change.
    const figures = (await research())?.['figures'] as FigureWithPrevious[];
    expect(previousFiguresByName(figures)).toMatchObject(RESEARCH_FIGURES_2025_Q4);
    for (const f of figures as Json[])
      if (f['value'] !== null && f['previous'] !== null)
        expect(f['change']).toBeCloseTo(f['value'] - f['previous'], 6);
    expect(await research()).toMatchObject({
      title: 'Innovation (action research)',
      status: 'reported',
      context: 'innovation-research',
    });
    const asOf = await research('&asOf=2026-03-01T00:00:00.000Z');
    expect(figuresByName(asOf?.['figures'] ?? [])).toMatchObject({
      publications: 1,
      findingsPublished: 3,
      'researchProjectsByPhase.Cost-benefit analysis': 1,
    });
  });
});
