import { PROPOSAL_COMMAND_ALLOWED_FROM, type ProposalCommandType } from '@sfp/contracts';
import type { Decider } from '@sfp/event-sourcing/domain';
import { decide } from './decide-decision';
import { acceptLinkage, dismissLinkage } from './decide-linkages';
import { assignReviewers, rateCriteria, reconcileReviews, submitReview } from './decide-review';
import { resubmit, submit } from './decide-submission';
import { withdraw } from './decide-withdrawal';
import type { ProposalCommand } from './proposal.commands';
import {
  IllegalTransitionError,
  ProposalAlreadySubmittedError,
  ProposalNotFoundError,
} from './proposal.errors';
import type { ProposalEvent } from './proposal.events';
import {
  assertNever,
  evolveProposal,
  initialProposalState,
  type Proposal,
  type ProposalState,
} from './proposal.state';

export { finalScore } from './decide-decision';
export { currentReview, MAX_REVIEWERS, submittedReviews } from './decide-review';
export {
  evolveProposal,
  initialProposalState,
  statusOfProposal,
  type Proposal,
  type ProposalReview,
  type ProposalState,
  type SubmittedReview,
} from './proposal.state';

/**
 * The proposal: submitted, reviewed (reviewers assigned, ratings drafted and
 * submitted, divergent reviews reconciled), decided, resubmitted as a new
 * version after revise-and-resubmit, or withdrawn; linked to other contexts'
 * tools. Refuses what PROPOSAL_COMMAND_ALLOWED_FROM does not allow.
 */
export function decideProposal(state: ProposalState, command: ProposalCommand): ProposalEvent[] {
  if (command.type === 'SubmitProposal') {
    if (state.status !== 'none') throw new ProposalAlreadySubmittedError(state.proposalId);
    return submit(command);
  }
  if (state.status === 'none') throw new ProposalNotFoundError();
  allowedFrom(command.type, state);

  switch (command.type) {
    case 'ResubmitProposal':
      return resubmit(command, state);
    case 'AssignReviewers':
      return assignReviewers(command, state);
    case 'RateCriteria':
      return rateCriteria(command, state);
    case 'SubmitReview':
      return submitReview(command, state);
    case 'ReconcileReviews':
      return reconcileReviews(command, state);
    case 'DecideProposal':
      return decide(command, state);
    case 'WithdrawProposal':
      return withdraw(command, state);
    case 'AcceptLinkage':
      return acceptLinkage(command, state);
    case 'DismissLinkage':
      return dismissLinkage(command, state);
    default:
      return assertNever(command);
  }
}

/** The decider as the event-sourcing kit takes it (decide(command, state)). */
export function proposalDecider(): Decider<ProposalState, ProposalCommand, ProposalEvent> {
  return {
    initialState: initialProposalState,
    decide: (command, state) => decideProposal(state, command),
    evolve: evolveProposal,
  };
}

/** Refuses a command its status does not allow, by the contracts' table. */
function allowedFrom(command: ProposalCommandType, proposal: Proposal): void {
  const statuses = PROPOSAL_COMMAND_ALLOWED_FROM[command];
  if (!statuses.includes(proposal.status))
    throw new IllegalTransitionError(command, proposal.status, statuses);
}
