import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, importColumn, type Cell } from './report-import.columns';

export type ImportFormat = 'csv' | 'xlsx';

/** A data row of the file: its number as a spreadsheet shows it (the header is row 1) and its cells by column. */
export interface ImportRow {
  row: number;
  cells: Map<string, Cell>;
}

/** A file that cannot be read as the template: no header, unknown or missing columns, not a workbook. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly problems: Array<{ column: string; message: string }> = [],
  ) {
    super(message);
  }
}

/** The rows of a CSV (RFC 4180: quoted fields, "" inside quotes, CRLF or LF) or of the first sheet of an XLSX. */
export async function readImportFile(format: ImportFormat, bytes: Buffer): Promise<ImportRow[]> {
  const table = format === 'csv' ? csvTable(bytes.toString('utf8')) : await xlsxTable(bytes);
  return rowsOf(table);
}

function rowsOf(table: Array<{ row: number; cells: Cell[] }>): ImportRow[] {
  const [header, ...data] = table.filter((r) => r.cells.some((c) => c !== undefined && c !== ''));
  if (!header) throw new ImportFileError('The file has no header row: download the template');
  const names = header.cells.map((c) => (c === undefined ? '' : String(c).trim()));
  const problems = [
    ...names
      .filter((name) => name !== '' && !importColumn(name))
      .map((column) => ({ column, message: 'not a column of the template' })),
    ...IMPORT_COLUMNS.filter((c) => c.required && !names.includes(c.name)).map((c) => ({
      column: c.name,
      message: 'missing: every column of the template is needed',
    })),
  ];
  if (problems.length) {
    throw new ImportFileError(
      `The header is not the template’s: ${problems.map((p) => `${p.column} (${p.message})`).join('; ')}`,
      problems,
    );
  }
  if (!data.length) throw new ImportFileError('The file has no report: one row per report');
  return data.map(({ row, cells }) => ({
    row,
    cells: new Map(names.map((name, i) => [name, cells[i]] as const).filter(([n]) => n !== '')),
  }));
}

/** CSV text as rows of cells; quoted fields may hold commas, quotes ("") and line breaks. */
export function csvTable(text: string): Array<{ row: number; cells: Cell[] }> {
  const rows: Array<{ row: number; cells: Cell[] }> = [];
  let cells: Cell[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const source = text.replace(/^\uFEFF/, '');
  const endRow = () => {
    cells.push(field);
    rows.push({ row: rowStart, cells });
    cells = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      cells.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowStart = line;
    } else field += c;
  }
  if (field !== '' || cells.length) endRow();
  return rows;
}

async function xlsxTable(bytes: Buffer): Promise<Array<{ row: number; cells: Cell[] }>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('The file is not an XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('The workbook has no sheet');
  const rows: Array<{ row: number; cells: Cell[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(cellOf(row.getCell(i).value));
    rows.push({ row: number, cells });
  });
  return rows;
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

/** The template: the header row (CSV), or the header row and a sheet describing each column (XLSX). */
export async function importTemplate(format: ImportFormat): Promise<Buffer> {
  const names = IMPORT_COLUMNS.map((c) => c.name);
  if (format === 'csv') return Buffer.from(`${names.join(',')}\r\n`, 'utf8');
  const workbook = new ExcelJS.Workbook();
  const reports = workbook.addWorksheet('Reports');
  reports.addRow(names).font = { bold: true };
  reports.columns.forEach((c) => (c.width = 22));
  const about = workbook.addWorksheet('Columns');
  about.addRow(['Column', 'Required', 'Kind', 'What it holds']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    about.addRow([c.name, c.required ? 'yes' : 'no', c.kind, c.description]);
  }
  about.columns.forEach((c, i) => (c.width = i === 3 ? 80 : 34));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
