import { randomUUID } from 'node:crypto';
import type { SingleValueField } from '@sfp/contracts';
import { COMMAND_HEADERS, contextTopics, type IncomingMessage } from '@sfp/messaging';
import { physicalName } from '@sfp/projections';
import { httpClient } from '@sfp/testing';
import { exampleAssessment } from '../src/library/domain/testing/example-assessment';
import { workedExampleA } from '../src/performance-report/domain/testing/worked-example';
import { TARGET_REEVALUATION } from '../src/target/projections/target-statuses.read-your-writes';
import {
  startEmbeddedKnowledgeBase,
  type EmbeddedKnowledgeBase,
} from './support/embedded-knowledge-base';
import { institutionRegistration, institutionTarget } from '../src/testing/knowledge-base-requests';

type Json = Record<string, any>;

/**
 * The knowledge base over HTTP as the embedded platform runs it (SQLite event
 * store and read models, embedded bus): an operator registers institutions,
 * files and restates reports, sets targets and sees their status change; an
 * analyst reads ratios, benchmarks and outreach; a regional office's system
 * files by message. Figures are checked against values computed by hand.
 */
describe('knowledge base, embedded (e2e over HTTP)', () => {
  let kb: EmbeddedKnowledgeBase;
  let http: ReturnType<typeof httpClient>;
  const analyst = { 'x-test-principal': 'person:analyst-1:analyst' };
  const asiaClient = {
    'x-test-principal': 'integration-client:ro-asia-system:integration:ro-asia-pacific',
  };
  const africaClient = {
    'x-test-principal': 'integration-client:ro-africa-system:integration:ro-africa',
  };

  beforeAll(async () => {
    kb = await startEmbeddedKnowledgeBase();
    http = httpClient(kb.url);
  });
  afterAll(async () => kb?.close());

  const register = async (overrides: Json = {}): Promise<string> => {
    const created = await http.post<Json>('/institutions', institutionRegistration(overrides));
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect((await http.post(`/institutions/${id}/activate`, {})).status).toBe(200);
    return id;
  };
  const example = () => workedExampleA();
  const fileBody = (change: (f: ReturnType<typeof example>) => void = () => undefined) => {
    const f = example();
    change(f);
    return f;
  };

  it('files a report; the ratios match the worked example, depth uses the seeded GNI per capita', async () => {
    const id = await register();
    const filed = await http.post<Json>(`/institutions/${id}/performance-reports`, fileBody());
    expect(filed.status).toBe(201);
    expect(filed.headers.get('etag')).toBe('"1"');
    const reportId = `${id}_2025-01-01_2025-12-31`;
    expect(filed.body).toMatchObject({ id: reportId, streamVersion: 1, changed: true });
    expect(filed.headers.get('location')).toBe(
      `/api/knowledge-base/performance-reports/${reportId}`,
    );

    const detail = await http.get<Json>(`/performance-reports/${reportId}`);
    expect(detail.status).toBe(200);
    const ratios = detail.body['current'].ratios;
    expect(ratios.oss.value).toBeCloseTo(260_000 / 212_000, 10);
    expect(ratios.fss.value).toBeCloseTo(260_000 / 234_000, 10);
    expect(ratios.par30).toEqual({ value: 0.04 });
    expect(ratios.costPerBorrower.value).toBeCloseTo(40, 10);
    // Seeded GNI per capita of Kenya in 2025: 2 010 × 1.08 = 2 170.8, rounded to 2 170
    expect(detail.body['current'].gniPerCapitaUsd).toBe(2_170);
    expect(ratios.depth.value).toBeCloseTo(180 / 2_170, 10);
    expect(detail.body['current'].filingDepartment).toBeUndefined();

    const profile = await http.get<Json>(
      `/institutions/${id}/profile?minPosition=${filed.body['position']}`,
      analyst,
    );
    expect(profile.status).toBe(200);
    expect(profile.body['series']).toHaveLength(1);
    expect(profile.body['series'][0]).toMatchObject({
      reportId,
      version: 1,
      restated: false,
      year: 2025,
    });

    const csv = await http.get(`/institutions/${id}/profile?format=csv`, analyst);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, row] = csv.text.trim().split('\r\n');
    expect(header!.split(',').slice(0, 7)).toEqual([
      'reportId',
      'periodStart',
      'periodEnd',
      'year',
      'version',
      'currency',
      'oss',
    ]);
    expect(row).toContain(`${reportId},2025-01-01,2025-12-31,2025,1,USD,`);

    const iris = await http.get<Json>(`/institutions/${id}/iris`, analyst);
    const byId = Object.fromEntries(
      iris.body['values'].map((v: Json) => [`${v.irisId}:${v.currency ?? ''}`, v.value]),
    );
    expect(byId).toMatchObject({
      'PI8732:': 5_000,
      'FP2635:': 0.04,
      'FP9717:USD': 8_000,
      'FP2392:USD': 36_000,
      'PI9250:': 200,
    });
  });

  it('a restatement changes the ratios, the target status and the history', async () => {
    const id = await register({ name: 'Amani SACCO', legalType: 'cooperative' });
    const filed = await http.post<Json>(`/institutions/${id}/performance-reports`, fileBody());
    const reportId = filed.body['id'];

    const target = await http.post<Json>('/targets', institutionTarget(id));
    expect(target.status).toBe(201);
    const targetId = target.body['id'];
    // Judged on the filed report after the answer (PAR30 4% ≤ 5%): minPosition waits for that.
    const judged = await http.get<Json>(
      `/targets/${targetId}?minPosition=${target.body['position']}`,
    );
    expect(judged.body['view']).toMatchObject({ status: 'on-track', value: 0.04 });

    // Audited PAR30: (51 000 + 6 000) / 900 000 = 6.33%: missed by 1.33 points, within the 2-point band
    const restated = await http.post<Json>(
      `/performance-reports/${reportId}/restatements`,
      {
        ...fileBody((f) => (f.inputs.par30Balance = 51_000)),
        period: undefined,
        reason: 'Audited statements',
      },
      { 'if-match': '"1"' },
    );
    expect(restated.status).toBe(200);
    expect(restated.headers.get('etag')).toBe('"2"');
    expect(restated.body).not.toHaveProperty('targetsChanged');

    const stale = await http.post<Json>(
      `/performance-reports/${reportId}/restatements`,
      { ...fileBody(), period: undefined, reason: 'x' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);

    const detail = await http.get<Json>(`/performance-reports/${reportId}`);
    expect(detail.body['version']).toBe(2);
    expect(detail.body['versions'].map((v: Json) => v.ratios.par30.value)).toEqual([
      0.04,
      57_000 / 900_000,
    ]);
    expect(detail.body['current'].changedRatios).toEqual(['par30', 'riskCoverage']);
    expect(detail.body['history'].map((h: Json) => h.event)).toEqual([
      'PerformanceReportFiled',
      'PerformanceReportRestated',
    ]);

    const profile = await http.get<Json>(
      `/institutions/${id}/profile?minPosition=${restated.body['position']}`,
      analyst,
    );
    expect(profile.body['series']).toEqual([
      expect.objectContaining({ reportId, version: 2, restated: true }),
    ]);
    expect(profile.body['targets']).toEqual([
      expect.objectContaining({ targetId, status: 'at-risk', value: 57_000 / 900_000 }),
    ]);

    const targetDetail = await http.get<Json>(
      `/targets/${targetId}?minPosition=${restated.body['position']}`,
    );
    const changes = targetDetail.body['history']
      .filter((h: Json) => h.event === 'TargetStatusChanged')
      .map((h: Json) => `${h.data.previousStatus}>${h.data.status}`);
    expect(changes).toEqual(['no-data>on-track', 'on-track>at-risk']);

    const list = await http.get(
      `/targets?format=csv&minPosition=${restated.body['position']}`,
      analyst,
    );
    expect(list.text).toContain(
      `${targetId},institution:${id},par30,at-most,0.05,0.02,2025-12-31,at-risk`,
    );
  });

  it('refuses bad input with precise 400s', async () => {
    const id = await register({ name: 'Tujenge Microfinance' });
    const post = (body: unknown) =>
      http.post<Json>(`/institutions/${id}/performance-reports`, body);

    const par = await post(fileBody((f) => (f.inputs.par30Balance = 899_000)));
    expect(par.status).toBe(400);
    expect(par.body).toMatchObject({ code: 'IDENTITY_VIOLATED' });
    expect(par.body['detail']).toContain('PAR30 balance ≤ GLP');
    expect(par.body['fieldErrors'][0]).toMatchObject({ field: 'inputs.par30Balance' });

    const women = await post(fileBody((f) => (f.inputs.activeWomenBorrowers = 5_001)));
    expect(women.body).toMatchObject({ status: 400, code: 'IDENTITY_VIOLATED' });
    expect(women.body['detail']).toContain('women borrowers ≤ active borrowers');

    const officers = await post(fileBody((f) => (f.inputs.loanOfficers = 81)));
    expect(officers.body['detail']).toContain('loan officers ≤ personnel');

    const negative = await post(fileBody((f) => (f.inputs.voluntarySavers = -2)));
    expect(negative.status).toBe(400);
    expect(negative.body['code']).toBe('VALIDATION_FAILED');
    expect(negative.body['fieldErrors'].map((e: Json) => e.field)).toEqual([
      'inputs.voluntarySavers',
    ]);

    const currency = await post(fileBody((f) => (f.currency = 'XYZ')));
    expect(currency.status).toBe(400);
    expect(currency.body['fieldErrors']).toEqual([
      {
        field: 'currency',
        messages: [expect.stringContaining('XYZ is not an ISO 4217 currency code')],
      },
    ]);

    const missing = await post(
      fileBody((f) => delete (f.inputs.grossLoanPortfolio as Partial<{ opening: number }>).opening),
    );
    expect(missing.status).toBe(400);
    expect(missing.body['fieldErrors'].map((e: Json) => e.field)).toEqual([
      'inputs.grossLoanPortfolio.opening',
    ]);

    const writeOffs = await post(fileBody((f) => (f.inputs.writeOffs = -1)));
    expect(writeOffs.body['fieldErrors'][0]).toMatchObject({
      field: 'inputs.writeOffs',
      messages: [expect.stringContaining('write-offs-non-negative')],
    });

    const country = await http.post<Json>(
      '/institutions',
      institutionRegistration({ name: 'Nowhere Finance', legalType: 'ngo', country: 'XX' }),
    );
    expect(country.status).toBe(400);
    expect(country.body['fieldErrors']).toEqual([
      { field: 'country', messages: ['XX is not an ISO 3166-1 alpha-2 country code'] },
    ]);

    const again = await post(fileBody());
    expect(again.status).toBe(201);
    expect((await post(fileBody())).body).toMatchObject({
      status: 409,
      code: 'PERFORMANCE_REPORT_ALREADY_FILED',
    });
  });

  it('refuses figures the income statement contradicts and amounts beyond the bounds (400, IDENTITY_VIOLATED, by field)', async () => {
    const id = await register({ name: 'Kilimo Microfinance' });
    const post = (body: unknown) =>
      http.post<Json>(`/institutions/${id}/performance-reports`, body);
    // Each change breaks one identity: 400 IDENTITY_VIOLATED, the one field refused, the identity named.
    type Refusal = { change: Parameters<typeof fileBody>[0]; field: string; identity: string };
    const input = (name: SingleValueField, value: number, identity: string): Refusal => ({
      change: (f) => void (f.inputs[name] = value),
      field: `inputs.${name}`,
      identity,
    });
    const refusals: Refusal[] = [
      // ROA 1 380 000 / 1 000 000 = 138 %, where the statement leaves 260 000 − 40 000 − 12 000 − 160 000 = 48 000.
      input('netOperatingIncomeAfterTaxes', 1_380_000, 'net-income-matches-statement'),
      input('portfolioRevenue', 300_000, 'portfolio-revenue-within-financial-revenue'),
      input('financialRevenue', 1e308, 'amounts-within-bounds'),
      input('personnel', 2_000_000_000, 'counts-within-bounds'),
      {
        change: (f) => {
          f.currency = 'KES';
          f.fx = { periodAverage: 1e-9, periodEnd: 128 };
        },
        field: 'fx.periodAverage',
        identity: 'fx-rates-within-bounds',
      },
    ];
    // Only `code`, the fields and the identity in their messages: the rest of the error body may change.
    for (const { change, field, identity } of refusals) {
      const refused = await post(fileBody(change));
      expect(refused.status).toBe(400);
      expect(refused.body['code']).toBe('IDENTITY_VIOLATED');
      expect(refused.body['fieldErrors'].map((e: Json) => e.field)).toEqual([field]);
      expect(refused.body['fieldErrors'][0].messages.join(' ')).toContain(identity);
    }

    // Nothing was recorded: the consistent report is the first version.
    const filed = await post(fileBody((f) => (f.inputs.netOperatingIncomeAfterTaxes = 48_000)));
    expect(filed.status).toBe(201);
    expect(filed.headers.get('etag')).toBe('"1"');
    const detail = await http.get<Json>(`/performance-reports/${filed.body['id']}`);
    expect(detail.body['current'].ratios.roa.value).toBeCloseTo(0.048, 12);
  });

  it('confines an integration client to its department', async () => {
    const id = await register({ name: 'Pragati Microfinance' });
    const refused = await http.post<Json>(
      `/institutions/${id}/performance-reports`,
      fileBody(),
      asiaClient,
    );
    // Another department's institution is, for the client, one that does not exist.
    expect(refused.status).toBe(404);
    expect(refused.body['code']).toBe('INSTITUTION_NOT_FOUND');
    expect((await http.get(`/institutions/${id}`, asiaClient)).status).toBe(404);

    const accepted = await http.post<Json>(
      `/institutions/${id}/performance-reports`,
      fileBody(),
      africaClient,
    );
    expect(accepted.status).toBe(201);
    const detail = await http.get<Json>(
      `/performance-reports/${accepted.body['id']}`,
      africaClient,
    );
    expect(detail.body['current'].filingDepartment).toBe('ro-africa');
    expect(detail.body['history'][0].actor).toEqual({
      kind: 'integration-client',
      id: 'ro-africa-system',
      department: 'ro-africa',
    });

    const elsewhere = await http.post<Json>(
      '/institutions',
      institutionRegistration({ name: 'Not mine', legalType: 'ngo', programmes: [] }),
      asiaClient,
    );
    expect(elsewhere.body).toMatchObject({ status: 403, code: 'OUT_OF_DEPARTMENT_SCOPE' });
    expect(
      (await http.post<Json>(`/institutions/${id}/suspend`, { reason: 'x' }, asiaClient)).status,
    ).toBe(404);
    // OSS at least 100 % by the end of 2026: on the portfolio (no department's), then on its own institution.
    const oss = {
      indicator: 'oss',
      comparator: 'at-least',
      threshold: 1,
      tolerance: 0,
      dueDate: '2026-12-31',
    };
    expect(
      (await http.post<Json>('/targets', { scope: 'portfolio', ...oss }, africaClient)).status,
    ).toBe(403);
    const own = await http.post<Json>('/targets', institutionTarget(id, oss), africaClient);
    expect(own.status).toBe(201);
    expect((await http.get(`/targets/${own.body['id']}`, asiaClient)).status).toBe(404);
    expect((await http.get(`/targets/${own.body['id']}`, africaClient)).status).toBe(200);

    const list = await http.get<Json>(
      `/institutions?region=africa&minPosition=${accepted.body['position']}`,
      analyst,
    );
    expect(list.body['items'].map((i: Json) => i.institutionId)).toContain(id);
  });

  it('peer benchmarks and the poverty outreach summary, by region, legal type and year', async () => {
    const par30s = [0.02, 0.04, 0.08];
    let position = 0;
    for (const [i, par] of par30s.entries()) {
      const id = await register({
        name: `Andes Bank ${i}`,
        country: 'PE',
        region: 'americas',
        legalType: 'bank',
        reportingDepartment: 'ro-americas',
      });
      const filed = await http.post<Json>(
        `/institutions/${id}/performance-reports`,
        fileBody((f) => {
          f.inputs.par30Balance = par * 900_000;
          f.inputs.renegotiatedLoans = 0;
        }),
      );
      expect(filed.status).toBe(201);
      position = filed.body['position'];
    }
    const bench = await http.get<Json>(
      `/benchmarks?region=americas&legalType=bank&year=2025&minPosition=${position}`,
      analyst,
    );
    expect(bench.status).toBe(200);
    expect(bench.body['groups']).toHaveLength(1);
    const group = bench.body['groups'][0];
    expect(group).toMatchObject({
      region: 'americas',
      legalType: 'bank',
      year: 2025,
      institutions: 3,
    });
    expect(group.ratios.par30.median).toBeCloseTo(0.04, 12);
    expect(group.ratios.par30.q1).toBeCloseTo(0.03, 12); // 0.02 + 0.5 × (0.04 − 0.02)
    expect(group.ratios.par30.q3).toBeCloseTo(0.06, 12);

    const csv = await http.get(
      `/benchmarks?region=americas&legalType=bank&year=2025&format=csv`,
      analyst,
    );
    expect(csv.text.split('\r\n')[0]).toBe(
      'year,region,legalType,institutions,ratio,count,absent,min,q1,median,q3,max',
    );
    expect(csv.text).toContain('2025,americas,bank,3,par30,3,0,0.02,');

    const outreach = await http.get<Json>('/outreach?region=americas&year=2025', analyst);
    expect(outreach.body['items']).toEqual([
      expect.objectContaining({
        region: 'americas',
        year: 2025,
        institutions: 3,
        activeBorrowers: 15_000,
        activeWomenBorrowers: 9_750,
        womenShare: 0.65,
        ruralClients: 7_500,
        averageLoanBalanceUsd: 180,
      }),
    ]);
    // Peru 2025 seed: 7 130 × 1.08 = 7 700.4 → 7 700
    expect(outreach.body['items'][0].medianDepth).toBeCloseTo(180 / 7_700, 12);
  });

  it('programme portfolio: members with latest ratios and the programme aggregate', async () => {
    const programme = `sfp-test-${randomUUID().slice(0, 8)}`;
    const a = await register({ name: 'Sahel Finance', programmes: [programme] });
    const b = await register({ name: 'Baraka Finance', programmes: [] });
    expect((await http.post(`/institutions/${b}/programmes`, { programme })).status).toBe(200);
    await http.post(`/institutions/${a}/performance-reports`, fileBody());
    const filed = await http.post<Json>(
      `/institutions/${b}/performance-reports`,
      fileBody((f) => (f.inputs.par30Balance = 84_000)),
    );
    const portfolio = await http.get<Json>(
      `/portfolios/${programme}?minPosition=${filed.body['position']}`,
      analyst,
    );
    expect(portfolio.body['members'].map((m: Json) => m.name)).toEqual([
      'Baraka Finance',
      'Sahel Finance',
    ]);
    // (36 000 + 90 000) / (900 000 + 900 000)
    expect(portfolio.body['byYear']).toEqual([
      expect.objectContaining({ year: 2025, institutions: 2 }),
    ]);
    expect(portfolio.body['byYear'][0].ratios.par30.value).toBeCloseTo(126_000 / 1_800_000, 12);
  });

  it('records GNI per capita; later reports use it', async () => {
    const recorded = await http.post<Json>('/reference/gni-per-capita', {
      entries: [{ country: 'UG', year: 2025, usd: 1_200 }],
      source: 'WDI test release',
    });
    expect(recorded.status).toBe(200);
    const id = await register({ name: 'Kampala Savings', country: 'UG' });
    const filed = await http.post<Json>(`/institutions/${id}/performance-reports`, fileBody());
    const detail = await http.get<Json>(`/performance-reports/${filed.body['id']}`);
    expect(detail.body['current'].ratios.depth.value).toBeCloseTo(180 / 1_200, 12);
    const table = await http.get<Json>(
      `/reference/gni-per-capita?country=UG&minPosition=${recorded.body['position']}`,
      analyst,
    );
    expect(table.body['items'].find((r: Json) => r.year === 2025)).toMatchObject({
      usd: 1_200,
      source: 'WDI test release',
    });
    const bad = await http.post<Json>('/reference/gni-per-capita', {
      entries: [{ country: 'UG', year: 2025, usd: -5 }],
      source: 's',
    });
    expect(bad.body['fieldErrors'][0].field).toBe('entries.0.usd');
  });

  it('searches impact assessments and practice notes by title, tags and summary', async () => {
    const assessment = await http.post<Json>('/impact-assessments', exampleAssessment());
    expect(assessment.status).toBe(201);
    const note = await http.post<Json>('/practice-notes', {
      title: 'Safety checklists in loan appraisal',
      summary: 'Loan officers walked clients through a checklist; fewer accidents.',
      practiceKind: 'good-practice',
      themes: ['occupational-safety-and-health'],
      tags: ['ghana'],
      institutionIds: [],
      assessmentIds: [assessment.body['id']],
    });
    const found = await http.get<Json>(
      `/search?q=Child%20Labour&minPosition=${note.body['position']}`,
      analyst,
    );
    expect(found.body['items'].map((i: Json) => i.title)).toEqual([
      'Microcredit and child labour in rural Ghana',
    ]);
    // "ghana": a title word (3) in the assessment, a tag (2) in the note
    const ghana = await http.get<Json>('/search?q=ghana', analyst);
    expect(ghana.body['items'].map((i: Json) => [i.kind, i.score])).toEqual([
      ['impact-assessment', 3],
      ['practice-note', 2],
    ]);
    expect(
      (await http.get<Json>('/search?q=checkl', analyst)).body['items'].map((i: Json) => i.kind),
    ).toEqual(['practice-note']);
    // Every word must match (the last one also as a prefix), within the kind asked for.
    const kinds = async (query: string) =>
      (await http.get<Json>(`/search?${query}`, analyst)).body['items'].map(
        (i: Json) => `${i.kind} ${i.score}`,
      );
    expect(await kinds('q=ghana%20loan%20checkl')).toEqual(['practice-note 8']); // tag 2 + title 3 + title 3
    expect(await kinds('q=ghana%20loan%20checkl&kind=impact-assessment')).toEqual([]);
    expect(await kinds('q=child%20ghana&kind=impact-assessment')).toEqual(['impact-assessment 6']);
    expect(await kinds('q=child%20ghana&kind=practice-note')).toEqual([]);

    const revised = await http.post<Json>(`/practice-notes/${note.body['id']}/revisions`, {
      title: 'Safety briefings in loan appraisal',
      summary: 'Loan officers briefed clients on workplace safety.',
      practiceKind: 'good-practice',
      themes: ['occupational-safety-and-health'],
      tags: [],
      institutionIds: [],
      assessmentIds: [],
      reason: 'Renamed',
    });
    expect(revised.status).toBe(200);
    const after = await http.get<Json>(
      `/search?q=ghana&minPosition=${revised.body['position']}`,
      analyst,
    );
    expect(after.body['items'].map((i: Json) => i.kind)).toEqual(['impact-assessment']);

    const assessmentBody = (await http.get<Json>(`/impact-assessments/${assessment.body['id']}`))
      .body['current'];
    const revisedAssessment = await http.post<Json>(
      `/impact-assessments/${assessment.body['id']}/revisions`,
      {
        ...assessmentBody,
        title: 'Microcredit and child work in rural Ghana: endline',
        reason: 'Endline results',
      },
    );
    expect(revisedAssessment.status).toBe(200);
    const labour = await http.get<Json>(
      `/search?q=labour&minPosition=${revisedAssessment.body['position']}`,
      analyst,
    );
    expect(labour.body['items']).toEqual([]);
    const endline = await http.get<Json>('/search?q=endline', analyst);
    expect(endline.body['items']).toEqual([
      expect.objectContaining({
        title: 'Microcredit and child work in rural Ghana: endline',
        revision: 2,
      }),
    ]);

    const rctWithoutUnit = await http.post<Json>('/impact-assessments', {
      ...assessmentBody,
      design: { method: 'rct' },
    });
    expect(rctWithoutUnit.status).toBe(400);
  });

  it('every lifecycle event reaches the views: suspension, reinstatement, withdrawal, closure, revision', async () => {
    const id = await register({
      name: 'Bereke Microcredit',
      country: 'KG',
      region: 'europe-central-asia',
      reportingDepartment: 'ro-eca',
    });
    const target = await http.post<Json>(
      '/targets',
      institutionTarget(id, { tolerance: 0.01, dueDate: '2026-12-31' }),
    );
    const profileAt = async (position: number) =>
      (await http.get<Json>(`/institutions/${id}/profile?minPosition=${position}`, analyst)).body;

    const suspended = await http.post<Json>(
      `/institutions/${id}/suspend`,
      { reason: 'Licence under review' },
      { 'if-match': '"2"' },
    );
    expect(suspended.status).toBe(200);
    expect((await profileAt(suspended.body['position'])).status).toBe('suspended');
    expect(
      (await http.post<Json>(`/institutions/${id}/performance-reports`, fileBody())).body,
    ).toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION' });
    const reinstated = await http.post<Json>(`/institutions/${id}/reinstate`, {});
    expect((await profileAt(reinstated.body['position'])).status).toBe('active');
    const linked = await http.post<Json>(`/institutions/${id}/programmes`, {
      programme: 'sfp-green-jobs',
    });
    expect((await profileAt(linked.body['position'])).programmes).toEqual([
      'sfp-youth-employment',
      'sfp-green-jobs',
    ]);

    const withdrawn = await http.post<Json>(`/targets/${target.body['id']}/withdraw`, {
      reason: 'Programme redesigned',
    });
    expect(withdrawn.status).toBe(200);
    expect((await profileAt(withdrawn.body['position'])).targets).toEqual([
      expect.objectContaining({ targetId: target.body['id'], active: false }),
    ]);
    const withdrawnRows = await http.get<Json>(
      `/targets?active=false&minPosition=${withdrawn.body['position']}&limit=1000`,
      analyst,
    );
    expect(
      withdrawnRows.body['items'].find((t: Json) => t.targetId === target.body['id']),
    ).toMatchObject({ active: false, withdrawal: { reason: 'Programme redesigned' } });
    expect(
      (await http.post<Json>(`/targets/${target.body['id']}/withdraw`, { reason: 'again' })).status,
    ).toBe(409);

    const closed = await http.post<Json>(`/institutions/${id}/close`, {
      reason: 'Merged into a bank',
    });
    expect((await profileAt(closed.body['position'])).status).toBe('closed');
    const detail = await http.get<Json>(`/institutions/${id}`);
    expect(detail.headers.get('etag')).toBe('"6"');
    expect(detail.body['history'].map((h: Json) => h.event)).toEqual([
      'InstitutionRegistered',
      'InstitutionActivated',
      'InstitutionSuspended',
      'InstitutionReinstated',
      'InstitutionLinkedToProgramme',
      'InstitutionClosed',
    ]);
  });

  it('after a crash between a report and its reaction, the target re-evaluation catches up from its checkpoint; delivered twice, a report moves a status once', async () => {
    const projections = kb.projections;
    const reactor = projections.runner(TARGET_REEVALUATION)!;
    const id = await register({ name: 'Harvest Microfinance' });
    const filed = await http.post<Json>(`/institutions/${id}/performance-reports`, fileBody());
    const target = await http.post<Json>(
      '/targets',
      institutionTarget(id, {
        indicator: 'oss',
        comparator: 'at-least',
        threshold: 1.2,
        tolerance: 0.05,
      }),
    );
    const targetRow = async (minPosition: number) =>
      (await http.get<Json>(`/targets?minPosition=${minPosition}&limit=1000`, analyst)).body[
        'items'
      ].find((t: Json) => t.targetId === target.body['id']);
    expect((await targetRow(target.body['position'])).status).toBe('on-track');
    const statusChanges = async () =>
      (await kb.events.readStream(`target-${target.body['id']}`)).filter(
        (e) => e.type === 'knowledge-base.TargetStatusChanged',
      );
    const [set] = await kb.events.readStream(`target-${target.body['id']}`);
    // Recorded by the reactor for the platform, caused by the target's setting, in its conversation.
    expect(await statusChanges()).toEqual([
      expect.objectContaining({
        causationId: set!.eventId,
        correlationId: set!.correlationId,
        actor: expect.objectContaining({ kind: 'system' }),
      }),
    ]);

    // Delivered twice: the reactor's checkpoint goes back before the report, as a crash before its commit leaves it.
    const head = await kb.events.headPosition();
    await reactor.stop();
    const { active } = (await kb.readModels.loadState(TARGET_REEVALUATION))!;
    await kb.readModels.saveCheckpoint({
      readModel: physicalName({ projection: TARGET_REEVALUATION, generation: active.generation }),
      position: filed.body['position'] - 1,
      updatedAt: new Date().toISOString(),
    });
    const judged = jest.spyOn(kb.clock, 'now'); // the context's clock, which only its use cases read
    await reactor.start();
    await projections.waitForPosition(TARGET_REEVALUATION, head, 10_000);
    expect(judged).toHaveBeenCalled(); // the report and the target were judged again...
    judged.mockRestore();
    expect(await kb.events.headPosition()).toBe(head); // ...and nothing was appended
    expect(await statusChanges()).toHaveLength(1);

    // The restatement is appended while the reactor is down (the process "dies" before reacting).
    await reactor.stop();
    const restated = await http.post<Json>(
      `/performance-reports/${filed.body['id']}/restatements`,
      {
        // 260 000 − 40 000 − 12 000 − 240 000 = −32 000: the income follows the expense.
        ...fileBody((f) =>
          Object.assign(f.inputs, {
            operatingExpense: 240_000,
            netOperatingIncomeAfterTaxes: -32_000,
          }),
        ),
        period: undefined,
        reason: 'Restated before the crash',
      },
    );
    // The command answers once its own event is appended: nothing waits for the targets.
    expect(restated.body).toMatchObject({ changed: true, streamVersion: 2 });
    expect(await kb.events.headPosition()).toBe(restated.body['position']);
    expect(await statusChanges()).toHaveLength(1);

    // Started again, it reacts from its checkpoint. 260 000 / 292 000 = 0.89: off track
    await reactor.start();
    expect(await targetRow(restated.body['position'])).toMatchObject({ status: 'off-track' });
    expect((await statusChanges()).map((e) => (e.data as Json)['status'])).toEqual([
      'on-track',
      'off-track',
    ]);
  });

  it('rebuilding every read model from the events gives the same views (deterministic, replay-safe handlers)', async () => {
    const admin = { 'x-test-principal': 'person:admin-1:administrator' };
    const head = await kb.events.headPosition();
    const snapshot = async () => ({
      institutions: (
        await http.get<Json>(`/institutions?limit=1000&minPosition=${head}`, analyst)
      ).body['items'].map(({ position: _p, ...rest }: Json) => rest),
      reports: (await http.get<Json>('/performance-reports?limit=1000&format=csv', analyst)).text,
      targets: (await http.get<Json>('/targets?limit=1000&format=csv', analyst)).text,
      benchmarks: (await http.get<Json>('/benchmarks', analyst)).body,
      search: (await http.get<Json>('/search?q=ghana', analyst)).body,
      gni: (await http.get<Json>('/reference/gni-per-capita?format=csv', analyst)).text,
    });
    const before = await snapshot();
    const statuses = (await http.get<Json[]>('/projections', admin)).body;
    expect(statuses.map((p) => p['name']).sort()).toEqual([
      'kb-gni-per-capita',
      'kb-institution-profiles',
      'kb-library',
      'kb-linked-proposals',
      'kb-performance-reports',
      'kb-programme-members',
      'kb-target-reevaluation',
      'kb-targets',
    ]);
    for (const { name, generation } of statuses as Array<{ name: string; generation: number }>) {
      const started = await http.post<Json>(`/projections/${name}/rebuild`, {}, admin);
      expect(started.status).toBe(202);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const status = (await http.get<Json>(`/projections/${name}`, admin)).body;
        if (status['generation'] > generation && !status['rebuild']) break;
        if (Date.now() > deadline)
          throw new Error(`${name} did not finish its rebuild: ${JSON.stringify(status)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(await snapshot()).toEqual(before);
    // The target re-evaluation replayed every report and target from the start: no status moved again.
    expect(await kb.events.headPosition()).toBe(head);
  });

  it('takes report filings from a regional office on sfp.knowledge-base.commands', async () => {
    const topics = contextTopics('knowledge-base');
    const id = await register({ name: 'Imedi Microfinance' });
    const outcomes: IncomingMessage[] = [];
    const consumer = await kb.bus.consume({
      groupId: `test-outcomes-${randomUUID()}`,
      topics: [topics.outcomes],
      fromBeginning: true,
      handler: async (message) => void outcomes.push(message),
    });
    try {
      const send = async (messageId: string, payload: unknown, department: string) =>
        kb.bus.publish(topics.commands, [
          {
            key: messageId,
            value: JSON.stringify(payload),
            headers: {
              [COMMAND_HEADERS.messageId]: messageId,
              [COMMAND_HEADERS.commandType]: 'FilePerformanceReport',
              [COMMAND_HEADERS.sender]: 'ro-system',
              [COMMAND_HEADERS.department]: department,
            },
          },
        ]);
      const accepted = randomUUID();
      const outOfScope = randomUUID();
      const identity = randomUUID();
      await send(accepted, { institutionId: id, ...fileBody() }, 'ro-africa');
      await send(
        outOfScope,
        {
          institutionId: id,
          ...fileBody((f) => (f.period = { start: '2024-01-01', end: '2024-12-31' })),
        },
        'ro-americas',
      );
      await send(
        identity,
        {
          institutionId: id,
          ...fileBody((f) => {
            f.period = { start: '2023-01-01', end: '2023-12-31' };
            f.inputs.loanOfficers = 500;
          }),
        },
        'ro-africa',
      );
      const deadline = Date.now() + 20_000;
      while (outcomes.length < 3 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const byId = Object.fromEntries(outcomes.map((m) => [m.key, JSON.parse(m.value!)]));
      expect(byId[accepted]).toMatchObject({
        status: 'accepted',
        streamId: `performance-report-${id}_2025-01-01_2025-12-31`,
        streamVersion: 1,
      });
      expect(byId[outOfScope]).toMatchObject({
        status: 'rejected',
        rejection: { code: 'INSTITUTION_NOT_FOUND' },
      });
      expect(byId[identity]).toMatchObject({
        status: 'rejected',
        rejection: { code: 'IDENTITY_VIOLATED' },
      });
      expect(byId[identity].rejection.message).toContain('loan officers ≤ personnel');
    } finally {
      await consumer.stop();
    }
  });
});
