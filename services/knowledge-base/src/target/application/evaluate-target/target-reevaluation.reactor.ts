import { DuplicateEventError, SYSTEM_ACTOR, type RecordedEvent } from '@sfp/event-sourcing';
import { defineProjection, type ProjectionEngine } from '@sfp/projections';
import type { Clock, ContextCommands } from '@sfp/service-kit';
import { runCommand } from '../../../application/command-runner';
import type { CommandContext } from '../../../application/knowledge-base-command';
import { streamIds } from '../../../knowledge-base.context';
import type { ReportVersionData } from '../../../performance-report/domain/performance-report.events';
import { targetDecider } from '../../domain/target.decider';
import type { TargetSetData } from '../../domain/target.events';
import { TARGET_REEVALUATION } from '../../projections/target-statuses.read-your-writes';
import type { TargetRow } from '../../projections/targets.projection';
import { TargetEvaluation } from './target-evaluation';

/** How long a reaction waits for the read models it reads before the event is retried (with backoff). */
const CATCH_UP_MS = 30_000;

/**
 * Re-evaluates targets in reaction to the events that can move them: a report
 * filed or restated (the targets it touches) and a target set (that target).
 * A subscription of the projection engine with no documents of its own: its
 * checkpoint, committed after each batch of reactions, is what it keeps. It
 * follows the store at least once and in order, and retries a failing event
 * with backoff without skipping it; after a crash it starts again from its
 * checkpoint, so a report appended just before the crash is still reacted to.
 *
 * Each reaction waits until the read models it reads have applied the
 * triggering event, then records a change of status through the target's
 * decider (no change, no event). Event ids derive from the triggering event
 * and the target, so a reaction delivered again (a replay from an older
 * checkpoint, a second instance, a rebuild) appends nothing new: the decider
 * sees the status already recorded, or the store refuses the same ids.
 * `commands` wakes the projections after each change it records; `projections`
 * gives the read models the judgement reads.
 */
export function targetReevaluationReactor(
  commands: ContextCommands,
  clock: Clock,
  projections: ProjectionEngine,
) {
  const evaluation = new TargetEvaluation(projections);

  const reevaluate = async (trigger: RecordedEvent, targets: TargetRow[]): Promise<void> => {
    const context: CommandContext = {
      correlationId: trigger.correlationId,
      causationId: trigger.eventId,
      actor: SYSTEM_ACTOR,
      idempotencyKey: `${TARGET_REEVALUATION}:${trigger.eventId}`,
    };
    for (const target of targets) {
      const judgement = await evaluation.judge(target);
      const at = clock().toISOString();
      try {
        await runCommand(
          commands,
          { id: target.targetId, streamId: streamIds.target(target.targetId) },
          targetDecider,
          () => ({ type: 'EvaluateTarget' as const, ...judgement, at }),
          context,
          at,
        );
      } catch (error) {
        // The same reaction, appended by another runner a moment ago.
        if (!(error instanceof DuplicateEventError)) throw error;
      }
    }
  };

  const afterReport = async (event: RecordedEvent): Promise<void> => {
    await evaluation.catchUp(event.position, CATCH_UP_MS);
    const report = event.data as ReportVersionData;
    const targets = await evaluation.touchedBy({
      institutionId: report.institutionId,
      periodEnd: report.period.end,
    });
    await reevaluate(event, targets);
  };

  return defineProjection({
    name: TARGET_REEVALUATION,
    version: 1,
    handlers: {
      'knowledge-base.PerformanceReportFiled': afterReport,
      'knowledge-base.PerformanceReportRestated': afterReport,
      'knowledge-base.TargetSet': async (event) => {
        await evaluation.catchUp(event.position, CATCH_UP_MS);
        const target = await evaluation.target((event.data as TargetSetData).targetId);
        await reevaluate(event, target ? [target] : []);
      },
    },
  });
}
