import { deciderSpec } from '@sfp/event-sourcing/testing';
import {
  IllegalTransitionError,
  KnowledgeBaseRuleError,
} from '../../shared/domain/knowledge-base.errors';
import type { EvaluateTarget, SetTarget, WithdrawTarget } from './target.commands';
import { targetDecider } from './target.decider';
import { TargetAlreadySetError, TargetNotFoundError } from './target.errors';
import {
  TargetSet,
  TargetStatusChanged,
  TargetWithdrawn,
  type TargetMeasure,
  type TargetScope,
} from './target.events';
import { targetStatus } from './target-status';

const spec = deciderSpec(targetDecider);
const scope: TargetScope = { kind: 'institution', institutionId: 'inst-1' };
const par30AtMost5: TargetMeasure = {
  indicator: 'par30',
  comparator: 'at-most',
  threshold: 0.05,
  tolerance: 0.02,
};
const set: SetTarget = {
  type: 'SetTarget',
  targetId: 't-1',
  scope,
  ...par30AtMost5,
  dueDate: '2026-12-31',
  at: '2026-01-05T09:00:00.000Z',
  by: 'operator-1',
};
const targetSet = TargetSet.of({
  targetId: 't-1',
  scope,
  ...par30AtMost5,
  dueDate: '2026-12-31',
  setBy: 'operator-1',
  setAt: '2026-01-05T09:00:00.000Z',
});
const basis = { reportIds: ['inst-1_2026-01-01_2026-03-31'], versions: [1], year: 2026 };
const evaluate = (value: number | null): EvaluateTarget => ({
  type: 'EvaluateTarget',
  value,
  basis,
  at: '2026-04-20T10:00:00.000Z',
});
const withdraw = (reason: string, at: string): WithdrawTarget => ({
  type: 'WithdrawTarget',
  reason,
  at,
  by: 'operator-1',
});
const changed = (previousStatus: string, status: string, value: number | null) =>
  TargetStatusChanged.of({
    targetId: 't-1',
    scope,
    ...par30AtMost5,
    previousStatus: previousStatus as never,
    status: status as never,
    value,
    basis,
    evaluatedAt: '2026-04-20T10:00:00.000Z',
  });

describe('target status', () => {
  const oss = { comparator: 'at-least', threshold: 1, tolerance: 0.1 } as const;
  const par30 = { comparator: 'at-most', threshold: 0.05, tolerance: 0.02 } as const;
  // At least: met, within the band, beyond it, no data. At most: PAR30 ≤ 5% with a 2-point band.
  it.each([
    { target: 'OSS ≥ 1', rule: oss, value: 1.02, status: 'on-track' },
    { target: 'OSS ≥ 1', rule: oss, value: 1, status: 'on-track' },
    { target: 'OSS ≥ 1', rule: oss, value: 0.95, status: 'at-risk' },
    { target: 'OSS ≥ 1', rule: oss, value: 0.9, status: 'at-risk' },
    { target: 'OSS ≥ 1', rule: oss, value: 0.85, status: 'off-track' },
    { target: 'OSS ≥ 1', rule: oss, value: null, status: 'no-data' },
    { target: 'PAR30 ≤ 5%', rule: par30, value: 0.04, status: 'on-track' },
    { target: 'PAR30 ≤ 5%', rule: par30, value: 0.065, status: 'at-risk' },
    { target: 'PAR30 ≤ 5%', rule: par30, value: 0.07, status: 'at-risk' },
    { target: 'PAR30 ≤ 5%', rule: par30, value: 0.08, status: 'off-track' },
  ] as const)('$target, value $value: $status', ({ rule, value, status }) => {
    expect(targetStatus(rule, value)).toBe(status);
  });
});

describe('target decider', () => {
  it('sets a target, starting with no data', () => {
    spec.given().when(set).then([targetSet]);
    spec.given().when(set).thenState({ status: 'set', target: targetSet.data, current: 'no-data' });
    spec.given([targetSet]).when(set).thenThrows(TargetAlreadySetError);
  });

  // A negative tolerance, a bad date, or a fraction threshold that cannot be meant.
  it.each([
    ['tolerance', -0.01],
    ['dueDate', '2026-13-01'],
    ['threshold', 500],
  ])('refuses %s %p, naming the field', (field, value) => {
    spec
      .given()
      .when({ ...set, [field]: value })
      .thenThrows(KnowledgeBaseRuleError, (e) => expect(e.field).toBe(field));
  });

  it('records a change of status, and only a change', () => {
    spec
      .given([targetSet])
      .when(evaluate(0.065))
      .then([changed('no-data', 'at-risk', 0.065)]);
    const atRisk = changed('no-data', 'at-risk', 0.065);
    spec.given([targetSet, atRisk]).when(evaluate(0.066)).thenNothingHappens();
    spec
      .given([targetSet, atRisk])
      .when(evaluate(0.03))
      .then([changed('at-risk', 'on-track', 0.03)]);
    spec
      .given([targetSet, atRisk])
      .when(evaluate(null))
      .then([changed('at-risk', 'no-data', null)]);
  });

  it('a withdrawn target is no longer evaluated, and cannot be withdrawn twice', () => {
    const withdrawn = TargetWithdrawn.of({
      targetId: 't-1',
      scope,
      reason: 'Programme ended',
      withdrawnBy: 'operator-1',
      withdrawnAt: '2026-05-01T00:00:00.000Z',
    });
    spec
      .given([targetSet])
      .when(withdraw('Programme ended', '2026-05-01T00:00:00.000Z'))
      .then([withdrawn]);
    spec.given([targetSet, withdrawn]).when(evaluate(0.2)).thenNothingHappens();
    spec
      .given([targetSet, withdrawn])
      .when(withdraw('again', '2026-05-02T00:00:00.000Z'))
      .thenThrows(IllegalTransitionError);
    spec.given().when(evaluate(0.1)).thenThrows(TargetNotFoundError);
  });
});
