import {
  evolveToolLinkedProposals,
  type ProposalLinkNotedData,
  type ToolKind,
  type ToolLinkedProposals,
} from '@sfp/contracts';
import { defineProjection, type ProjectionEngine } from '@sfp/projections';
import { MinPosition } from '../http/query-fields';
import { MIN_POSITION_WAIT_MS } from '../http/read-position';

/**
 * A context's view of the proposals linked to its tools, from its
 * `<context>.ProposalLinkNoted` events: one document per tool, by its toolRef
 * (`<kind>:<id>`); a dismissed link leaves it, a decision shows on each.
 */
export function linkedProposalsProjection(name: string, notedType: string) {
  return defineProjection<ToolLinkedProposals>({
    name,
    version: 1,
    fields: { kind: 'string', toolId: 'string' },
    handlers: {
      [notedType]: async (recorded, view) => {
        const noted = recorded.data as ProposalLinkNotedData;
        for (const toolRef of noted.toolRefs)
          await view.update(toolRef, (current) =>
            evolveToolLinkedProposals(current, toolRef, noted),
          );
      },
    },
  });
}

/** The proposals linked to one tool (none yet: an empty list), once the view has applied `minPosition`. */
export async function linkedProposalsOf(
  projections: ProjectionEngine,
  projection: string,
  kind: ToolKind,
  toolId: string,
  minPosition?: number,
): Promise<ToolLinkedProposals> {
  if (minPosition !== undefined)
    await projections.waitForPosition(projection, minPosition, MIN_POSITION_WAIT_MS);
  const toolRef = `${kind}:${toolId}`;
  const doc = await projections.readModel<ToolLinkedProposals>(projection).get(toolRef);
  return doc ?? { toolRef, kind, toolId, items: [] };
}

/** The query of a tool's `…/linked-proposals` route. */
export class LinkedProposalsQueryDto {
  @MinPosition()
  minPosition?: number;
}
