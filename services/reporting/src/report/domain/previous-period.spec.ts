import { parseReportPeriod } from './report-period';
import { previousReportPeriod } from './previous-period';

describe('the previous period', () => {
  it('is the quarter, year or biennium just before, ending where the period starts', () => {
    expect(previousReportPeriod(parseReportPeriod('2026-Q1'))).toEqual({
      label: '2025-Q4',
      kind: 'quarter',
      from: '2025-10-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
    expect(previousReportPeriod(parseReportPeriod('2026-Q3'))).toEqual(
      parseReportPeriod('2026-Q2'),
    );
    expect(previousReportPeriod(parseReportPeriod('2026'))).toEqual(parseReportPeriod('2025'));
    expect(previousReportPeriod(parseReportPeriod('2026-2027'))).toEqual(
      parseReportPeriod('2024-2025'),
    );
  });
});
