import { proposalCommand } from '../proposal.command-routes';
import { DecideProposalDto } from './decide-proposal.request.dto';

/** The decision on the current version, with its reasons (and conditions). POST /proposals/:id/decision */
export const decideQualityProposal = proposalCommand({
  path: 'decision',
  commandType: 'DecideProposal',
  operationId: 'decideQualityProposal',
  summary:
    'Decide on the proposal: approved, approved with conditions, revise and resubmit, or rejected, with reasons. Red flags block an approval whatever the score.',
  done: 'Decided',
  dto: DecideProposalDto,
  rules:
    'An approval with conditions without conditions, or conditions with another decision (code RULE_VIOLATED)',
  conflicts:
    'or red flags block an approval (code RED_FLAG_BLOCKS_APPROVAL), or the review is not ready: a required review not submitted, divergent reviews not reconciled, an approval below the passing score (code REVIEW_NOT_READY)',
  command: (dto) => ({
    type: 'DecideProposal',
    decision: dto.decision,
    reasons: dto.reasons,
    conditions: dto.conditions ?? [],
  }),
});
