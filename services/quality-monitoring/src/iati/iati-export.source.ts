import { APPROVING_DECISIONS, type ProposalDefinition, type ReviewDecision } from '@sfp/contracts';
import {
  ProposalDecided,
  ProposalResubmitted,
  ProposalSubmitted,
  ProposalWithdrawn,
  type ProposalDecidedData,
  type ProposalResubmittedData,
  type ProposalSubmittedData,
} from '../proposal/domain/proposal.events';

/** What the export writes of a proposal: its current version and the decision that approved it. */
export interface ApprovedProposal {
  version: number;
  proposal: ProposalDefinition;
  decision: ReviewDecision;
  conditions: string[];
  decidedAt: string;
}

export type ExportSource =
  | { kind: 'unknown' }
  | { kind: 'not-approved'; why: string }
  | ({ kind: 'approved' } & ApprovedProposal);

/**
 * Whether a proposal's events (its stream, in order) make it exportable: its
 * latest version decided approved or approved with conditions, and not
 * withdrawn since. Otherwise why not, in words.
 */
export function exportSourceOf(
  events: ReadonlyArray<{ type: string; data: unknown }>,
): ExportSource {
  let current: { version: number; proposal: ProposalDefinition } | undefined;
  let decided: ProposalDecidedData | undefined;
  let withdrawn = false;
  for (const event of events) {
    if (event.type === ProposalSubmitted.type || event.type === ProposalResubmitted.type) {
      const data = event.data as ProposalSubmittedData | ProposalResubmittedData;
      current = { version: data.version, proposal: data.proposal };
      decided = undefined;
    } else if (event.type === ProposalDecided.type) {
      decided = event.data as ProposalDecidedData;
    } else if (event.type === ProposalWithdrawn.type) {
      withdrawn = true;
    }
  }
  if (!current) return { kind: 'unknown' };
  if (withdrawn) return { kind: 'not-approved', why: 'it was withdrawn' };
  if (!decided || decided.version !== current.version) {
    return { kind: 'not-approved', why: `version ${current.version} has no decision yet` };
  }
  if (!APPROVING_DECISIONS.includes(decided.decision)) {
    return {
      kind: 'not-approved',
      why: `version ${current.version} was decided ${decided.decision}`,
    };
  }
  return {
    kind: 'approved',
    version: current.version,
    proposal: current.proposal,
    decision: decided.decision,
    conditions: decided.conditions,
    decidedAt: decided.decidedAt,
  };
}
