import { IMPORT_COLUMNS } from '../performance-report/application/import-reports/report-import.columns';

/** Request bodies of the e2e specs, valid as they are; `changes` replace or add fields. */

type Json = Record<string, unknown>;

/** A Kenyan microfinance institution in one programme, reported on by the Africa office. */
export function institutionRegistration(changes: Json = {}): Json {
  return {
    name: 'Umoja Microfinance',
    kind: 'microfinance-institution',
    legalType: 'nbfi',
    country: 'KE',
    region: 'africa',
    programmes: ['sfp-youth-employment'],
    reportingDepartment: 'ro-africa',
    ...changes,
  };
}

/** A target on one institution: PAR30 at most 5 %, at risk up to 7 %, due at the end of 2025. */
export function institutionTarget(institutionId: string, changes: Json = {}): Json {
  return {
    scope: 'institution',
    institutionId,
    indicator: 'par30',
    comparator: 'at-most',
    threshold: 0.05,
    tolerance: 0.02,
    dueDate: '2025-12-31',
    ...changes,
  };
}

/** The cells of a report as an import row: the value of each template column (by its dotted path). */
export function importRow(institutionId: string, report: object): string[] {
  const source = { institutionId, ...report } as Json;
  return IMPORT_COLUMNS.map(({ name }) => {
    const value = name
      .split('.')
      .reduce<unknown>(
        (at, key) => (at && typeof at === 'object' ? (at as Json)[key] : undefined),
        source,
      );
    return value === undefined ? '' : String(value);
  });
}

/** A CSV in the import template: the header, then one line per row (cells quoted when needed). */
export function importCsv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [IMPORT_COLUMNS.map((c) => c.name), ...rows]
    .map((cells) => cells.map(quote).join(','))
    .join('\r\n');
}
