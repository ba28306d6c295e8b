import { linkedProposalsProjection } from '@sfp/service-kit';
import { ProposalLinkNoted } from '../domain/proposal-link.events';

export const RESEARCH_LINKED_PROPOSALS_PROJECTION = 'research-linked-proposals';

/** The proposals linked to each research project: one document per project, by its toolRef (`research-project:<id>`). */
export const researchLinkedProposalsProjection = linkedProposalsProjection(
  RESEARCH_LINKED_PROPOSALS_PROJECTION,
  ProposalLinkNoted.type,
);
