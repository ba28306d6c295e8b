import { inPeriod, InvalidPeriodError, parseReportPeriod } from './report-period';

describe('report periods', () => {
  it('reads years, biennia and quarters as [from, to)', () => {
    expect(parseReportPeriod('2026')).toEqual({
      label: '2026',
      kind: 'year',
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(parseReportPeriod('2026-2027')).toEqual({
      label: '2026-2027',
      kind: 'biennium',
      from: '2026-01-01T00:00:00.000Z',
      to: '2028-01-01T00:00:00.000Z',
    });
    expect(parseReportPeriod('2026-Q1')).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    expect(parseReportPeriod('2026-Q4')).toMatchObject({
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
  });

  it('refuses anything else with a message saying what a period is', () => {
    for (const text of [
      '2026-2028',
      '2026-Q5',
      '26',
      '1999',
      '2026-q1',
      '2026-01',
      '',
      '2026 ',
      '$gt',
    ]) {
      expect(() => parseReportPeriod(text)).toThrow(InvalidPeriodError);
    }
    expect(() => parseReportPeriod('x')).toThrow(
      /use a year \(2026\), a biennium \(2026-2027\) or a quarter \(2026-Q1\)/,
    );
  });

  it('includes its start and excludes its end', () => {
    const q1 = parseReportPeriod('2026-Q1');
    expect(inPeriod(q1, '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(inPeriod(q1, '2026-03-31T23:59:59.999Z')).toBe(true);
    expect(inPeriod(q1, '2026-04-01T00:00:00.000Z')).toBe(false);
    expect(inPeriod(q1, null)).toBe(false);
  });
});
