import ExcelJS from 'exceljs';
import { httpClient } from '@sfp/testing';
import { IMPORT_COLUMNS } from '../src/performance-report/application/import-reports/report-import.columns';
import { workedExampleA } from '../src/performance-report/domain/testing/worked-example';
import {
  importCsv,
  importRow,
  institutionRegistration,
} from '../src/testing/knowledge-base-requests';
import {
  startEmbeddedKnowledgeBase,
  type EmbeddedKnowledgeBase,
} from './support/embedded-knowledge-base';

type Json = Record<string, any>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * Performance reports imported from a CSV or an XLSX file in the template
 * (SQLite, over HTTP): every row is checked as a filing would be; a file with
 * an invalid row files nothing unless the valid rows only are asked for.
 */
describe('performance report import, embedded (e2e over HTTP)', () => {
  let kb: EmbeddedKnowledgeBase;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    kb = await startEmbeddedKnowledgeBase();
    http = httpClient(kb.url);
  });
  afterAll(async () => kb?.close());

  const register = async (): Promise<string> => {
    const created = await http.post<Json>('/institutions', institutionRegistration());
    const id = created.body['id'] as string;
    expect((await http.post(`/institutions/${id}/activate`, {})).status).toBe(200);
    return id;
  };
  const upload = async (body: string | Buffer, type: string, query = '') => {
    const response = await fetch(`${kb.url}/performance-report-imports${query}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const period2024 = { start: '2024-01-01', end: '2024-12-31' };
  /** Three rows: a good report (row 2), PAR30 above the portfolio and a word for a count (row 3), an unknown institution (row 4). */
  const mixedFile = (id: string) => {
    const bad = workedExampleA();
    bad.period = period2024;
    bad.inputs.par30Balance = 2_000_000;
    const badRow = importRow(id, bad);
    badRow[IMPORT_COLUMNS.findIndex((c) => c.name === 'inputs.personnel')] = 'eighty';
    return importCsv([
      importRow(id, workedExampleA()),
      badRow,
      importRow(UNKNOWN, workedExampleA()),
    ]);
  };

  it('gives the template as CSV and as XLSX, with every column', async () => {
    const csv = await fetch(`${kb.url}/performance-report-imports/template?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('performance-reports-template.csv');
    expect((await csv.text()).trim()).toBe(IMPORT_COLUMNS.map((c) => c.name).join(','));

    const xlsx = await fetch(`${kb.url}/performance-report-imports/template?format=xlsx`);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const header = (workbook.getWorksheet('Reports')?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(IMPORT_COLUMNS.map((c) => c.name));
    expect(workbook.getWorksheet('Columns')?.rowCount).toBe(IMPORT_COLUMNS.length + 1);
  });

  it('files nothing when a row is invalid, and reports every error by row and column', async () => {
    const id = await register();
    const refused = await upload(mixedFile(id), 'text/csv');
    expect(refused.status).toBe(422);
    expect(refused.body['code']).toBe('IMPORT_ROWS_INVALID');
    const { rows, imported, errors } = refused.body['details'];
    expect(rows).toBe(3);
    expect(imported).toEqual([]);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'inputs.personnel' }),
        expect.objectContaining({ row: 4, column: 'institutionId' }),
      ]),
    );
    expect(errors.every((e: Json) => e.row !== 2)).toBe(true);
    const report = await http.get(`/performance-reports/${id}_2025-01-01_2025-12-31`);
    expect(report.status).toBe(404);
  });

  it('checks the identities of a row whose cells are well formed', async () => {
    const id = await register();
    const bad = workedExampleA();
    bad.inputs.par30Balance = 2_000_000;
    const refused = await upload(importCsv([importRow(id, bad)]), 'text/csv');
    expect(refused.status).toBe(422);
    expect(refused.body['details'].errors).toEqual([
      expect.objectContaining({ row: 2, column: 'inputs.par30Balance' }),
    ]);
  });

  it('files the valid rows only when asked, with who filed them', async () => {
    const id = await register();
    const done = await upload(mixedFile(id), 'text/csv', '?validRowsOnly=true');
    expect(done.status).toBe(201);
    expect(done.body['imported']).toEqual([
      {
        row: 2,
        reportId: `${id}_2025-01-01_2025-12-31`,
        institutionId: id,
        period: workedExampleA().period,
      },
    ]);
    expect(done.body['errors'].map((e: Json) => e.row)).toEqual(expect.arrayContaining([3, 4]));
    const report = await http.get<Json>(`/performance-reports/${id}_2025-01-01_2025-12-31`);
    expect(report.status).toBe(200);
    expect(report.body['current'].ratios.par30).toEqual({ value: 0.04 });
    expect(report.body['current'].filedBy).toBeTruthy();

    const again = await upload(importCsv([importRow(id, workedExampleA())]), 'text/csv');
    expect(again.status).toBe(422);
    expect(again.body['details'].errors).toEqual([
      expect.objectContaining({ row: 2, column: 'period.start' }),
    ]);
  });

  it('imports an XLSX workbook, dates and numbers as cells', async () => {
    const id = await register();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Reports');
    sheet.addRow(IMPORT_COLUMNS.map((c) => c.name));
    const cells = importRow(id, workedExampleA()).map((cell, i) => {
      const kind = IMPORT_COLUMNS[i]?.kind;
      if (kind === 'number' && cell !== '') return Number(cell);
      if (kind === 'date') return new Date(`${cell}T00:00:00Z`);
      return cell;
    });
    sheet.addRow(cells);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const done = await upload(bytes, XLSX);
    expect(done.status).toBe(201);
    expect(done.body['imported']).toHaveLength(1);
  });

  it('refuses another media type (415) and a file that is not the template (400)', async () => {
    expect((await upload('{}', 'application/json')).status).toBe(415);
    const wrong = await upload('name,country\r\nUmoja,KE\r\n', 'text/csv');
    expect(wrong.status).toBe(400);
    expect(wrong.body['code']).toBe('IMPORT_FILE_INVALID');
    expect(wrong.body['fieldErrors']).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'name' })]),
    );
  });

  it('lists the institutions behind a period’s figures: those with a report ending in it', async () => {
    const silent = await register();
    const reporting = await register();
    const filed = await upload(importCsv([importRow(reporting, workedExampleA())]), 'text/csv');
    expect(filed.status).toBe(201);
    const ids = async (query: string) => {
      const page = await http.get<Json>(`/institutions?${query}&limit=100`);
      expect(page.status).toBe(200);
      return page.body['items'].map((i: Json) => i.institutionId as string);
    };
    const in2025 = await ids('reportedFrom=2025-01-01&reportedTo=2025-12-31');
    expect(in2025).toContain(reporting);
    expect(in2025).not.toContain(silent);
    expect(await ids('reportedFrom=2026-01-01')).toEqual([]);
    expect(await ids(`id=${silent}&id=${reporting}`)).toEqual(
      expect.arrayContaining([silent, reporting]),
    );
    expect(await ids(`id=${silent}&reportedTo=2025-12-31`)).toEqual([]);
    expect((await http.get('/institutions?id=not-an-id')).status).toBe(400);
  });
});
