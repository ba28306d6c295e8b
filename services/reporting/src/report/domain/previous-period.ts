import type { ReportPeriod } from './report-period';

const start = (year: number, month = 0) => new Date(Date.UTC(year, month, 1)).toISOString();

/**
 * The period of the same kind just before `period` (pure): the previous
 * quarter, year or biennium, e.g. 2026-Q1 → 2025-Q4, 2026 → 2025,
 * 2026-2027 → 2024-2025.
 */
export function previousReportPeriod(period: ReportPeriod): ReportPeriod {
  const from = new Date(period.from);
  const year = from.getUTCFullYear();
  switch (period.kind) {
    case 'quarter': {
      const quarter = Math.floor(from.getUTCMonth() / 3) + 1;
      const y = quarter === 1 ? year - 1 : year;
      const q = quarter === 1 ? 4 : quarter - 1;
      return { label: `${y}-Q${q}`, kind: 'quarter', from: start(y, (q - 1) * 3), to: period.from };
    }
    case 'year':
      return { label: String(year - 1), kind: 'year', from: start(year - 1), to: period.from };
    case 'biennium':
      return {
        label: `${year - 2}-${year - 1}`,
        kind: 'biennium',
        from: start(year - 2),
        to: period.from,
      };
    default: {
      const unexpected: never = period.kind;
      throw new Error(`Unknown period kind ${String(unexpected)}`);
    }
  }
}
