import { DEFAULT_REVIEW_POLICY, type ReviewPolicyDraft } from '@sfp/contracts';
import { foldEvents } from '@sfp/event-sourcing/domain';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import type { PublishReviewPolicy } from './review-policy.commands';
import {
  policyInForce,
  policyVersion,
  REVIEW_POLICY_VERSION_1,
  reviewPolicyDecider,
} from './review-policy.decider';
import { ReviewPolicyRuleError } from './review-policy.errors';
import { ReviewPolicyPublished } from './review-policy.events';

const spec = deciderSpec(reviewPolicyDecider());
const ADMIN = 'olena.shevchenko';
const stricter: ReviewPolicyDraft = {
  ...DEFAULT_REVIEW_POLICY,
  thresholds: { ...DEFAULT_REVIEW_POLICY.thresholds, par30Max: 0.08 },
  passingScore: 65,
  note: 'PAR30 threshold lowered to 8 % after the 2025 portfolio review',
};
const publish = (
  policy: ReviewPolicyDraft,
  at = '2026-01-12T09:00:00.000Z',
): PublishReviewPolicy => ({
  type: 'PublishReviewPolicy',
  policy,
  at,
  by: ADMIN,
});
const version2 = ReviewPolicyPublished.of({
  ...stricter,
  version: 2,
  publishedAt: '2026-01-12T09:00:00.000Z',
  publishedBy: ADMIN,
});
const refusedOn = (change: Partial<ReviewPolicyDraft>, field: string) =>
  spec
    .given([])
    .when(publish({ ...DEFAULT_REVIEW_POLICY, ...change }))
    .thenThrows(ReviewPolicyRuleError, (e) => {
      expect(e.field).toBe(field);
      expect(e.code).toBe('RULE_VIOLATED');
    });

describe('review policy', () => {
  it('given nothing published, then version 1 (the default) is in force', () => {
    const state = reviewPolicyDecider().initialState();
    expect(policyInForce(state)).toEqual(REVIEW_POLICY_VERSION_1);
    expect(policyInForce(state)).toMatchObject({ version: 1, ...DEFAULT_REVIEW_POLICY });
  });

  it('given version 1, when a policy is published, then version 2, in force; version 1 stays readable', () => {
    spec.given([]).when(publish(stricter)).then([version2]);
    const state = foldEvents(reviewPolicyDecider(), [version2]);
    expect(policyInForce(state).version).toBe(2);
    expect(policyVersion(state, 1)).toEqual(REVIEW_POLICY_VERSION_1);
    expect(policyVersion(state, 3)).toBeUndefined();
  });

  it('given version 2, when another is published, then version 3', () => {
    spec
      .given([version2])
      .when(publish(DEFAULT_REVIEW_POLICY, '2026-06-01T09:00:00.000Z'))
      .then([
        ReviewPolicyPublished.of({
          ...DEFAULT_REVIEW_POLICY,
          version: 3,
          publishedAt: '2026-06-01T09:00:00.000Z',
          publishedBy: ADMIN,
        }),
      ]);
  });

  describe('a publishable policy', () => {
    it('has a scale of whole numbers with 3 to 11 points', () => {
      refusedOn({ scale: { min: 1.5, max: 5 } }, 'scale.min');
      refusedOn({ scale: { min: -1, max: 5 } }, 'scale.min');
      refusedOn({ scale: { min: 5, max: 5 } }, 'scale.max');
      refusedOn({ scale: { min: 1, max: 2 } }, 'scale.max');
      refusedOn({ scale: { min: 0, max: 11 } }, 'scale.max');
      spec
        .given([])
        .when(publish({ ...DEFAULT_REVIEW_POLICY, scale: { min: 0, max: 10 } }))
        .then([
          ReviewPolicyPublished.of({
            ...DEFAULT_REVIEW_POLICY,
            scale: { min: 0, max: 10 },
            version: 2,
            publishedAt: '2026-01-12T09:00:00.000Z',
            publishedBy: ADMIN,
          }),
        ]);
    });

    it('weighs every criterion of the checklist exactly once, above 0', () => {
      const [first, ...rest] = DEFAULT_REVIEW_POLICY.criteria;
      if (!first) throw new Error('no criteria');
      refusedOn({ criteria: rest }, 'criteria');
      refusedOn({ criteria: [...rest, first, first] }, 'criteria.10.criterion');
      refusedOn({ criteria: [{ ...first, weight: 0 }, ...rest] }, 'criteria.0.weight');
      refusedOn(
        { criteria: [{ ...first, criterion: 'luck' as never }, ...rest] },
        'criteria.0.criterion',
      );
      refusedOn({ criteria: [{ ...first, guidance: ' ' }, ...rest] }, 'criteria.0.guidance');
    });

    it('has thresholds that are fractions in range', () => {
      const t = DEFAULT_REVIEW_POLICY.thresholds;
      refusedOn({ thresholds: { ...t, par30Max: 10 } }, 'thresholds.par30Max');
      refusedOn({ thresholds: { ...t, ossMin: 0 } }, 'thresholds.ossMin');
      refusedOn(
        { thresholds: { ...t, minimumCostRecoveryRate: 24 } },
        'thresholds.minimumCostRecoveryRate',
      );
    });

    it('has a sensible second-reviewer threshold, tolerance, passing score and service level', () => {
      refusedOn({ secondReviewerAboveUsd: -1 }, 'secondReviewerAboveUsd');
      refusedOn({ reconciliationTolerance: 4 }, 'reconciliationTolerance');
      refusedOn({ reconciliationTolerance: -1 }, 'reconciliationTolerance');
      refusedOn({ passingScore: 0 }, 'passingScore');
      refusedOn({ passingScore: 101 }, 'passingScore');
      refusedOn({ serviceLevelWorkingDays: 0 }, 'serviceLevelWorkingDays');
      refusedOn({ serviceLevelWorkingDays: 7.5 }, 'serviceLevelWorkingDays');
    });
  });
});
