import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import { readYourWritesAndReactions } from '../../http/read-your-writes';

/**
 * The subscription that records target status changes in reaction to reports
 * and new targets (target/application/evaluate-target), after the command
 * that caused them has answered.
 */
export const TARGET_REEVALUATION = 'kb-target-reevaluation';

/**
 * Read your writes on views that show target statuses: with a command's
 * position, waits until the target re-evaluation has reacted to everything up
 * to it, then until the views have applied those reactions.
 */
export function readYourTargetStatuses(
  projections: ProjectionEngine,
  events: Pick<EventStore, 'headPosition'>,
  position: number | undefined,
  ...views: string[]
): Promise<void> {
  return readYourWritesAndReactions(projections, events, position, [TARGET_REEVALUATION], ...views);
}
