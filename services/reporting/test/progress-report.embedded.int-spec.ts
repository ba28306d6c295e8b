import { contextTopics, type EmbeddedEventBus } from '@sfp/messaging';
import { httpClient } from '@sfp/testing';
import { knowledgeOutcomesHistory } from '../src/knowledge-base/knowledge-outcomes.fixture';
import { HelpDeskHistory } from './support/help-desk-history';
import { startEmbeddedReporting, type EmbeddedReporting } from './support/embedded-reporting';
import { eventually, publishEvents } from './support/reporting-test-app';

type Json = Record<string, any>;

/**
 * The Governing Body report of 2026-Q1 beside 2025-Q4, over a small help
 * desk history worked by hand; the narratives as events (and as of an
 * instant); a frozen (submitted) version served as it was while the live
 * report moves; every named table as JSON and CSV.
 *
 *  R1 2025-10-10 referral [youth];          resolved 2025-10-12 (48 h)
 *  R2 2025-11-01 programme-guidance [gender]; resolved 2026-01-03 (1,512 h: 63 days)
 *  R3 2026-01-05 referral [youth];          resolved 2026-01-06 (24 h)
 *  R4 2026-02-01 referral [gender]
 *  R5 2026-03-01 tool-development [youth]
 *  (later) R6 2026-03-31 referral [] — published after the submission
 *
 * 2026-Q1: received 3 (2025-Q4: 2, +1); resolved R2, R3 = 2 (2025-Q4: R1 = 1, +1);
 * median hours to resolution (24, 1,512) = 768 (2025-Q4: 48, +720);
 * received by kind: referral 2 (1, +1), tool-development 1 (0, +1),
 * programme-guidance 0 (1, −1); by theme: youth 2 (1, +1), gender 1 (1, no change).
 */
describe('the progress report beside the previous period, its narratives and its submissions (integration)', () => {
  let reporting: EmbeddedReporting;
  let bus: EmbeddedEventBus;
  let http: ReturnType<typeof httpClient>;
  let baseUrl: string;
  /** PUT with a JSON body (the shared test client has no PUT). */
  const put = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  let now = new Date('2026-04-10T09:00:00.000Z');
  const h = new HelpDeskHistory();

  beforeAll(async () => {
    reporting = await startEmbeddedReporting({
      name: 'progress-report',
      partitions: 1,
      clock: () => now,
    });
    bus = reporting.bus;
    http = httpClient(reporting.url);
    baseUrl = reporting.url;
    h.submit('r1', '2025-10-10T00:00:00.000Z', {
      kind: 'referral',
      themes: ['youth'],
      priority: 'normal',
    });
    h.resolve('r1', '2025-10-12T00:00:00.000Z');
    h.submit('r2', '2025-11-01T00:00:00.000Z', {
      kind: 'programme-guidance',
      themes: ['gender'],
      priority: 'normal',
    });
    h.resolve('r2', '2026-01-03T00:00:00.000Z');
    h.submit('r3', '2026-01-05T00:00:00.000Z', {
      kind: 'referral',
      themes: ['youth'],
      priority: 'normal',
    });
    h.resolve('r3', '2026-01-06T00:00:00.000Z');
    h.submit('r4', '2026-02-01T00:00:00.000Z', {
      kind: 'referral',
      themes: ['gender'],
      priority: 'low',
    });
    h.submit('r5', '2026-03-01T00:00:00.000Z', {
      kind: 'tool-development',
      themes: ['youth'],
      priority: 'low',
    });
    await publishEvents(bus, contextTopics('help-desk').events, h.events);
    // Three institutions over 2025 and 2026, worked by hand in knowledge-outcomes.report-section.spec.ts.
    await publishEvents(
      bus,
      contextTopics('knowledge-base').events,
      knowledgeOutcomesHistory().events,
    );
  });

  afterAll(async () => {
    await reporting?.close();
  });

  const helpDesk = async (path = '/reports/progress?period=2026-Q1') =>
    (await http.get<Json>(path)).body['functions'][0] as Json;
  const byName = (figures: Json[]) =>
    Object.fromEntries(
      figures.map((f) => [
        f['key'] === null ? f['metric'] : `${f['metric']}.${f['key']}`,
        [f['value'], f['previous'], f['change'], f['formatted'], f['changeFormatted']],
      ]),
    );

  it('sets every figure beside the previous period, with the change, labelled and formatted (by hand)', async () => {
    await eventually(async () =>
      expect(byName((await helpDesk())['figures'])['requestsReceived']).toEqual([
        3,
        2,
        1,
        '3',
        '+1',
      ]),
    );
    const report = await http.get<Json>('/reports/progress?period=2026-Q1');
    expect(report.body['previousPeriod']).toMatchObject({ label: '2025-Q4', kind: 'quarter' });
    const section = report.body['functions'][0] as Json;
    expect(byName(section['figures'])).toEqual({
      requestsReceived: [3, 2, 1, '3', '+1'],
      requestsResolved: [2, 1, 1, '2', '+1'],
      requestsCancelled: [0, 0, 0, '0', 'no change'],
      medianHoursToResolution: [768, 48, 720, '768 hours', '+720 hours'],
      meanHoursToResolution: [768, 48, 720, '768 hours', '+720 hours'],
      slaBreaches: [0, 0, 0, '0', 'no change'],
      'requestsReceivedByKind.referral': [2, 1, 1, '2', '+1'],
      'requestsReceivedByKind.tool-development': [1, 0, 1, '1', '+1'],
      'requestsReceivedByKind.programme-guidance': [0, 1, -1, '0', '−1'],
      'requestsReceivedByTheme.gender': [1, 1, 0, '1', 'no change'],
      'requestsReceivedByTheme.youth': [2, 1, 1, '2', '+1'],
      'requestsResolvedByKind.programme-guidance': [1, 0, 1, '1', '+1'],
      'requestsResolvedByKind.referral': [1, 1, 0, '1', 'no change'],
      'requestsResolvedByTheme.gender': [1, 0, 1, '1', '+1'],
      'requestsResolvedByTheme.youth': [1, 1, 0, '1', 'no change'],
    });
    const kind = (section['figures'] as Json[]).find((f) => f['key'] === 'tool-development');
    expect(kind).toMatchObject({
      label: 'Requests received by kind',
      keyLabel: 'Tool development',
      unit: 'count',
      previousFormatted: '0',
    });
    // Every section is there, each reported one with its tables.
    expect((report.body['functions'] as Json[]).map((f) => f['function'])).toEqual([
      'help-desk-and-service',
      'innovation',
      'knowledge-management',
      'training',
      'quality-monitoring',
      'capacity-building',
    ]);
    expect((section['tables'] as Json[]).map((t) => t['id'])).toEqual([
      'help-desk-and-service.figures',
      'help-desk-and-service.requestsReceivedByKind',
      'help-desk-and-service.requestsReceivedByTheme',
      'help-desk-and-service.requestsResolvedByKind',
      'help-desk-and-service.requestsResolvedByTheme',
    ]);
  });

  it('sets the knowledge management figures of 2026 beside 2025, with the change (by hand)', async () => {
    const knowledge = async () =>
      ((await http.get<Json>('/reports/progress?period=2026')).body['functions'] as Json[]).find(
        (f) => f['function'] === 'knowledge-management',
      ) as Json;
    // 2026 (A-26H1, B-26H1, C-26H1) beside 2025 (A-25FY, B-25FY as restated).
    await eventually(async () =>
      expect(byName((await knowledge())['figures'])['institutionsWithFigures']).toEqual([
        3,
        2,
        1,
        '3',
        '+1',
      ]),
    );
    const figures = byName((await knowledge())['figures']);
    expect(figures).toMatchObject({
      activeBorrowersTotal: [5000, 4000, 1000, '5,000', '+1,000'],
      activeSaversTotal: [2900, 2000, 900, '2,900', '+900'],
      // Per cents change in points: 52.5 % → 61.6 % is +9.1 points.
      womenBorrowersPercentWeighted: [61.6, 52.5, 9.1, '61.6%', '+9.1 points'],
      ruralClientsPercentWeighted: [53.6, 70, -16.4, '53.6%', '−16.4 points'],
      depthRatioWeighted: [0.922, 1.025, -0.103, '0.92', '−0.1'],
      ossPercentWeighted: [108, 108.57, -0.57, '108%', '−0.6 points'],
      par30PercentWeighted: [6.36, 6.44, -0.08, '6.4%', '−0.1 points'],
      writeOffPercentWeighted: [2.09, 2.25, -0.16, '2.1%', '−0.2 points'],
      impactAssessmentsCompleted: [1, 1, 0, '1', 'no change'],
      targetsDue: [4, 1, 3, '4', '+3'],
      // A key seen in one year only: counted 0 in the other.
      'impactFindingsByFinding.mixed': [1, 0, 1, '1', '+1'],
      'impactFindingsByFinding.positive': [0, 1, -1, '0', '−1'],
    });
    const section = await knowledge();
    const tables = (section['tables'] as Json[]).map((t) => t['id']);
    expect(tables).toEqual(
      expect.arrayContaining([
        'knowledge-management.figures',
        'knowledge-management.targets-against-results',
      ]),
    );
    const targets = await http.get(
      '/reports/progress?period=2026&table=knowledge-management.targets-against-results&format=csv',
    );
    expect(targets.status).toBe(200);
    expect(targets.text.trimEnd().split('\r\n')).toHaveLength(1 + 4);
    const html = await http.get('/reports/progress?period=2026&format=html');
    expect(html.text).toMatch(
      /<tr><th scope="row">[^<]*Women borrowers[^<]*<\/th><td>61\.6%<\/td><td>52\.5%<\/td><td>\+9\.1 points<\/td>/,
    );
  });

  it('serves every named table as JSON and CSV; an unknown one is a 404', async () => {
    const report = await http.get<Json>('/reports/progress?period=2026-Q1');
    const ids = (report.body['functions'] as Json[]).flatMap((f) =>
      (f['tables'] ?? []).map((t: Json) => t['id'] as string),
    );
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      const json = await http.get<Json>(`/reports/progress?period=2026-Q1&table=${id}`);
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({ id, title: expect.any(String) });
      const csv = await http.get(`/reports/progress?period=2026-Q1&table=${id}&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-disposition')).toBe(
        `attachment; filename="progress-report-2026-Q1-${id}.csv"`,
      );
      expect(csv.text.split('\r\n')[0]).toBe(
        (json.body['columns'] as Json[])
          .map((c) =>
            c['unit'] && c['unit'] !== 'count' ? `${c['label']} (${c['unit']})` : c['label'],
          )
          .map((l: string) => (/[",]/.test(l) ? `"${l.replace(/"/g, '""')}"` : l))
          .join(','),
      );
      expect(csv.text.trimEnd().split('\r\n')).toHaveLength(
        1 + (json.body['rows'] as Json[]).length,
      );
    }
    const kinds = await http.get(
      '/reports/progress?period=2026-Q1&table=help-desk-and-service.requestsReceivedByKind&format=csv',
    );
    expect(kinds.text).toBe(
      'Kind,2026-Q1,2025-Q4 (previous period),Change\r\nReferral,2,1,1\r\nTool development,1,0,1\r\nProgramme guidance,0,1,-1\r\n',
    );
    const unknown = await http.get<Json>(
      '/reports/progress?period=2026-Q1&table=help-desk-and-service.nothing',
    );
    expect(unknown.body).toMatchObject({ status: 404, code: 'UNKNOWN_REPORT_TABLE' });
    const asPage = await http.get<Json>(
      '/reports/progress?period=2026-Q1&table=help-desk-and-service.figures&format=html',
    );
    expect(asPage.status).toBe(400);
  });

  it('keeps each narrative as an event: the report shows the latest, and as of an instant the one written by then', async () => {
    now = new Date('2026-04-10T09:00:00.000Z');
    const first = await put('/reports/progress/2026-Q1/narratives/help-desk-and-service', {
      text: 'Referrals rose.',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      period: '2026-Q1',
      function: 'help-desk-and-service',
      text: 'Referrals rose.',
      author: 'analyst1',
      writtenAt: '2026-04-10T09:00:00.000Z',
    });
    now = new Date('2026-04-20T09:00:00.000Z');
    await put('/reports/progress/2026-Q1/narratives/help-desk-and-service', {
      text: 'Referrals rose by half.\n\nResolution took longer: one old request.',
    });
    await put('/reports/progress/2026-Q1/narratives/knowledge-management', { text: 'Steady.' });
    expect((await helpDesk())['narrative']).toMatchObject({
      text: 'Referrals rose by half.\n\nResolution took longer: one old request.',
      writtenAt: '2026-04-20T09:00:00.000Z',
    });
    const before = await helpDesk('/reports/progress?period=2026-Q1&asOf=2026-04-15T00:00:00Z');
    expect(before['narrative']).toMatchObject({ text: 'Referrals rose.' });
    const earlier = await http.get<Json>(
      '/reports/progress?period=2026-Q1&asOf=2026-04-01T00:00:00Z',
    );
    expect(earlier.body['functions'].map((f: Json) => f['narrative'])).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    // Another period has its own narratives.
    expect((await helpDesk('/reports/progress?period=2026-Q2'))['narrative']).toBeNull();
    const html = await http.get('/reports/progress?period=2026-Q1&format=html');
    expect(html.text).toContain(
      '<div class="narrative"><p>Referrals rose by half.</p><p>Resolution took longer: one old request.</p>',
    );
    const bad = await put('/reports/progress/2026-Q1/narratives/nothing', { text: 'x' });
    expect(bad.status).toBe(400);
    const missing = await put('/reports/progress/2026-Q1/narratives/innovation', {});
    expect(missing.body).toMatchObject({ status: 400, fieldErrors: [{ field: 'text' }] });
    // An empty text clears it.
    await put('/reports/progress/2026-Q1/narratives/knowledge-management', { text: '' });
    const cleared = await http.get<Json>('/reports/progress?period=2026-Q1');
    expect(cleared.body['functions'][2]['narrative']).toBeNull();
  });

  it('freezes a submitted version, served exactly as it was while the live report moves', async () => {
    now = new Date('2026-04-21T10:00:00.000Z');
    const submitted = await http.post<Json>('/reports/progress/2026-Q1/submissions', {
      note: 'To the Governing Body',
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toEqual({
      submissionId: expect.any(String),
      version: 1,
      submittedAt: '2026-04-21T10:00:00.000Z',
      submittedBy: 'analyst1',
      note: 'To the Governing Body',
    });
    const frozen = await http.get<Json>('/reports/progress/2026-Q1/submissions/1');
    expect(frozen.status).toBe(200);
    expect(frozen.body['submission']).toEqual(submitted.body);

    // The live report moves: a late request of 2026-Q1, and a new narrative.
    const late = new HelpDeskHistory();
    late.submit('r6', '2026-03-31T00:00:00.000Z', {
      kind: 'referral',
      themes: [],
      priority: 'low',
    });
    await publishEvents(bus, contextTopics('help-desk').events, late.events);
    await eventually(async () =>
      expect(byName((await helpDesk())['figures'])['requestsReceived']).toEqual([
        4,
        2,
        2,
        '4',
        '+2',
      ]),
    );
    now = new Date('2026-04-22T10:00:00.000Z');
    await put('/reports/progress/2026-Q1/narratives/help-desk-and-service', { text: 'Revised.' });

    const again = await http.get<Json>('/reports/progress/2026-Q1/submissions/1');
    expect(again.body).toEqual(frozen.body);
    expect(byName(again.body['functions'][0]['figures'])['requestsReceived']).toEqual([
      3,
      2,
      1,
      '3',
      '+1',
    ]);
    expect(again.body['functions'][0]['narrative']['text']).toMatch(/^Referrals rose by half/);
    const csv = await http.get('/reports/progress/2026-Q1/submissions/1?format=csv');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="progress-report-2026-Q1-v1.csv"',
    );
    expect(csv.text).toContain(
      '2026-Q1,help-desk-and-service,Help desk and service,reported,requestsReceived,,Requests received,3,count,2,1,',
    );
    const table = await http.get(
      '/reports/progress/2026-Q1/submissions/1?format=csv&table=help-desk-and-service.requestsReceivedByKind',
    );
    expect(table.text).toContain('Referral,2,1,1');
    const html = await http.get('/reports/progress/2026-Q1/submissions/1?format=html');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html.text).toContain('Submitted version 1, frozen on 2026-04-21T10:00:00.000Z');
    expect(html.text).toContain(
      '<tr><th scope="row">Requests received</th><td>3</td><td>2</td><td>+1</td>',
    );

    now = new Date('2026-04-23T10:00:00.000Z');
    const second = await http.post<Json>('/reports/progress/2026-Q1/submissions', {});
    expect(second.body).toMatchObject({ version: 2, note: null });
    const list = await http.get<Json>('/reports/progress/2026-Q1/submissions');
    expect(list.body).toEqual({
      period: '2026-Q1',
      submissions: [submitted.body, second.body],
    });
    const v2 = await http.get<Json>('/reports/progress/2026-Q1/submissions/2');
    expect(byName(v2.body['functions'][0]['figures'])['requestsReceived']).toEqual([
      4,
      2,
      2,
      '4',
      '+2',
    ]);
    expect(v2.body['functions'][0]['narrative']['text']).toBe('Revised.');

    expect((await http.get<Json>('/reports/progress/2026-Q1/submissions/3')).body).toMatchObject({
      status: 404,
      code: 'REPORT_SUBMISSION_NOT_FOUND',
    });
    expect((await http.get<Json>('/reports/progress/2026-Q2/submissions')).body).toEqual({
      period: '2026-Q2',
      submissions: [],
    });
    expect((await http.post<Json>('/reports/progress/2026-Q5/submissions', {})).status).toBe(400);
  });
});
