import { InMemoryEventStore } from '@sfp/event-sourcing';
import {
  contextTopics,
  DEAD_LETTER_HEADERS,
  type EmbeddedEventBus,
  type IncomingMessage,
} from '@sfp/messaging';
import { defineProjection, ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { httpClient } from '@sfp/testing';
import type { ReportingStores } from '../src/reporting.stores';
import {
  CAPACITY_BUILDING_FIGURES_2026_Q1,
  scriptedTrainingHistory,
  STAFF_TRAINING_FIGURES_2026_Q1,
  TrainingHistory,
} from '../src/training/training-history.fixture';
import { HelpDeskHistory, scriptedHistory } from './support/help-desk-history';
import { scriptedKnowledgeBaseHistory } from './support/knowledge-base-history';
import {
  figuresByName,
  HELP_DESK_FIGURES_2026_Q1,
  KNOWLEDGE_MANAGEMENT_FIGURES_2026_Q1,
} from './support/report-figures';
import { besidePrevious, previousFiguresByName } from './support/report-previous';
import { startEmbeddedReporting, type EmbeddedReporting } from './support/embedded-reporting';
import { eventually, publishEvents } from './support/reporting-test-app';

type Json = Record<string, any>;

/** A request whose themes and priority do not matter to the test: none, low. */
const plainRequest = (h: HelpDeskHistory, requestId: string, at: string, kind: string) =>
  h.submit(requestId, at, { kind, themes: [], priority: 'low' });

/**
 * Reporting in embedded mode, as the platform runs it: SQLite files for its
 * log and read models, the embedded bus (a SQLite log) carrying the help
 * desk's public events on sfp.help-desk.events, the HTTP API under
 * /api/reporting. The figures are worked out by hand from the scripted
 * history (test/support/help-desk-history.ts).
 */
describe('reporting on the embedded bus and SQLite (integration)', () => {
  const topic = contextTopics('help-desk').events;
  let reporting: EmbeddedReporting;
  let bus: EmbeddedEventBus;
  let stores: ReportingStores;
  let http: ReturnType<typeof httpClient>;
  let sourceEngine: ProjectionEngine;
  const script = scriptedHistory();
  const { ids } = script;

  beforeAll(async () => {
    // Another context's projections, as the platform hands them in (a real engine over a real store).
    const sourceStore = new InMemoryEventStore();
    await sourceStore.append('ticket-1', 'no-stream', [
      {
        eventId: 'e-1',
        type: 'fixture.TicketOpened',
        schemaVersion: 1,
        data: { id: 't1' },
        metadata: {
          correlationId: 'c',
          actor: { kind: 'system', id: 's' },
          occurredAt: '2026-01-01T00:00:00.000Z',
        },
      },
    ]);
    sourceEngine = new ProjectionEngine({
      eventStore: sourceStore,
      store: new SqliteReadModelStore({ filename: ':memory:' }),
      pollIntervalMs: 20,
    });
    sourceEngine.register(
      defineProjection({
        name: 'fixture-tickets',
        version: 1,
        handlers: {
          'fixture.TicketOpened': (e, view) => view.upsert('t1', { opened: e.occurredAt }),
        },
      }),
    );
    await sourceEngine.start();
    reporting = await startEmbeddedReporting({
      name: 'reporting',
      runtime: {
        projectionSources: [{ context: 'fixture', engine: sourceEngine }],
        // Small batches: a rebuild takes many rounds, interleaved with the live updates (see the rebuild test).
        projectionBatchSize: 25,
        // Small enough for the last test to pass it with a few more requests.
        bounds: { maxScannedRows: 1_000 },
      },
    });
    ({ bus, stores } = reporting);
    http = httpClient(reporting.url);
    await publishEvents(bus, topic, script.history.events);
    await publishEvents(
      bus,
      contextTopics('knowledge-base').events,
      scriptedKnowledgeBaseHistory().events,
    );
    await publishEvents(bus, contextTopics('training').events, scriptedTrainingHistory().events);
  });

  afterAll(async () => {
    await reporting?.close();
    await sourceEngine?.stop();
  });

  const query = (body: unknown, view = 'service-requests', suffix = '') =>
    http.post<Json>(`/views/${view}/query${suffix}`, body);
  const count = async () =>
    (await query({ aggregates: ['count'] })).body['rows'][0].count as number;

  it('builds the service-requests view from the public events: every request, figures by hand', async () => {
    await eventually(async () => {
      const rows = await query({
        select: [
          'requestId',
          'kind',
          'status',
          'hoursToFirstResolution',
          'slaBreachCount',
          'reopenCount',
        ],
        sort: ['requestId'],
      });
      expect(rows.status).toBe(200);
      const byId = Object.fromEntries(
        (rows.body['rows'] as Json[]).map((r) => [r['requestId'], r]),
      );
      expect(byId[ids.A]).toEqual({
        requestId: ids.A,
        kind: 'referral',
        status: 'closed',
        hoursToFirstResolution: 48,
        slaBreachCount: 0,
        reopenCount: 0,
      });
      expect(byId[ids.B]).toEqual({
        requestId: ids.B,
        kind: 'programme-guidance',
        status: 'resolved',
        hoursToFirstResolution: 360,
        slaBreachCount: 1,
        reopenCount: 1,
      });
      expect(byId[ids.C]).toMatchObject({
        status: 'resolved',
        hoursToFirstResolution: 312,
        slaBreachCount: 1,
      });
      expect(byId[ids.D]).toMatchObject({
        kind: 'fund-instrument-guidelines',
        hoursToFirstResolution: 312,
      });
      expect(byId[ids.E]).toMatchObject({ status: 'cancelled', hoursToFirstResolution: null });
    });
  });

  it('answers grouped analyst queries: count and median by kind, counts by theme, by quarter', async () => {
    const byKind = await query({
      groupBy: ['kind'],
      aggregates: ['count', 'median:hoursToFirstResolution'],
      sort: ['-count', 'kind'],
    });
    expect(byKind.body['rows']).toEqual([
      { kind: 'referral', count: 3, median_hoursToFirstResolution: 180 },
      { kind: 'fund-instrument-guidelines', count: 1, median_hoursToFirstResolution: 312 },
      { kind: 'programme-guidance', count: 1, median_hoursToFirstResolution: 360 },
    ]);
    const q1ByTheme = await query({
      filter: { submittedAt: { gte: '2026-01-01', lt: '2026-04-01' } },
      groupBy: ['themes'],
    });
    expect(q1ByTheme.body['rows']).toEqual([
      { themes: null, count: 1 },
      { themes: 'gender', count: 2 },
      { themes: 'poverty', count: 1 },
      { themes: 'youth', count: 2 },
    ]);
    const byQuarter = await query({
      groupBy: ['submittedAt:quarter'],
      aggregates: ['count', 'sum:slaBreachCount'],
    });
    expect(byQuarter.body['rows']).toEqual([
      { 'submittedAt:quarter': '2025-Q4', count: 1, sum_slaBreachCount: 0 },
      { 'submittedAt:quarter': '2026-Q1', count: 4, sum_slaBreachCount: 2 },
    ]);
    const youth = await query({
      filter: { themes: 'youth', open: false, priority: { in: ['high', 'normal'] } },
      select: ['requestId'],
      sort: ['requestId'],
    });
    expect((youth.body['rows'] as Json[]).map((r) => r['requestId'])).toEqual(
      [ids.A, ids.B].sort(),
    );
  });

  it('answers queries over the knowledge base views', async () => {
    await eventually(async () =>
      expect((await query({ aggregates: ['count'] }, 'targets')).body['rows']).toEqual([
        { count: 4 },
      ]),
    );
    const targets = await query(
      { filter: { withdrawn: false }, groupBy: ['status'], aggregates: ['count', 'avg:value'] },
      'targets',
    );
    expect(targets.body['rows']).toEqual([
      { status: 'at-risk', count: 1, avg_value: 0.95 },
      { status: 'no-data', count: 1, avg_value: null },
      { status: 'off-track', count: 1, avg_value: 0.7 },
    ]);
    await eventually(async () =>
      expect((await query({ aggregates: ['count'] }, 'performance-reports')).body['rows']).toEqual([
        { count: 4 },
      ]),
    );
    const reports = await query(
      { groupBy: ['region'], aggregates: ['count', 'sum:restatementCount'], sort: ['region'] },
      'performance-reports',
    );
    expect(reports.body['rows']).toEqual([
      { region: 'africa', count: 3, sum_restatementCount: 2 },
      { region: 'asia-pacific', count: 1, sum_restatementCount: 0 },
    ]);
    const catalogue = await http.get<Json>('/views');
    expect(catalogue.body['views'].map((v: Json) => v['name'])).toEqual([
      'service-requests',
      'institutions',
      'performance-reports',
      'targets',
      'impact-assessments',
      'training-courses',
      'training-offerings',
      'training-participations',
      'training-programmes',
      'research-portfolio',
      'research-milestone-record',
      'research-publications',
      'research-cost-benefit-record',
      'quality-proposals',
      'quality-decisions',
      'quality-portfolio',
      'quality-linkages',
    ]);
    expect(catalogue.body['views'][0].fields).toContainEqual({
      name: 'themes',
      type: 'string-list',
      description: 'Themes (youth, gender, ...)',
    });
  });

  it('answers queries over the training views, without personal data', async () => {
    await eventually(async () =>
      expect(
        (await query({ aggregates: ['count'] }, 'training-participations')).body['rows'],
      ).toEqual([{ count: 12 }]),
    );
    const constituents = await query(
      {
        filter: { staff: false, result: 'completed' },
        groupBy: ['constituentGroup'],
        aggregates: ['count', 'avg:knowledgeGain'],
        sort: ['constituentGroup'],
      },
      'training-participations',
    );
    // e1 (30) and e11 (no tests) for government, e2 (10) workers, e9 (40) partner institution.
    expect(constituents.body['rows']).toEqual([
      { constituentGroup: 'government', count: 2, avg_knowledgeGain: 30 },
      { constituentGroup: 'partner-institution', count: 1, avg_knowledgeGain: 40 },
      { constituentGroup: 'workers-organisation', count: 1, avg_knowledgeGain: 10 },
    ]);
    await eventually(async () =>
      expect(
        (
          await query(
            {
              groupBy: ['status'],
              aggregates: ['count', 'sum:satisfactionResponses'],
              sort: ['status'],
            },
            'training-offerings',
          )
        ).body['rows'],
      ).toEqual([
        { status: 'cancelled', count: 1, sum_satisfactionResponses: 0 },
        { status: 'completed', count: 4, sum_satisfactionResponses: 4 },
      ]),
    );
    const courses = await query(
      { filter: { audiences: 'staff' }, select: ['courseId', 'kind'], sort: ['courseId'] },
      'training-courses',
    );
    expect(courses.body['rows']).toEqual([
      { courseId: 'c2', kind: 'brief' },
      { courseId: 'c3', kind: 'e-learning' },
    ]);
    for (const field of ['personId', 'name', 'email']) {
      const refused = await query({ select: ['enrolmentId', field] }, 'training-participations');
      expect({ field, status: refused.status, code: refused.body['code'] }).toEqual({
        field,
        status: 400,
        code: 'INVALID_QUERY',
      });
    }
  });

  it('dead-letters a training event whose payload reporting cannot use', async () => {
    const h = new TrainingHistory();
    const broken = h.enrol('o9', 'e-broken', '2026-05-01T09:00:00.000Z', {
      personId: 'p-broken',
      sex: 'female',
      country: 'SN',
      staff: false,
      constituentGroup: 'government',
    });
    delete ((broken.data as Json)['participant'] as Json)['sex'];
    const dead: IncomingMessage[] = [];
    const watcher = await bus.consume({
      groupId: 'dlq-watch-training',
      topics: [contextTopics('reporting').dlq],
      handler: async (m) => void dead.push(m),
    });
    try {
      await publishEvents(bus, contextTopics('training').events, [broken]);
      await eventually(async () =>
        expect(dead.some((m) => m.headers['eventId'] === broken.eventId)).toBe(true),
      );
      const letter = dead.find((m) => m.headers['eventId'] === broken.eventId)!;
      expect(letter.headers[DEAD_LETTER_HEADERS.reason]).toBe('schema-invalid');
      expect(
        JSON.parse(letter.headers[DEAD_LETTER_HEADERS.fieldErrors]!).map((f: Json) => f['field']),
      ).toEqual(['data.participant.sex']);
      expect(
        (
          await query(
            { filter: { enrolmentId: 'e-broken' }, aggregates: ['count'] },
            'training-participations',
          )
        ).body['rows'],
      ).toEqual([{ count: 0 }]);
    } finally {
      await watcher.stop();
    }
  });

  it('pages, and exports CSV (also by GET with the query in the URL)', async () => {
    const page = await query({ select: ['requestId'], sort: ['requestId'], limit: 2, offset: 2 });
    expect(page.body).toMatchObject({ view: 'service-requests', total: 5, offset: 2, limit: 2 });
    expect(page.body['rows']).toEqual(
      [ids.A, ids.B, ids.C, ids.D, ids.E]
        .sort()
        .slice(2, 4)
        .map((requestId) => ({ requestId })),
    );
    const csv = await query(
      { groupBy: ['kind'], sort: ['kind'] },
      'service-requests',
      '?format=csv',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toBe(
      'kind,count\r\nfund-instrument-guidelines,1\r\nprogramme-guidance,1\r\nreferral,3\r\n',
    );
    const q = encodeURIComponent(JSON.stringify({ groupBy: ['priority'], sort: ['priority'] }));
    const byUrl = await http.get(`/views/service-requests/query?q=${q}&format=csv`);
    expect(byUrl.text).toBe(
      'priority,count\r\nfund-instrument-guidelines,1\r\n'.replace(
        'fund-instrument-guidelines,1\r\n',
        'high,1\r\nlow,1\r\nnormal,2\r\nurgent,1\r\n',
      ),
    );
  });

  it('refuses operator injection and bad values with 400 and a message per field', async () => {
    const cases: Array<[unknown, string[]]> = [
      [{ filter: { kind: { $gt: '' } } }, ['filter.kind.$gt']],
      [{ filter: { $where: 'sleep(5000)' } }, ['filter.$where']],
      [
        { filter: { 'kind.$ne': 'x', 'requester.email': 'a@b' } },
        ['filter.kind.$ne', 'filter.requester.email'],
      ],
      [{ filter: { kind: { eq: { $ne: null } } } }, ['filter.kind.eq']],
      [{ filter: { kind: { in: [{ $regex: '.*' }] } } }, ['filter.kind.in[0]']],
      [
        { filter: { open: 'true', submittedAt: { gte: { $date: 0 } } } },
        ['filter.open', 'filter.submittedAt.gte'],
      ],
      [
        { groupBy: ['$kind'], aggregates: ['$sum:slaBreachCount'], sort: ['$natural'] },
        ['groupBy[0]', 'aggregates[0]', 'sort[0]'],
      ],
    ];
    for (const [body, fields] of cases) {
      const answer = await query(body);
      expect({ body, status: answer.status, code: answer.body['code'] }).toEqual({
        body,
        status: 400,
        code: 'INVALID_QUERY',
      });
      expect({
        body,
        fields: (answer.body['fieldErrors'] as Json[]).map((f) => f['field']).sort(),
      }).toEqual({ body, fields: [...fields].sort() });
      expect(answer.body['fieldErrors'][0].messages[0]).toEqual(expect.any(String));
    }
    // The query's shape (its options, their types and bounds) is the request's rule: refused before the view is read.
    const shape = await query({ $where: '1', limit: 100000 });
    expect(shape.status).toBe(400);
    expect(shape.body['code']).toBe('VALIDATION_FAILED');
    expect((shape.body['fieldErrors'] as Json[]).map((f) => f['field']).sort()).toEqual([
      '$where',
      'limit',
    ]);
    const viaUrl = await http.get('/views/service-requests/query?q[$gt]=&format=csv');
    expect(viaUrl.status).toBe(400);
    expect(viaUrl.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ field: 'q[$gt]' }],
    });
    const twice = await http.get('/views/service-requests/query?q=%7B%7D&q=%7B%7D');
    expect(twice.body).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'q' }] });
    const notJson = await http.get('/views/service-requests/query?q=%7Bfilter');
    expect(notJson.body).toMatchObject({ code: 'INVALID_QUERY', fieldErrors: [{ field: 'q' }] });
    const unknownView = await query({}, '$where');
    expect(unknownView.status).toBe(404);
    expect(unknownView.body).toMatchObject({ code: 'UNKNOWN_VIEW' });
    // Nothing was harmed: the view still answers.
    await eventually(async () => expect(await count()).toBe(5));
  });

  it('serves the progress report for 2026-Q1 as JSON, CSV and printable HTML, figures by hand', async () => {
    const report = await http.get<Json>('/reports/progress?period=2026-Q1');
    expect(report.status).toBe(200);
    expect(report.body['period']).toEqual({
      label: '2026-Q1',
      kind: 'quarter',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    const helpDesk = report.body['functions'][0];
    expect(helpDesk).toMatchObject({
      function: 'help-desk-and-service',
      status: 'reported',
      context: 'help-desk',
    });
    expect(figuresByName(helpDesk.figures)).toMatchObject(HELP_DESK_FIGURES_2026_Q1);
    const knowledge = (report.body['functions'] as Json[]).find(
      (f) => f['function'] === 'knowledge-management',
    );
    expect(knowledge).toMatchObject({ status: 'reported', context: 'knowledge-base' });
    expect(figuresByName(knowledge!['figures'])).toEqual(KNOWLEDGE_MANAGEMENT_FIGURES_2026_Q1);
    const statuses = Object.fromEntries(
      (report.body['functions'] as Json[]).map((f) => [f['function'], f['status']]),
    );
    expect(statuses).toMatchObject({
      innovation: 'reported',
      training: 'reported',
      'quality-monitoring': 'reported',
      'capacity-building': 'reported',
    });
    const training = (report.body['functions'] as Json[]).find((f) => f['function'] === 'training');
    expect(training).toMatchObject({ title: 'Staff training', context: 'training' });
    const staff = besidePrevious(STAFF_TRAINING_FIGURES_2026_Q1);
    expect(figuresByName(training!['figures'])).toMatchObject(staff.current);
    expect(previousFiguresByName(training!['figures'])).toMatchObject(staff.previous);
    const capacity = (report.body['functions'] as Json[]).find(
      (f) => f['function'] === 'capacity-building',
    );
    expect(capacity).toMatchObject({
      title: 'Capacity building of constituents',
      context: 'training',
    });
    const constituents = besidePrevious(CAPACITY_BUILDING_FIGURES_2026_Q1);
    expect(figuresByName(capacity!['figures'])).toMatchObject(constituents.current);
    expect(previousFiguresByName(capacity!['figures'])).toMatchObject(constituents.previous);
    expect(capacity!['notes']).toContainEqual(
      expect.stringMatching(/^Results against targets: no training programme has targets/),
    );

    const csv = await http.get('/reports/progress?period=2026-Q1&format=csv');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="progress-report-2026-Q1.csv"',
    );
    // D (submitted 2025-12-20) is the one request of 2025-Q4.
    expect(csv.text.split('\r\n')).toContain(
      '2026-Q1,help-desk-and-service,Help desk and service,reported,requestsReceived,,Requests received,4,count,1,3,',
    );
    expect(csv.text.split('\r\n')).toEqual(
      expect.arrayContaining([
        '2026-Q1,training,Staff training,reported,staffTrained,,Staff trained (people),2,count,1,1,',
        '2026-Q1,training,Staff training,reported,completionRatePercent,,Completion rate (%),75,percent,100,-25,',
        "2026-Q1,capacity-building,Capacity building of constituents,reported,peopleTrainedByConstituentGroup,Workers' organisation,Constituents trained by constituent group: Workers' organisation,1,count,0,1,",
      ]),
    );
    const html = await http.get('/reports/progress?period=2026-Q1&format=html');
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('<h2>Help desk and service</h2>');
    expect(html.text).toContain(
      '<tr><th scope="row">Median time to resolution (hours)</th><td>312 hours</td><td>n/a</td><td>n/a</td><td>hours</td></tr>',
    );
    expect(html.text).toContain(
      '<tr><th scope="row">Completion rate (%)</th><td>75%</td><td>100%</td><td>−25 points</td><td>percent</td></tr>',
    );
    expect(html.text).toContain('<h2>Staff training</h2>');
    expect(html.text).toContain('<h2>Capacity building of constituents</h2>');
    expect(html.text).toContain(
      '<tr><th scope="row">Workers&#39; organisation</th><td>1</td><td>0</td><td>+1</td></tr>',
    );
    expect(html.text).toContain('<h2>Quality monitoring</h2>');
  });

  it('reports a period with no activity as correct and empty', async () => {
    const report = await http.get<Json>('/reports/progress?period=2027-Q3');
    expect(report.status).toBe(200);
    expect(
      (report.body['functions'][0].figures as Json[]).map((f) => [
        f['metric'],
        f['key'],
        f['value'],
        f['unit'],
        f['formatted'],
        f['previous'],
        f['changeFormatted'],
      ]),
    ).toEqual([
      ['requestsReceived', null, 0, 'count', '0', 0, 'no change'],
      ['requestsResolved', null, 0, 'count', '0', 0, 'no change'],
      ['requestsCancelled', null, 0, 'count', '0', 0, 'no change'],
      ['medianHoursToResolution', null, null, 'hours', 'n/a', null, 'n/a'],
      ['meanHoursToResolution', null, null, 'hours', 'n/a', null, 'n/a'],
      ['slaBreaches', null, 0, 'count', '0', 0, 'no change'],
    ]);
    const bad = await http.get<Json>('/reports/progress?period=2026-Q5&format=pdf&sort=1');
    expect(bad.status).toBe(400);
    expect(bad.body['fieldErrors'].map((f: Json) => f['field']).sort()).toEqual([
      'format',
      'period',
      'sort',
    ]);
    for (const period of ['2026-Q5', '2026-2028', '1999', '2101']) {
      const badPeriod = await http.get<Json>(`/reports/progress?period=${period}`);
      expect(badPeriod.body).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ field: 'period' }],
      });
    }
    const missing = await http.get<Json>('/reports/progress');
    expect(missing.body).toMatchObject({ status: 400, fieldErrors: [{ field: 'period' }] });
  });

  it('answers "as of" a past instant by replaying the log, for views and the report', async () => {
    const asOf = '2026-02-01T00:00:00.000Z';
    const report = await http.get<Json>(`/reports/progress?period=2026-Q1&asOf=${asOf}`);
    expect(report.body['asOf']).toBe(asOf);
    const figures = Object.fromEntries(
      (report.body['functions'][0].figures as Json[])
        .filter((f) => f['key'] === null)
        .map((f) => [f['metric'], f['value']]),
    );
    expect(figures).toEqual({
      requestsReceived: 1,
      requestsResolved: 2,
      requestsCancelled: 0,
      medianHoursToResolution: 180,
      meanHoursToResolution: 180,
      slaBreaches: 0,
    });
    const view = await query({ asOf, select: ['requestId', 'status'], sort: ['requestId'] });
    expect(view.body).toMatchObject({ asOf, total: 2 });
    expect(view.body['rows']).toEqual(
      [
        { requestId: ids.A, status: 'closed' },
        { requestId: ids.D, status: 'resolved' },
      ].sort((a, b) => (a.requestId < b.requestId ? -1 : 1)),
    );
    const future = await query({ asOf: '2999-01-01' });
    expect(future.body).toMatchObject({ code: 'INVALID_QUERY', fieldErrors: [{ field: 'asOf' }] });
  });

  it('dead-letters a public event whose payload reporting cannot use, and goes on', async () => {
    const h = new HelpDeskHistory();
    const broken = plainRequest(h, 'broken-1', '2026-05-01T00:00:00.000Z', 'referral');
    (broken.data as Json)['themes'] = 'youth';
    delete (broken.data as Json)['submittedAt'];
    const fine = plainRequest(h, 'fine-1', '2026-05-02T00:00:00.000Z', 'referral');
    const dead: IncomingMessage[] = [];
    const watcher = await bus.consume({
      groupId: 'dlq-watch',
      topics: [contextTopics('reporting').dlq],
      handler: async (m) => void dead.push(m),
    });
    try {
      await publishEvents(bus, topic, [broken, fine]);
      await eventually(async () => expect(await count()).toBe(6));
      await eventually(async () =>
        expect(dead.some((m) => m.headers['eventId'] === broken.eventId)).toBe(true),
      );
      const letter = dead.find((m) => m.headers['eventId'] === broken.eventId)!;
      expect(letter.headers[DEAD_LETTER_HEADERS.reason]).toBe('schema-invalid');
      expect(
        JSON.parse(letter.headers[DEAD_LETTER_HEADERS.fieldErrors]!)
          .map((f: Json) => f['field'])
          .sort(),
      ).toEqual(['data.submittedAt', 'data.themes']);
    } finally {
      await watcher.stop();
    }
  });

  it('counts an event delivered twice once', async () => {
    const h = new HelpDeskHistory();
    const twice = plainRequest(h, 'twice-1', '2026-05-03T00:00:00.000Z', 'advocacy-external');
    await publishEvents(bus, topic, [twice, twice]);
    const marker = plainRequest(h, 'marker-1', '2026-05-04T00:00:00.000Z', 'advocacy-external');
    await publishEvents(bus, topic, [marker]);
    await eventually(async () =>
      expect(
        (await query({ filter: { kind: 'advocacy-external' }, aggregates: ['count'] })).body[
          'rows'
        ],
      ).toEqual([{ count: 2 }]),
    );
    expect(await stores.log.streamVersion(`help-desk/${twice.streamId}`)).toBe(1);
  });

  it('lists every projection of the platform with position, lag and last error', async () => {
    const list = await http.get<{ projections: Json[] }>('/projections');
    expect(list.status).toBe(200);
    const reporting = list.body.projections.find(
      (p) => p['context'] === 'reporting' && p['name'] === 'reporting-service-requests',
    );
    expect(reporting).toMatchObject({
      state: expect.any(String),
      position: expect.any(Number),
      lagEvents: expect.any(Number),
      lastError: null,
      headPosition: expect.any(Number),
    });
    expect(list.body.projections.find((p) => p['context'] === 'fixture')).toMatchObject({
      name: 'fixture-tickets',
      position: 1,
      lagEvents: 0,
    });
    const one = await http.get<Json>('/projections/fixture/fixture-tickets');
    expect(one.body).toMatchObject({ context: 'fixture', name: 'fixture-tickets' });
    expect((await http.get<Json>('/projections/nowhere/x')).body).toMatchObject({
      status: 404,
      code: 'UNKNOWN_PROJECTION_SOURCE',
    });
    expect((await http.get<Json>('/projections/reporting/nothing')).body).toMatchObject({
      status: 404,
      code: 'UNKNOWN_PROJECTION',
    });
    expect((await http.post<Json>('/projections/fixture/fixture-tickets/rebuild')).status).toBe(
      202,
    );
  });

  it('rebuilds the view from zero during concurrent writes: queries keep answering, nothing lost or counted twice', async () => {
    const before = await count();
    const h = new HelpDeskHistory();
    const batch = (from: number, n: number) => {
      const events = [];
      for (let i = from; i < from + n; i++) {
        const id = `bulk-${i}`;
        events.push(
          h.submit(id, '2026-06-01T00:00:00.000Z', {
            kind: 'tool-development',
            themes: ['green-finance'],
            priority: 'normal',
          }),
        );
        events.push(h.resolve(id, '2026-06-01T10:00:00.000Z'));
      }
      return events;
    };
    await publishEvents(bus, topic, batch(0, 150));
    await eventually(async () => expect(await count()).toBe(before + 150));
    const started = await http.post<Json>(
      '/projections/reporting/reporting-service-requests/rebuild',
    );
    expect(started.status).toBe(202);
    const generation = started.body['generation'] as number;
    // The new version is built from zero (batches of 25) while the consumer keeps logging the chunks below.
    const duringWrites: number[] = [];
    for (let chunk = 1; chunk <= 5; chunk++) {
      await publishEvents(bus, topic, batch(150 * chunk, 150));
      const answer = await query({ aggregates: ['count'] });
      expect(answer.status).toBe(200);
      duringWrites.push(answer.body['rows'][0].count);
    }
    const total = before + 900;
    await eventually(async () => {
      const status = await http.get<Json>('/projections/reporting/reporting-service-requests');
      expect(status.body).toMatchObject({ generation, rebuild: null, lagEvents: 0 });
      expect(await count()).toBe(total);
    }, 60_000);
    // Served all along, never more than the truth.
    expect(duringWrites.every((n) => n >= before && n <= total)).toBe(true);
    const bulk = await query({
      filter: { kind: 'tool-development', themes: 'green-finance' },
      aggregates: ['count', 'sum:hoursToFirstResolution'],
    });
    expect(bulk.body['rows']).toEqual([{ count: 900, sum_hoursToFirstResolution: 9000 }]);
    const report = await http.get<Json>('/reports/progress?period=2026-Q2');
    const received = (report.body['functions'][0].figures as Json[]).find(
      (f) => f['metric'] === 'requestsReceived',
    );
    // Q2: C resolved earlier; received: broken (dead-lettered, not counted), fine-1, twice-1, marker-1 and the 900.
    expect(received).toMatchObject({ value: 903 });
  });

  it('rebuilds again on request, each time into a new version that takes over; refuses an unknown projection', async () => {
    const projection = '/projections/reporting/reporting-service-requests';
    /** Starts a rebuild and waits until its new version serves; returns that version. */
    const rebuild = async (): Promise<number> => {
      const started = await http.post<Json>(`${projection}/rebuild`);
      expect(started.status).toBe(202);
      await eventually(
        async () =>
          expect((await http.get<Json>(projection)).body).toMatchObject({
            generation: started.body['generation'],
            rebuild: null,
          }),
        60_000,
      );
      return started.body['generation'];
    };
    const expected = await count();
    const first = await rebuild();
    expect(await rebuild()).toBe(first + 1);
    expect(await count()).toBe(expected);
    const unknown = await http.post<Json>('/projections/reporting/$where/rebuild');
    expect(unknown.body).toMatchObject({ status: 404, code: 'UNKNOWN_PROJECTION' });
  });

  it('stops a query that would read more documents than the bound with a clear 422, and answers a narrower one', async () => {
    const h = new HelpDeskHistory();
    const events = [];
    for (let i = 0; i < 100; i++)
      events.push(plainRequest(h, `more-${i}`, '2026-07-01T00:00:00.000Z', 'advocacy-internal'));
    await publishEvents(bus, topic, events);
    await eventually(async () =>
      expect(
        (await query({ filter: { kind: 'advocacy-internal' }, aggregates: ['count'] })).body[
          'rows'
        ],
      ).toEqual([{ count: 100 }]),
    );
    const broad = await query({ aggregates: ['count'] });
    expect(broad.status).toBe(422);
    expect(broad.body).toMatchObject({
      code: 'QUERY_TOO_BROAD',
      detail: expect.stringContaining('matches more than 1000 documents; narrow the filter'),
    });
    const narrow = await query({
      filter: { submittedAt: { gte: '2026-07-01' } },
      aggregates: ['count'],
    });
    expect(narrow.body['rows']).toEqual([{ count: 100 }]);
  });
});
