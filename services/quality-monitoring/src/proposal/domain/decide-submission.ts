/** Submitting a proposal and resubmitting it as a new version. */
import type { ResubmitProposal, SubmitProposal } from './proposal.commands';
import { ProposalResubmitted, ProposalSubmitted, type ProposalEvent } from './proposal.events';
import { checkDefinition, checkPartners, requireText } from './proposal.rules';
import type { Proposal } from './proposal.state';

export function submit(command: SubmitProposal): ProposalEvent[] {
  checkDefinition(command.proposal);
  checkPartners(command.proposal, command.unknownPartners);
  return [
    ProposalSubmitted.of({
      proposalId: command.proposalId,
      version: 1,
      proposal: command.proposal,
      origin: command.origin,
      submittedAt: command.at,
    }),
  ];
}

/** Version n+1 after a revise-and-resubmit decision: it waits for a new review. */
export function resubmit(command: ResubmitProposal, proposal: Proposal): ProposalEvent[] {
  checkDefinition(command.proposal, 'proposal.');
  checkPartners(command.proposal, command.unknownPartners, 'proposal.');
  requireText('changeNote', command.changeNote, 'Say what changed in this version');
  return [
    ProposalResubmitted.of({
      proposalId: proposal.proposalId,
      version: proposal.version + 1,
      proposal: command.proposal,
      changeNote: command.changeNote,
      resubmittedBy: command.by,
      resubmittedAt: command.at,
    }),
  ];
}
