import { defineProjection } from '@sfp/projections';
import {
  targetMeasureOf,
  type EvaluationBasis,
  type TargetDefinition,
  type TargetEvent,
  type TargetScope,
} from '../domain/target.events';
import type { TargetStatus } from '../domain/target-status';

export const TARGETS_PROJECTION = 'kb-targets';

export interface TargetRow extends TargetDefinition {
  targetId: string;
  scopeKind: TargetScope['kind'];
  /** `institution:<id>`, `programme:<name>` or `portfolio`: what a report touches. */
  scopeKey: string;
  institutionId?: string;
  programme?: string;
  status: TargetStatus;
  value?: number | null;
  reason?: string;
  basis?: EvaluationBasis;
  active: boolean;
  setAt: string;
  statusChangedAt?: string;
  history: Array<{
    previousStatus: TargetStatus;
    status: TargetStatus;
    value: number | null;
    at: string;
  }>;
  withdrawal?: { reason: string; at: string; by: string };
}

export function scopeKeyOf(scope: TargetScope): string {
  switch (scope.kind) {
    case 'institution':
      return `institution:${scope.institutionId}`;
    case 'programme':
      return `programme:${scope.programme}`;
    default:
      return 'portfolio';
  }
}

export const targetsProjection = defineProjection<TargetRow>({
  name: TARGETS_PROJECTION,
  version: 1,
  fields: {
    scopeKind: 'string',
    scopeKey: 'string',
    institutionId: 'string',
    programme: 'string',
    indicator: 'string',
    status: 'string',
    active: 'boolean',
    dueDate: 'string',
  },
  handlers: {
    'knowledge-base.TargetSet': async (recorded, view) => {
      const event = { type: recorded.type, data: recorded.data } as TargetEvent;
      if (event.type !== 'knowledge-base.TargetSet') return;
      const d = event.data;
      await view.upsert(d.targetId, {
        targetId: d.targetId,
        scope: d.scope,
        scopeKind: d.scope.kind,
        scopeKey: scopeKeyOf(d.scope),
        ...(d.scope.kind === 'institution' ? { institutionId: d.scope.institutionId } : {}),
        ...(d.scope.kind === 'programme' ? { programme: d.scope.programme } : {}),
        ...targetMeasureOf(d),
        dueDate: d.dueDate,
        ...(d.description ? { description: d.description } : {}),
        status: 'no-data',
        active: true,
        setAt: d.setAt,
        history: [],
      });
    },
    'knowledge-base.TargetStatusChanged': async (recorded, view) => {
      const event = { type: recorded.type, data: recorded.data } as TargetEvent;
      if (event.type !== 'knowledge-base.TargetStatusChanged') return;
      const d = event.data;
      await view.update(d.targetId, (current) => {
        if (!current) return undefined;
        const { reason: _reason, ...rest } = current;
        return {
          ...rest,
          status: d.status,
          value: d.value,
          ...(d.reason ? { reason: d.reason } : {}),
          basis: d.basis,
          statusChangedAt: d.evaluatedAt,
          history: [
            ...current.history,
            {
              previousStatus: d.previousStatus,
              status: d.status,
              value: d.value,
              at: d.evaluatedAt,
            },
          ],
        };
      });
    },
    'knowledge-base.TargetWithdrawn': async (recorded, view) => {
      const event = { type: recorded.type, data: recorded.data } as TargetEvent;
      if (event.type !== 'knowledge-base.TargetWithdrawn') return;
      const d = event.data;
      await view.patch(d.targetId, {
        active: false,
        withdrawal: { reason: d.reason, at: d.withdrawnAt, by: d.withdrawnBy },
      });
    },
  },
});
