import {
  DEFAULT_LINKAGE_OPTIONS,
  linkageMatchOf,
  linkageReason,
  linkageScore,
  suggestLinkages,
  type InterventionTool,
  type LinkageSuggestion,
  type ProposalDefinition,
} from '@sfp/contracts';
import { ProposalNotFoundError, ProposalRuleError } from '../../domain/proposal.errors';
import type { Proposals } from '../proposals';

/**
 * The suggestions of links for a proposal's current version, computed now
 * from the tools known (accepted ones always listed, dismissed ones not again).
 */
export async function linkageSuggestionsFor(
  proposals: Proposals,
  proposalId: string,
): Promise<LinkageSuggestion[]> {
  const facts = await proposals.facts(proposalId);
  if (!facts.proposal) throw new ProposalNotFoundError();
  const tools = await proposals.tools.known();
  const partnerNames = await proposals.partners.names(partnerIdsOf(facts.proposal, tools));
  return suggestLinkages(facts.proposal, tools, facts.decided, {
    ...DEFAULT_LINKAGE_OPTIONS,
    partnerNames,
  });
}

/** A tool as a link of the proposal: its match, score and reason, computed now. */
export async function linkOf(
  proposals: Proposals,
  proposalId: string,
  toolRef: string,
): Promise<{
  proposal: ProposalDefinition;
  tool: InterventionTool;
  score: number;
  reason: string;
}> {
  const facts = await proposals.facts(proposalId);
  if (!facts.proposal) throw new ProposalNotFoundError();
  const tool = await proposals.tools.tool(toolRef);
  if (!tool)
    throw new ProposalRuleError(
      'toolRef',
      `No intervention tool ${toolRef} is known from the other contexts’ events`,
    );
  const match = linkageMatchOf(facts.proposal, tool);
  const partnerNames = await proposals.partners.names(match.sharedPartners);
  return {
    proposal: facts.proposal,
    tool,
    score: linkageScore(match, facts.proposal),
    reason: linkageReason(match, partnerNames),
  };
}

function partnerIdsOf(proposal: ProposalDefinition, tools: readonly InterventionTool[]): string[] {
  const mine = new Set(proposal.partnerInstitutionIds);
  return [...new Set(tools.flatMap((t) => t.partnerInstitutionIds).filter((id) => mine.has(id)))];
}
