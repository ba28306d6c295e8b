import { linkedProposalsProjection } from '@sfp/service-kit';
import { ProposalLinkNoted } from '../domain/proposal-link.events';

export const LIBRARY_LINKED_PROPOSALS_PROJECTION = 'kb-linked-proposals';

/** The proposals linked to each practice note and impact assessment: one document per entry, by its toolRef (`practice-note:<id>`, `impact-assessment:<id>`). */
export const libraryLinkedProposalsProjection = linkedProposalsProjection(
  LIBRARY_LINKED_PROPOSALS_PROJECTION,
  ProposalLinkNoted.type,
);
