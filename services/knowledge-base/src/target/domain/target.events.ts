import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';
import type { RatioKey } from '../../performance-report/domain/standard-ratios';
import type { TargetRule, TargetStatus } from './target-status';

/** Whose performance a target measures: one institution, a programme's institutions, or the whole portfolio. */
export type TargetScope =
  | { kind: 'institution'; institutionId: string }
  | { kind: 'programme'; programme: string }
  | { kind: 'portfolio' };

/** What a target asks of an indicator: at least or at most a threshold, with an at-risk band beyond it. */
export interface TargetMeasure extends TargetRule {
  indicator: RatioKey;
}

/** A target as it is set: whose performance, what it asks, by when. */
export interface TargetDefinition extends TargetMeasure {
  scope: TargetScope;
  /** The target is judged on the latest report(s) whose period ends on or before this date. */
  dueDate: string;
  description?: string;
}

/** The measure alone, out of a command, an event or a row. */
export function targetMeasureOf(source: TargetMeasure): TargetMeasure {
  return {
    indicator: source.indicator,
    comparator: source.comparator,
    threshold: source.threshold,
    tolerance: source.tolerance,
  };
}

/** The definition alone; the description only when there is one. */
export function targetDefinitionOf(source: TargetDefinition): TargetDefinition {
  return {
    scope: source.scope,
    ...targetMeasureOf(source),
    dueDate: source.dueDate,
    ...(source.description ? { description: source.description } : {}),
  };
}

export interface TargetSetData extends TargetDefinition {
  targetId: string;
  setBy: string;
  setAt: string;
}

export class TargetSet extends defineEventType<TargetSetData>()({
  type: 'knowledge-base.TargetSet',
  schemaVersion: 1,
}) {}

/** What a status was judged on. */
export interface EvaluationBasis {
  /** The reports (current versions) whose figures gave the value. */
  reportIds: string[];
  /** The version of each, in the same order. */
  versions: number[];
  /** The year of the reports' periods, when there were any. */
  year?: number;
}

export interface TargetStatusChangedData extends TargetMeasure {
  targetId: string;
  scope: TargetScope;
  previousStatus: TargetStatus;
  status: TargetStatus;
  /** The observed value; null when there is none (then `reason` says why). */
  value: number | null;
  reason?: string;
  basis: EvaluationBasis;
  evaluatedAt: string;
}

export class TargetStatusChanged extends defineEventType<TargetStatusChangedData>()({
  type: 'knowledge-base.TargetStatusChanged',
  schemaVersion: 1,
}) {}

export interface TargetWithdrawnData {
  targetId: string;
  scope: TargetScope;
  reason: string;
  withdrawnBy: string;
  withdrawnAt: string;
}

export class TargetWithdrawn extends defineEventType<TargetWithdrawnData>()({
  type: 'knowledge-base.TargetWithdrawn',
  schemaVersion: 1,
}) {}

export const TARGET_EVENT_CLASSES = [TargetSet, TargetStatusChanged, TargetWithdrawn] as const;

export type TargetEvent =
  | EventOf<typeof TargetSet>
  | EventOf<typeof TargetStatusChanged>
  | EventOf<typeof TargetWithdrawn>;
