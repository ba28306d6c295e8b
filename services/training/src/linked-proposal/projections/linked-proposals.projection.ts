import { linkedProposalsProjection } from '@sfp/service-kit';
import { ProposalLinkNoted } from '../domain/proposal-link.events';

export const TRAINING_LINKED_PROPOSALS_PROJECTION = 'training-linked-proposals';

/** The proposals linked to each course and programme: one document per tool, by its toolRef (`course:<id>`, `programme:<id>`). */
export const trainingLinkedProposalsProjection = linkedProposalsProjection(
  TRAINING_LINKED_PROPOSALS_PROJECTION,
  ProposalLinkNoted.type,
);
