import { REVIEW_CRITERIA } from '../reference-data';
import type { CriterionRating } from '../proposal';
import { DEFAULT_REVIEW_POLICY } from '../review-policy';
import { divergentCriteria, unratedCriteria, weightedScore } from './weighted-score';

const policy = DEFAULT_REVIEW_POLICY;
const all = (rating: number): CriterionRating[] =>
  REVIEW_CRITERIA.map((criterion) => ({ criterion, rating }));
const withRating = (ratings: CriterionRating[], criterion: string, rating: number) =>
  ratings.map((r) => (r.criterion === criterion ? { ...r, rating } : r));

describe('weightedScore', () => {
  it('given every criterion at the top of the scale, then 100; at the bottom, 0', () => {
    expect(weightedScore(policy, all(5))).toBe(100);
    expect(weightedScore(policy, all(1))).toBe(0);
    expect(weightedScore(policy, all(3))).toBe(50);
  });

  it('given one criterion lower, then the score drops by its share of the weights', () => {
    // decent-work-relevance weighs 15 of 100: rated 1 instead of 5 it costs 15 points.
    expect(weightedScore(policy, withRating(all(5), 'decent-work-relevance', 1))).toBe(85);
    // gender weighs 7: rated 3 of 1–5 it costs half of 7.
    expect(weightedScore(policy, withRating(all(5), 'gender', 3))).toBe(96.5);
  });

  it('normalises weights that do not sum to 100, and rounds to one decimal', () => {
    const threeCriteria = {
      scale: { min: 0, max: 3 },
      criteria: [
        { criterion: 'channel' as const, weight: 1, guidance: '' },
        { criterion: 'gender' as const, weight: 1, guidance: '' },
        { criterion: 'exit-strategy' as const, weight: 1, guidance: '' },
      ],
    };
    const ratings = [
      { criterion: 'channel', rating: 3 },
      { criterion: 'gender', rating: 1 },
      { criterion: 'exit-strategy', rating: 0 },
    ];
    expect(weightedScore(threeCriteria, ratings)).toBe(44.4);
  });

  it('given a criterion unrated, then there is no score yet', () => {
    expect(weightedScore(policy, all(4).slice(1))).toBeUndefined();
    expect(weightedScore(policy, [])).toBeUndefined();
  });

  it('counts a rating off the scale as its nearest end', () => {
    expect(weightedScore(policy, withRating(all(5), 'gender', 9))).toBe(100);
    expect(weightedScore(policy, withRating(all(1), 'gender', -3))).toBe(0);
  });

  it('ignores ratings of criteria outside the policy', () => {
    expect(weightedScore(policy, [...all(5), { criterion: 'luck', rating: 1 }])).toBe(100);
  });
});

describe('divergentCriteria', () => {
  it('given ratings further apart than the tolerance, then those criteria, in the policy order', () => {
    const a = withRating(withRating(all(4), 'gender', 2), 'channel', 5);
    const b = withRating(all(4), 'channel', 2);
    // tolerance 1: gender 2 vs 4 and channel 5 vs 2 diverge.
    expect(divergentCriteria(policy, a, b)).toEqual(['channel', 'gender']);
  });

  it('given ratings at most the tolerance apart, then none', () => {
    expect(divergentCriteria(policy, all(4), withRating(all(3), 'gender', 5))).toEqual([]);
  });

  it('given a criterion one reviewer has not rated, then it does not diverge', () => {
    expect(divergentCriteria(policy, all(1).slice(1), all(5).slice(0, 1))).toEqual([]);
  });
});

describe('unratedCriteria', () => {
  it('names the criteria still to rate', () => {
    expect(unratedCriteria(policy, all(3).slice(2))).toEqual(['decent-work-relevance', 'channel']);
  });
});
