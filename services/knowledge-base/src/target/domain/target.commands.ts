import type { EvaluationBasis, TargetDefinition } from './target.events';

export interface SetTarget extends TargetDefinition {
  type: 'SetTarget';
  targetId: string;
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
