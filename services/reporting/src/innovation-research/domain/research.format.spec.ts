import {
  formatChange,
  formatCount,
  formatMoney,
  formatPercent,
  formatRatio,
  medianOf,
} from './research.format';

describe('figures as a reader reads them', () => {
  it('separates thousands, shows per cent, ratios and money', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(null)).toBe('n/a');
    expect(formatPercent(66.7)).toBe('67 %');
    expect(formatRatio(1.8349)).toBe('1.83');
    expect(formatMoney('USD', -1234567.4)).toBe('USD -1,234,567');
  });

  it('says the change', () => {
    expect(formatChange(1500, 200)).toBe('+1,300');
    expect(formatChange(0, 1)).toBe('-1');
    expect(formatChange(2, 2)).toBe('no change');
    expect(formatChange(null, 2)).toBe('n/a');
  });

  it('takes the median', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([0.92, 1.84, 1.5, 1.1])).toBeCloseTo(1.3, 10);
  });
});
