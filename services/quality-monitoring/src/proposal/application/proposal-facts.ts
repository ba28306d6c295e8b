import type { ProposalDefinition } from '@sfp/contracts';
import type { ProposalEvent } from '../domain/proposal.events';

/** What the application reads of a proposal's history to build a command (not the decider's state). */
export interface ProposalFacts {
  /** The current version (1, +1 per resubmission); 0 before any submission. */
  version: number;
  proposal: ProposalDefinition | undefined;
  /** The linkages a reviewer decided, by toolRef (the latest decision of each). */
  decided: Map<string, 'accepted' | 'dismissed'>;
}

/** The facts of a proposal's events, in order. */
export function proposalFactsOf(events: readonly ProposalEvent[]): ProposalFacts {
  const facts: ProposalFacts = { version: 0, proposal: undefined, decided: new Map() };
  for (const event of events) {
    switch (event.type) {
      case 'quality-monitoring.ProposalSubmitted':
      case 'quality-monitoring.ProposalResubmitted':
        facts.version = event.data.version;
        facts.proposal = event.data.proposal;
        break;
      case 'quality-monitoring.LinkageAccepted':
        facts.decided.set(event.data.toolRef, 'accepted');
        break;
      case 'quality-monitoring.LinkageDismissed':
        facts.decided.set(event.data.toolRef, 'dismissed');
        break;
      default:
        break;
    }
  }
  return facts;
}
