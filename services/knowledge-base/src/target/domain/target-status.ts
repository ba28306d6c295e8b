import type { Comparator, TargetStatus } from '@sfp/contracts';

/** How a target stands, and which way it points: defined in the platform's contracts (libs/contracts). */
export { COMPARATORS, TARGET_STATUSES } from '@sfp/contracts';
export type { Comparator, TargetStatus };

export interface TargetRule {
  comparator: Comparator;
  threshold: number;
  /** Width of the at-risk band beyond the threshold (≥ 0), in the indicator's unit. */
  tolerance: number;
}

/**
 * The status of an observed value against a target: on track when the
 * threshold is met; at risk when missed by no more than the tolerance; off
 * track beyond it; no data when the value is absent (not computable or not
 * reported).
 *
 *   OSS at-least 1.00, tolerance 0.10: 1.02 on track, 0.95 at risk, 0.85 off track.
 *   PAR30 at-most 0.05, tolerance 0.02: 0.04 on track, 0.065 at risk, 0.08 off track.
 */
export function targetStatus(rule: TargetRule, value: number | null): TargetStatus {
  if (value === null || !Number.isFinite(value)) return 'no-data';
  const shortfall =
    rule.comparator === 'at-least' ? rule.threshold - value : value - rule.threshold;
  if (shortfall <= 0) return 'on-track';
  return shortfall <= rule.tolerance + 1e-12 ? 'at-risk' : 'off-track';
}
