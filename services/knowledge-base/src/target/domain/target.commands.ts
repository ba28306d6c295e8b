import type { RatioKey } from '../../performance-report/domain/standard-ratios';
import type { EvaluationBasis, TargetScope } from './target.events';
import type { Comparator } from './target-status';

export interface SetTarget {
  type: 'SetTarget';
  targetId: string;
  scope: TargetScope;
  indicator: RatioKey;
  comparator: Comparator;
  threshold: number;
  tolerance: number;
  dueDate: string;
  description?: string;
  at: string;
  by: string;
}

/** Judges the target on an observed value (from the latest reports); records a change of status only. */
export interface EvaluateTarget {
  type: 'EvaluateTarget';
  value: number | null;
  reason?: string;
  basis: EvaluationBasis;
  at: string;
}

export interface WithdrawTarget {
  type: 'WithdrawTarget';
  reason: string;
  at: string;
  by: string;
}

export type TargetCommand = SetTarget | EvaluateTarget | WithdrawTarget;
