import type { Decider } from '@sfp/event-sourcing/domain';
import { RATIO_DEFINITIONS, RATIO_KEYS } from '../../performance-report/domain/standard-ratios';
import { isIsoDate } from '../../performance-report/domain/report-period';
import {
  assertNever,
  IllegalTransitionError,
  KnowledgeBaseRuleError,
} from '../../shared/domain/knowledge-base.errors';
import type { TargetCommand } from './target.commands';
import { TargetAlreadySetError, TargetNotFoundError } from './target.errors';
import {
  TargetSet,
  TargetStatusChanged,
  TargetWithdrawn,
  targetDefinitionOf,
  targetMeasureOf,
  type TargetEvent,
  type TargetSetData,
} from './target.events';
import { targetStatus, type TargetStatus } from './target-status';

/** Indicators relative to a country's GNI per capita: defined for one institution only. */
export const PER_COUNTRY_INDICATORS = ['depth', 'averageSavingsPerSaverToGni'] as const;
const PER_COUNTRY: readonly string[] = PER_COUNTRY_INDICATORS;

/** Indicators that are fractions (1 = 100%): a threshold beyond ±100 cannot be meant. */
export const FRACTION_INDICATORS = RATIO_KEYS.filter(
  (key) => RATIO_DEFINITIONS[key].unit === 'fraction',
);
export const MAX_FRACTION_THRESHOLD = 100;

export interface KnownTarget {
  status: 'set' | 'withdrawn';
  target: TargetSetData;
  current: TargetStatus;
}

export type TargetState = { status: 'none' } | KnownTarget;

export const targetDecider: Decider<TargetState, TargetCommand, TargetEvent> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};

function decide(command: TargetCommand, state: TargetState): TargetEvent[] {
  if (command.type === 'SetTarget') {
    if (state.status !== 'none') throw new TargetAlreadySetError(state.target.targetId);
    if (!isIsoDate(command.dueDate))
      throw new KnowledgeBaseRuleError('dueDate must be a calendar date YYYY-MM-DD', 'dueDate');
    if (!Number.isFinite(command.threshold))
      throw new KnowledgeBaseRuleError('threshold must be a finite number', 'threshold');
    if (!Number.isFinite(command.tolerance) || command.tolerance < 0) {
      throw new KnowledgeBaseRuleError(
        'tolerance must be a number ≥ 0 (the width of the at-risk band)',
        'tolerance',
      );
    }
    if (
      RATIO_DEFINITIONS[command.indicator].unit === 'fraction' &&
      Math.abs(command.threshold) > MAX_FRACTION_THRESHOLD
    ) {
      throw new KnowledgeBaseRuleError(
        `${command.indicator} is a fraction (1 = 100%); a threshold of ${command.threshold} cannot be meant`,
        'threshold',
      );
    }
    if (command.scope.kind !== 'institution' && PER_COUNTRY.includes(command.indicator)) {
      throw new KnowledgeBaseRuleError(
        `${command.indicator} compares with one country's GNI per capita: set it on an institution, not a ${command.scope.kind}`,
        'indicator',
      );
    }
    return [
      TargetSet.of({
        targetId: command.targetId,
        ...targetDefinitionOf(command),
        setBy: command.by,
        setAt: command.at,
      }),
    ];
  }
  if (state.status === 'none') throw new TargetNotFoundError();
  switch (command.type) {
    case 'EvaluateTarget': {
      if (state.status === 'withdrawn') return [];
      const status = targetStatus(state.target, command.value);
      if (status === state.current) return [];
      const t = state.target;
      return [
        TargetStatusChanged.of({
          targetId: t.targetId,
          scope: t.scope,
          ...targetMeasureOf(t),
          previousStatus: state.current,
          status,
          value: command.value,
          ...(command.reason ? { reason: command.reason } : {}),
          basis: command.basis,
          evaluatedAt: command.at,
        }),
      ];
    }
    case 'WithdrawTarget':
      if (state.status === 'withdrawn')
        throw new IllegalTransitionError(command.type, 'withdrawn', ['set']);
      return [
        TargetWithdrawn.of({
          targetId: state.target.targetId,
          scope: state.target.scope,
          reason: command.reason,
          withdrawnBy: command.by,
          withdrawnAt: command.at,
        }),
      ];
    default:
      return assertNever(command);
  }
}

export function evolve(state: TargetState, event: TargetEvent): TargetState {
  switch (event.type) {
    case 'knowledge-base.TargetSet':
      return { status: 'set', target: event.data, current: 'no-data' };
    case 'knowledge-base.TargetStatusChanged':
      return state.status === 'none' ? state : { ...state, current: event.data.status };
    case 'knowledge-base.TargetWithdrawn':
      return state.status === 'none' ? state : { ...state, status: 'withdrawn' };
    default:
      return assertNever(event);
  }
}
