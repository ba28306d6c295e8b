/**
 * What a publishable review policy is. The bounds (REVIEW_POLICY_BOUNDS) keep
 * a policy usable by people: a scale of whole numbers with 3 to 11 points
 * (1–3 up to 0–10), every criterion of the checklist exactly once with a
 * positive weight, thresholds that are fractions in range, and a service
 * level of some working days.
 */
import {
  CRITERION_LABELS,
  REVIEW_CRITERIA,
  labelOf,
  listInWords,
  type ReviewPolicyDraft,
} from '@sfp/contracts';
import { ReviewPolicyRuleError } from './review-policy.errors';

export const REVIEW_POLICY_BOUNDS = {
  /** The lowest point of a scale is at least 0 … */
  scaleMinAtLeast: 0,
  /** … and a scale has 3 to 11 points. */
  scalePoints: { min: 3, max: 11 },
  /** A criterion weighs more than 0 and at most this. */
  weightMax: 100,
  /** PAR30 threshold: a fraction above 0, at most 1 (100 %). */
  par30Max: { above: 0, atMost: 1 },
  /** Operational self-sufficiency threshold: above 0, at most 3 (300 %). */
  ossMin: { above: 0, atMost: 3 },
  /** Minimum cost-recovery rate: an annual fraction above 0, at most 1. */
  minimumCostRecoveryRate: { above: 0, atMost: 1 },
  /** Passing score: above 0, at most 100. */
  passingScore: { above: 0, atMost: 100 },
  /** Service level: 1 to 120 working days. */
  serviceLevelWorkingDays: { min: 1, max: 120 },
} as const;

const B = REVIEW_POLICY_BOUNDS;
const fail = (field: string, message: string): never => {
  throw new ReviewPolicyRuleError(field, message);
};
const inRange = (value: number, range: { above: number; atMost: number }) =>
  Number.isFinite(value) && value > range.above && value <= range.atMost;

export function checkPolicy(policy: ReviewPolicyDraft): void {
  const { min, max } = policy.scale;
  if (!Number.isInteger(min) || min < B.scaleMinAtLeast)
    fail('scale.min', `The scale starts at a whole number of ${B.scaleMinAtLeast} or more`);
  if (!Number.isInteger(max) || max <= min)
    fail('scale.max', `The scale ends at a whole number above its start (${min})`);
  const points = max - min + 1;
  if (points < B.scalePoints.min || points > B.scalePoints.max)
    fail(
      'scale.max',
      `A scale has ${B.scalePoints.min} to ${B.scalePoints.max} points (${min}–${max} has ${points})`,
    );

  const seen = new Set<string>();
  policy.criteria.forEach((c, i) => {
    if (!(REVIEW_CRITERIA as readonly string[]).includes(c.criterion))
      fail(`criteria.${i}.criterion`, `${c.criterion} is not a criterion of the review checklist`);
    if (seen.has(c.criterion))
      fail(`criteria.${i}.criterion`, `${labelOf(CRITERION_LABELS, c.criterion)} is listed twice`);
    seen.add(c.criterion);
    if (!Number.isFinite(c.weight) || c.weight <= 0 || c.weight > B.weightMax)
      fail(
        `criteria.${i}.weight`,
        `The weight of ${labelOf(CRITERION_LABELS, c.criterion)} is above 0 and at most ${B.weightMax}`,
      );
    if (!c.guidance.trim())
      fail(
        `criteria.${i}.guidance`,
        `Say what a reviewer looks at for ${labelOf(CRITERION_LABELS, c.criterion)}`,
      );
  });
  const missing = REVIEW_CRITERIA.filter((c) => !seen.has(c));
  if (missing.length)
    fail(
      'criteria',
      `Every criterion of the checklist has a weight: ${listInWords(missing.map((c) => CRITERION_LABELS[c]))} ${missing.length === 1 ? 'is' : 'are'} missing`,
    );

  const { thresholds } = policy;
  if (!inRange(thresholds.par30Max, B.par30Max))
    fail(
      'thresholds.par30Max',
      'The PAR30 threshold is a fraction above 0 and at most 1 (0.1 for 10 %)',
    );
  if (!inRange(thresholds.ossMin, B.ossMin))
    fail(
      'thresholds.ossMin',
      'The self-sufficiency threshold is a fraction above 0 and at most 3 (1 for 100 %)',
    );
  if (!inRange(thresholds.minimumCostRecoveryRate, B.minimumCostRecoveryRate))
    fail(
      'thresholds.minimumCostRecoveryRate',
      'The minimum cost-recovery rate is an annual fraction above 0 and at most 1 (0.24 for 24 %)',
    );
  if (!Number.isFinite(policy.secondReviewerAboveUsd) || policy.secondReviewerAboveUsd < 0)
    fail('secondReviewerAboveUsd', 'The second-reviewer threshold is an amount of zero or more');
  if (
    !Number.isFinite(policy.reconciliationTolerance) ||
    policy.reconciliationTolerance < 0 ||
    policy.reconciliationTolerance >= max - min
  )
    fail(
      'reconciliationTolerance',
      `The reconciliation tolerance is at least 0 and less than the width of the scale (${max - min})`,
    );
  if (!inRange(policy.passingScore, B.passingScore))
    fail('passingScore', 'The passing score is above 0 and at most 100');
  const days = policy.serviceLevelWorkingDays;
  if (
    !Number.isInteger(days) ||
    days < B.serviceLevelWorkingDays.min ||
    days > B.serviceLevelWorkingDays.max
  )
    fail(
      'serviceLevelWorkingDays',
      `The service level is a whole number of working days from ${B.serviceLevelWorkingDays.min} to ${B.serviceLevelWorkingDays.max}`,
    );
}
