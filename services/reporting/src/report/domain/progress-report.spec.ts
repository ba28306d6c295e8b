import { changeOf, formatChange, formatFigure, unitOfMetric } from './figure-format';
import { figuresBesidePrevious, type ReportLabels } from './progress-report';

const labels: ReportLabels = {
  metric: (m) => `label of ${m}`,
  breakdownKey: () => 'Key',
  key: (k) => k.toUpperCase(),
};

describe('figures for the reader', () => {
  it('formats each unit: thousands, per cent, currency, ratio, hours, days; n/a for unknown', () => {
    expect(formatFigure(1234567, 'count')).toBe('1,234,567');
    expect(formatFigure(83.333, 'percent')).toBe('83.3%');
    expect(formatFigure(2500000, 'currency', 'USD')).toBe('USD 2,500,000');
    expect(formatFigure(1.125, 'ratio')).toBe('1.13');
    expect(formatFigure(312, 'hours')).toBe('312 hours');
    expect(formatFigure(1, 'days')).toBe('1 day');
    expect(formatFigure(null, 'percent')).toBe('n/a');
  });

  it('writes a change signed, a change of a percentage in points', () => {
    expect(formatChange(changeOf(12.5, 10), 'percent')).toBe('+2.5 points');
    expect(formatChange(changeOf(0.3, 0.1 + 0.2), 'ratio')).toBe('no change');
    expect(formatChange(changeOf(900, 2000), 'count')).toBe('−1,100');
    expect(formatChange(changeOf(5, null), 'count')).toBe('n/a');
    expect(changeOf(0.3, 0.1)).toBe(0.2);
  });

  it('reads the unit of an older figure from its name', () => {
    expect(unitOfMetric('completionRatePercent')).toBe('percent');
    expect(unitOfMetric('costBenefitMedianRatio')).toBe('ratio');
    expect(unitOfMetric('medianHoursToResolution')).toBe('hours');
    expect(unitOfMetric('turnaroundMedianWorkingDays')).toBe('days');
    expect(unitOfMetric('approvedAmountUsd')).toBe('currency');
    expect(unitOfMetric('satisfactionMean')).toBe('ratio');
    expect(unitOfMetric('offeringsHeld')).toBe('count');
  });
});

describe('figures beside the previous period', () => {
  it('pairs each figure with the same figure of the previous period, by metric and key', () => {
    const shown = figuresBesidePrevious(
      [
        { metric: 'received', key: null, value: 10 },
        { metric: 'ratePercent', key: null, value: 75 },
        { metric: 'approvedAmountUsd', key: null, value: 1500 },
        { metric: 'receivedByKind', key: 'a', value: 4, unit: 'count' },
        { metric: 'receivedByKind', key: 'b', value: 6, unit: 'count' },
        { metric: 'other', key: null, value: 1, label: 'Its own label' },
        // A section's own previous-period figures are left out: the report computes them.
        { metric: 'previousPeriodReceived', key: null, value: 8 },
      ],
      [
        { metric: 'received', key: null, value: 8 },
        { metric: 'ratePercent', key: null, value: 80 },
        { metric: 'receivedByKind', key: 'b', value: 2, unit: 'count' },
        { metric: 'receivedByKind', key: 'c', value: 1, unit: 'count' },
        // A breakdown with no key this period: shown whole, 0 now.
        { metric: 'breachesByPriority', key: 'urgent', value: 2, unit: 'count' },
      ],
      labels,
    );
    expect(
      shown.map((f) => [f.metric, f.key, f.value, f.previous, f.change, f.changeFormatted]),
    ).toEqual([
      ['received', null, 10, 8, 2, '+2'],
      ['ratePercent', null, 75, 80, -5, '−5 points'],
      ['approvedAmountUsd', null, 1500, null, null, 'n/a'],
      // a: counted now only, 0 before.
      ['receivedByKind', 'a', 4, 0, 4, '+4'],
      ['receivedByKind', 'b', 6, 2, 4, '+4'],
      // c: in the previous period only, 0 now.
      ['receivedByKind', 'c', 0, 1, -1, '−1'],
      ['other', null, 1, null, null, 'n/a'],
      ['breachesByPriority', 'urgent', 0, 2, -2, '−2'],
    ]);
    expect(shown[0]).toEqual({
      metric: 'received',
      key: null,
      label: 'label of received',
      keyLabel: null,
      unit: 'count',
      value: 10,
      formatted: '10',
      previous: 8,
      previousFormatted: '8',
      change: 2,
      changeFormatted: '+2',
    });
    expect(shown[1]).toMatchObject({ unit: 'percent', formatted: '75%', previousFormatted: '80%' });
    expect(shown[2]).toMatchObject({ unit: 'currency', currency: 'USD', formatted: 'USD 1,500' });
    expect(shown[4]).toMatchObject({ label: 'label of receivedByKind', keyLabel: 'B' });
    expect(shown[6]).toMatchObject({ label: 'Its own label' });
  });
});
