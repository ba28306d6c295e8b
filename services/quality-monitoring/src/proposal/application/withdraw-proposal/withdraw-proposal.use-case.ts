import { proposalCommand } from '../proposal.command-routes';
import { WithdrawProposalDto } from './withdraw-proposal.request.dto';

/** The department withdraws the proposal, for good. POST /proposals/:id/withdraw */
export const withdrawQualityProposal = proposalCommand({
  path: 'withdraw',
  commandType: 'WithdrawProposal',
  operationId: 'withdrawQualityProposal',
  summary: 'Withdraw the proposal for good, with the reason (not once decided).',
  done: 'Withdrawn',
  dto: WithdrawProposalDto,
  command: (dto) => ({ type: 'WithdrawProposal', reason: dto.reason }),
});
