import { proposalCommand } from '../proposal.command-routes';
import { AssignReviewersDto } from './assign-reviewers.request.dto';

/**
 * The reviewers, from the platform's users. The first assignment starts the
 * review: it keeps the policy in force, freezes each partner's latest ratios
 * as the knowledge base published them, and raises the red flags; a later
 * one reassigns. POST /proposals/:id/reviewers
 */
export const assignProposalReviewers = proposalCommand({
  path: 'reviewers',
  commandType: 'AssignReviewers',
  operationId: 'assignQualityReviewers',
  summary:
    'Assign the reviewers (platform users); the first assignment starts the review, freezing the partners’ latest ratios and the policy in force.',
  done: 'Assigned',
  dto: AssignReviewersDto,
  rules:
    'A reviewer who is not an active user of the platform, or named twice (code RULE_VIOLATED, on reviewers.<i>)',
  command:
    (dto, { id }, proposals) =>
    async () => {
      const reviewers = dto.reviewers.map((name) => name.trim().toLowerCase());
      const [users, policy, facts] = await Promise.all([
        Promise.all(reviewers.map((name) => proposals.users.byUsername(name))),
        proposals.policies.inForce(),
        proposals.facts(id),
      ]);
      const frozen = await proposals.partners.ratiosToFreeze(
        facts.proposal?.partnerInstitutionIds ?? [],
      );
      return {
        type: 'AssignReviewers',
        reviewers,
        unknownReviewers: reviewers.filter((_, i) => !users[i]?.active),
        policy,
        ...frozen,
      };
    },
});
