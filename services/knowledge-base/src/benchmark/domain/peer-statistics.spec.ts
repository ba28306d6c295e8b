import { normaliseFigures } from '../../performance-report/domain/normalised-figures';
import { standardRatios } from '../../performance-report/domain/standard-ratios';
import {
  workedExampleA,
  workedExampleB,
} from '../../performance-report/domain/testing/worked-example';
import { peerBenchmarks, peerStatistic, quantile } from './peer-statistics';

describe('peer statistics', () => {
  it('quartiles by linear interpolation (R type 7)', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantile(sorted, 0.25)).toBeCloseTo(1.75, 12); // h = 0.75
    expect(quantile(sorted, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile(sorted, 0.75)).toBeCloseTo(3.25, 12);
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([], 0.5)).toBeUndefined();
  });

  it('a quartile between values near ±Number.MAX_VALUE is finite', () => {
    expect(quantile([-1.7e308, 1.7e308], 0.5)).toBe(0);
    expect(quantile([-1.7e308, 1.7e308], 0.25)).toBeCloseTo(-0.85e308, -295);
  });

  it('counts absent ratios apart and sorts the present ones', () => {
    expect(peerStatistic([0.05, null, 0.01, 0.03, 0.02, null])).toEqual({
      count: 4,
      absent: 2,
      min: 0.01,
      q1: 0.0175,
      median: 0.025,
      q3: 0.035,
      max: 0.05,
    });
    expect(peerStatistic([null])).toEqual({ count: 0, absent: 1 });
  });

  it('groups by year, region and legal type', () => {
    const a = standardRatios(normaliseFigures(workedExampleA()));
    const b = standardRatios(normaliseFigures(workedExampleB()));
    const groups = peerBenchmarks([
      { region: 'africa', legalType: 'nbfi', year: 2025, ratios: a },
      { region: 'africa', legalType: 'nbfi', year: 2025, ratios: b },
      { region: 'africa', legalType: 'ngo', year: 2025, ratios: a },
      { region: 'americas', legalType: 'nbfi', year: 2024, ratios: b },
    ]);
    expect(groups.map((g) => `${g.year} ${g.region} ${g.legalType} ${g.institutions}`)).toEqual([
      '2024 americas nbfi 1',
      '2025 africa nbfi 2',
      '2025 africa ngo 1',
    ]);
    // PAR30 of A is 4%, of B 5%: the median of two is their mean
    expect(groups[1]!.ratios.par30.median).toBeCloseTo(0.045, 12);
    // B has no loan officers: one absent value
    expect(groups[1]!.ratios.borrowersPerLoanOfficer).toMatchObject({
      count: 1,
      absent: 1,
      median: 200,
    });
  });
});
