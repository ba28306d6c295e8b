import { httpClient as client, signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { startTestPlatform } from './support/test-platform';

type Json = Record<string, any>;

/**
 * The analyst's path on the platform as `npm start` boots it: requests filed
 * and resolved at the help desk flow over the embedded bus into reporting,
 * where the analyst queries the views and downloads the Governing Body report.
 */
describe('reporting on the embedded platform (e2e)', () => {
  let platform: EmbeddedPlatform;
  let operator: ReturnType<typeof client>;
  let analyst: ReturnType<typeof client>;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-reporting-', {
      SFP_ADMIN_PASSWORD: 'reporting e2e phrase',
    });
    const admin = client(
      `${platform.url}/api/auth`,
      await signIn(platform.url, 'admin', 'reporting e2e phrase'),
    );
    for (const [username, roles] of [
      ['otto', ['operator']],
      ['anna', ['analyst']],
    ] as const) {
      expect(
        (
          await admin.post('/users', {
            username,
            displayName: username,
            roles,
            password: 'e2e user phrase 1',
          })
        ).status,
      ).toBe(201);
    }
    operator = client(
      `${platform.url}/api/help-desk`,
      await signIn(platform.url, 'otto', 'e2e user phrase 1'),
    );
    analyst = client(
      `${platform.url}/api/reporting`,
      await signIn(platform.url, 'anna', 'e2e user phrase 1'),
    );
  });

  afterAll(async () => {
    await platform?.close();
  });

  const file = async (kind: string, themes: string[]) => {
    const filed = await operator.post<{ requestId: string }>('/service-requests', {
      requester: {
        name: 'Lucía Fernández',
        email: 'lucia@example.org',
        origin: 'regional-office',
        organisation: 'DWT Lima',
      },
      title: `A ${kind} request`,
      description: 'For the report',
      kind,
      themes,
      region: 'americas',
      country: 'PE',
      priority: 'normal',
    });
    expect(filed.status).toBe(201);
    return filed.body.requestId;
  };

  const figure = (report: Json, metric: string, key: string | null = null) =>
    (report['functions'] as Json[])
      .find((f) => f['function'] === 'help-desk-and-service')!
      ['figures'].find((f: Json) => f['metric'] === metric && f['key'] === key)?.['value'];

  it('counts requests received and resolved in the Governing Body report, as JSON, CSV and HTML', async () => {
    const first = await file('referral', ['microinsurance']);
    await file('programme-guidance', ['gender', 'youth']);
    for (const [action, body] of [
      ['triage', { kind: 'referral', themes: ['microinsurance'], priority: 'high' }],
      ['assign', { assignee: 'otto' }],
      ['start', {}],
      ['resolve', { answer: 'Referred to the national scheme', outputs: [] }],
    ] as const) {
      expect((await operator.post(`/service-requests/${first}/${action}`, body)).status).toBe(200);
    }

    let report: Json = {};
    for (let i = 0; i < 100; i++) {
      report = (await analyst.get<Json>(`/reports/progress?period=${year}`)).body;
      if (figure(report, 'requestsResolved') === 1 && figure(report, 'requestsReceived') === 2)
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(figure(report, 'requestsReceived')).toBe(2);
    expect(figure(report, 'requestsResolved')).toBe(1);
    const sections = (report['functions'] as Json[]).map((f) => [f['function'], f['status']]);
    expect(sections).toEqual(expect.arrayContaining([['help-desk-and-service', 'reported']]));
    expect(sections).toEqual(expect.arrayContaining([['quality-monitoring', 'reported']]));

    const csv = await analyst.get(`/reports/progress?period=${year}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split(/\r?\n/)[0]).toBe(
      `period,function,section,status,metric,key,label,value,unit,previous (${year - 1}),change,note`,
    );
    const html = await analyst.get(`/reports/progress?period=${year}&format=html`);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.text).toContain('<table');

    // An empty past period is correct and empty, not an error.
    const empty = (await analyst.get<Json>('/reports/progress?period=2001-Q1')).body;
    expect(figure(empty, 'requestsReceived')).toBe(0);
  });

  it('answers analyst queries over the views and refuses operator injection with 400', async () => {
    const byKind = await analyst.post<{ rows: Json[] }>('/views/service-requests/query', {
      groupBy: ['kind'],
      aggregates: ['count'],
      sort: ['kind'],
    });
    expect(byKind.status).toBe(200);
    expect(byKind.body.rows.map((r) => [r['kind'], r['count']])).toEqual([
      ['programme-guidance', 1],
      ['referral', 1],
    ]);
    const injected = await analyst.post<Json>('/views/service-requests/query', {
      filter: { kind: { $gt: '' } },
    });
    expect(injected.status).toBe(400);
    expect(injected.body['code']).toBe('INVALID_QUERY');
    // Operations on the platform's projections are the administrator's, not the analyst's.
    expect((await analyst.get('/projections')).status).toBe(403);
  });
});
