/** Withdrawing a proposal (by its department, before a final decision). */
import type { WithdrawProposal } from './proposal.commands';
import { ProposalWithdrawn, type ProposalEvent } from './proposal.events';
import { requireText } from './proposal.rules';
import type { Proposal } from './proposal.state';

export function withdraw(command: WithdrawProposal, proposal: Proposal): ProposalEvent[] {
  requireText('reason', command.reason, 'Say why the proposal is withdrawn');
  return [
    ProposalWithdrawn.of({
      proposalId: proposal.proposalId,
      reason: command.reason,
      withdrawnBy: command.by,
      withdrawnAt: command.at,
    }),
  ];
}
