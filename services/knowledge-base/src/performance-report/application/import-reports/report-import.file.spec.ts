import { bodyOfRow, IMPORT_COLUMNS } from './report-import.columns';
import { csvTable, ImportFileError, readImportFile } from './report-import.file';

const HEADER = IMPORT_COLUMNS.map((c) => c.name).join(',');

describe('performance report import: reading the file', () => {
  it('reads RFC 4180 CSV: quotes, doubled quotes, commas and line breaks inside quotes, CRLF, a BOM', () => {
    const table = csvTable('\uFEFFa,"b, c","say ""hi"""\r\n"two\nlines",x,\r\n');
    expect(table).toEqual([
      { row: 1, cells: ['a', 'b, c', 'say "hi"'] },
      { row: 2, cells: ['two\nlines', 'x', ''] },
    ]);
  });

  it('numbers the rows as a spreadsheet does and skips empty ones', async () => {
    const rows = await readImportFile('csv', Buffer.from(`${HEADER}\n\n,,,\nid-1\n`));
    expect(rows.map((r) => r.row)).toEqual([4]);
    expect(rows[0]?.cells.get('institutionId')).toBe('id-1');
  });

  it('refuses a header that is not the template’s, naming each column', async () => {
    const read = readImportFile('csv', Buffer.from('institutionId,colour\nx,red\n'));
    await expect(read).rejects.toBeInstanceOf(ImportFileError);
    const error = (await read.catch((e: unknown) => e)) as ImportFileError;
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { column: 'colour', message: 'not a column of the template' },
        { column: 'period.start', message: 'missing: every column of the template is needed' },
      ]),
    );
    expect(error.problems.some((p) => p.column.startsWith('inputs.adjustments.'))).toBe(false);
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(readImportFile('xlsx', Buffer.from('not a zip'))).rejects.toThrow(
      'The file is not an XLSX workbook',
    );
  });

  it('makes the body: numbers from text (thousands separators too), empty cells left out, adjustments only when given', () => {
    const body = bodyOfRow(
      new Map<string, string | number | undefined>([
        ['institutionId', ' 7d0c '],
        ['period.start', '2025-01-01'],
        ['inputs.totalAssets.opening', '1,100,000'],
        ['inputs.personnel', 80],
        ['inputs.loanOfficers', 'twenty'],
        ['inputs.writeOffs', ''],
      ]),
    );
    expect(body).toEqual({
      institutionId: '7d0c',
      period: { start: '2025-01-01' },
      inputs: { totalAssets: { opening: 1_100_000 }, personnel: 80, loanOfficers: 'twenty' },
    });
  });
});
