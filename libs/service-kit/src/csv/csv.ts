export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined | readonly string[];
}

/**
 * RFC 4180 CSV (CRLF, quotes doubled), with cells that a spreadsheet would
 * run as a formula (= + - @ tab CR at the start) prefixed by a quote.
 */
export function toCsv<T>(rows: Iterable<T>, columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null | undefined | readonly string[]): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
