import fc from 'fast-check';
import { identityProblems } from '../performance-report/domain/report-identities';
import { demoInputs, randomFrom, traitsOf } from './demo-report-figures';

describe('demo report figures', () => {
  it('respect every identity, whatever the seed, year and rates', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0.5, max: 30_000, noNaN: true }),
        fc.double({ min: 300, max: 12_000, noNaN: true }),
        (seed, yearIndex, rate, gni) => {
          const random = randomFrom(seed);
          const inputs = demoInputs(
            traitsOf(random),
            yearIndex,
            gni,
            { average: rate, end: rate * 1.05, openingEnd: rate * 0.95 },
            random,
          );
          const problems = identityProblems({
            period: { start: '2024-01-01', end: '2024-12-31' },
            currency: 'KES',
            fx: { periodAverage: rate, periodEnd: rate * 1.05 },
            inputs,
          });
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the same seed gives the same figures', () => {
    const make = () => {
      const random = randomFrom(42);
      return demoInputs(
        traitsOf(random),
        2,
        2_000,
        { average: 100, end: 110, openingEnd: 95 },
        random,
      );
    };
    expect(make()).toEqual(make());
  });
});
