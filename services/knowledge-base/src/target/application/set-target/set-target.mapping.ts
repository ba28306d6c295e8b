import type { Untimed } from '../../../application/knowledge-base-command';
import type { SetTarget } from '../../domain/target.commands';
import type { TargetScope } from '../../domain/target.events';
import type { SetTargetDto } from '../target.request.dto';

/** The target a validated DTO sets, under a new id. */
export function targetOf(targetId: string, dto: SetTargetDto): Untimed<SetTarget> {
  const scope: TargetScope =
    dto.scope === 'institution'
      ? { kind: 'institution', institutionId: String(dto.institutionId) }
      : dto.scope === 'programme'
        ? { kind: 'programme', programme: String(dto.programme) }
        : { kind: 'portfolio' };
  return {
    type: 'SetTarget',
    targetId,
    scope,
    indicator: dto.indicator,
    comparator: dto.comparator,
    threshold: dto.threshold,
    tolerance: dto.tolerance,
    dueDate: dto.dueDate,
    ...(dto.description ? { description: dto.description } : {}),
  };
}
