import {
  evolveToolLinkedProposals,
  type ProposalLinkNotedData,
  type ToolLinkedProposals,
} from '@sfp/contracts';
import { defineProjection } from '@sfp/projections';
import { ProposalLinkNoted } from '../domain/proposal-link.events';

export const TRAINING_LINKED_PROPOSALS_PROJECTION = 'training-linked-proposals';

/** The proposals linked to each course and programme: one document per tool, by its toolRef (`course:<id>`, `programme:<id>`). */
export const trainingLinkedProposalsProjection = defineProjection<ToolLinkedProposals>({
  name: TRAINING_LINKED_PROPOSALS_PROJECTION,
  version: 1,
  fields: { kind: 'string', toolId: 'string' },
  handlers: {
    [ProposalLinkNoted.type]: async (recorded, view) => {
      const noted = recorded.data as ProposalLinkNotedData;
      for (const toolRef of noted.toolRefs)
        await view.update(toolRef, (current) => evolveToolLinkedProposals(current, toolRef, noted));
    },
  },
});
