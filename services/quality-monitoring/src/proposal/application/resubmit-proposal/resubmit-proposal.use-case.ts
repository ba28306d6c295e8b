import { ProposalVersionAnswerSchema, type ProposalVersionAnswer } from '../proposal.answers';
import { proposalCommand } from '../proposal.command-routes';
import { DEFINITION_RULES, proposalDefinitionOf } from '../proposal-definition.dto';
import { ResubmitProposalDto } from './resubmit-proposal.request.dto';

/**
 * A new version after a revise-and-resubmit decision (the department, when
 * not given, stays the proposal's); it waits for a new review.
 * POST /proposals/:id/resubmit
 */
export const resubmitProposal = proposalCommand<ResubmitProposalDto, ProposalVersionAnswer>({
  path: 'resubmit',
  commandType: 'ResubmitProposal',
  operationId: 'resubmitQualityProposal',
  summary:
    'Resubmit the proposal as revised after a revise-and-resubmit decision: a new version, with what changed.',
  done: 'Resubmitted: the new version',
  dto: ResubmitProposalDto,
  schema: ProposalVersionAnswerSchema,
  rules: DEFINITION_RULES,
  command:
    (dto, { id }, proposals) =>
    async () => {
      const current = await proposals.facts(id);
      const proposal = proposalDefinitionOf(
        dto.proposal,
        current.proposal ? { department: current.proposal.department } : {},
        'proposal.department',
      );
      return {
        type: 'ResubmitProposal',
        proposal,
        changeNote: dto.changeNote,
        unknownPartners: await proposals.partners.unknownPartners(proposal.partnerInstitutionIds),
      };
    },
  run: async (proposals, { id }, context, command): Promise<ProposalVersionAnswer> => {
    const { result, events } = await proposals.decide(id, command, context);
    const resubmitted = events.find((e) => e.type === 'quality-monitoring.ProposalResubmitted');
    const version =
      resubmitted?.type === 'quality-monitoring.ProposalResubmitted'
        ? resubmitted.data.version
        : (await proposals.facts(id)).version;
    return { ...result, version };
  },
});
