import { contextTopics, type EmbeddedEventBus } from '@sfp/messaging';
import { httpClient } from '@sfp/testing';
import {
  QUALITY_FIGURES_2025_Q4,
  QUALITY_FIGURES_2026_Q1,
  scriptedQualityHistory,
} from '../src/quality-monitoring/quality-history.fixture';
import { previousFiguresByName, type FigureWithPrevious } from './support/report-previous';
import { figuresByName } from './support/report-figures';
import { startEmbeddedReporting, type EmbeddedReporting } from './support/embedded-reporting';
import { eventually, publishEvents } from './support/reporting-test-app';

type Json = Record<string, any>;

/**
 * The quality-monitoring events on sfp.quality-monitoring.events, through
 * reporting's consumer and views (SQLite, embedded bus) to the analysts'
 * queries and the progress report; figures worked by hand
 * (quality-history.fixture.ts).
 */
describe('quality monitoring in reporting, embedded (integration)', () => {
  let reporting: EmbeddedReporting;
  let bus: EmbeddedEventBus;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    reporting = await startEmbeddedReporting({ name: 'reporting-quality' });
    bus = reporting.bus;
    http = httpClient(reporting.url);
    await publishEvents(
      bus,
      contextTopics('quality-monitoring').events,
      scriptedQualityHistory().events,
    );
  });

  afterAll(async () => {
    await reporting?.close();
  });

  const query = (body: unknown, view: string, suffix = '') =>
    http.post<Json>(`/views/${view}/query${suffix}`, body);

  it('builds the quality views and answers the analysts’ queries, as JSON and CSV', async () => {
    await eventually(async () =>
      expect((await query({ aggregates: ['count'] }, 'quality-decisions')).body['rows']).toEqual([
        { count: 5 },
      ]),
    );
    await eventually(async () =>
      expect((await query({ aggregates: ['count'] }, 'quality-linkages')).body['rows']).toEqual([
        { count: 3 },
      ]),
    );
    const byDecision = await query(
      { groupBy: ['decision'], aggregates: ['count'], sort: ['decision'] },
      'quality-decisions',
    );
    expect(byDecision.body['rows']).toEqual([
      { decision: 'approved', count: 2 },
      { decision: 'approved-with-conditions', count: 1 },
      { decision: 'rejected', count: 1 },
      { decision: 'revise-and-resubmit', count: 1 },
    ]);
    const approved = await query(
      {
        filter: { approved: true },
        select: ['proposalId', 'currency', 'amountUsd'],
        sort: ['proposalId'],
      },
      'quality-portfolio',
      '?format=csv',
    );
    expect(approved.headers.get('content-type')).toContain('text/csv');
    expect(approved.text).toBe(
      'proposalId,currency,amountUsd\r\np-a,USD,1000000\r\np-b,XOF,500000\r\np-d,USD,500000\r\n',
    );
    const statuses = await query(
      { select: ['proposalId', 'status', 'version'], sort: ['proposalId'] },
      'quality-proposals',
    );
    expect(statuses.body['rows']).toEqual([
      { proposalId: 'p-a', status: 'approved', version: 1 },
      { proposalId: 'p-b', status: 'approved-with-conditions', version: 2 },
      { proposalId: 'p-c', status: 'rejected', version: 1 },
      { proposalId: 'p-d', status: 'approved', version: 1 },
      { proposalId: 'p-e', status: 'withdrawn', version: 1 },
    ]);
  });

  it('reports Quality monitoring for 2026-Q1 beside 2025-Q4, and as of a past instant', async () => {
    const quality = async (suffix = '') => {
      const report = await http.get<Json>(`/reports/progress?period=2026-Q1${suffix}`);
      return (report.body['functions'] as Json[]).find(
        (f) => f['function'] === 'quality-monitoring',
      );
    };
    await eventually(async () =>
      expect(figuresByName((await quality())?.['figures'] ?? [])).toMatchObject(
        QUALITY_FIGURES_2026_Q1,
      ),
    );
    // Every figure beside the previous period's (2025-Q4, worked by hand), with the change.
    const figures = (await quality())?.['figures'] as FigureWithPrevious[];
    expect(previousFiguresByName(figures)).toMatchObject(QUALITY_FIGURES_2025_Q4);
    for (const f of figures as Json[])
      if (f['value'] !== null && f['previous'] !== null)
        expect(f['change']).toBeCloseTo(f['value'] - f['previous'], 6);
    expect(await quality()).toMatchObject({
      title: 'Quality monitoring',
      status: 'reported',
      context: 'quality-monitoring',
    });
    const asOf = await quality('&asOf=2026-02-28T00:00:00.000Z');
    expect(figuresByName(asOf?.['figures'] ?? [])).toMatchObject({
      proposalDecisions: 2,
      redFlagsFound: 2,
      approvedAmountUsd: 500_000,
    });
    const html = await http.get(`/reports/progress?period=2026-Q1&format=html`);
    expect(html.text).toContain('<h3 id="quality-monitoring.figures">Figures</h3>');
    expect(html.text).toMatch(/<th scope="row">Red flags found<\/th><td>[^<]+<\/td><td>0<\/td>/);
    expect(html.text).toContain('2025-Q4 (previous period)');
    expect(html.text).toContain('Revise and resubmit');
  });
});
