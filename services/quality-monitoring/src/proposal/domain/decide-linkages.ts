/** Accepting and dismissing suggested links to other contexts' tools: each idempotent. */
import type { AcceptLinkage, DismissLinkage } from './proposal.commands';
import { LinkageAccepted, LinkageDismissed, type ProposalEvent } from './proposal.events';
import { requireText } from './proposal.rules';
import type { Proposal } from './proposal.state';

/** Links the tool (again after a dismissal); nothing when it is linked already. */
export function acceptLinkage(command: AcceptLinkage, proposal: Proposal): ProposalEvent[] {
  if (proposal.linkages[command.toolRef] === 'accepted') return [];
  return [
    LinkageAccepted.of({
      proposalId: proposal.proposalId,
      proposalTitle: proposal.definition.title,
      department: proposal.definition.department,
      toolRef: command.toolRef,
      kind: command.kind,
      toolId: command.toolId,
      context: command.context,
      toolTitle: command.toolTitle,
      score: command.score,
      reason: command.reason,
      ...(command.note !== undefined ? { note: command.note } : {}),
      acceptedBy: command.by,
      acceptedAt: command.at,
    }),
  ];
}

/** Dismisses a suggestion, or removes an accepted link (`wasAccepted`); nothing when dismissed already. */
export function dismissLinkage(command: DismissLinkage, proposal: Proposal): ProposalEvent[] {
  requireText('reason', command.reason, 'Say why the tool is not linked');
  const before = proposal.linkages[command.toolRef];
  if (before === 'dismissed') return [];
  return [
    LinkageDismissed.of({
      proposalId: proposal.proposalId,
      toolRef: command.toolRef,
      kind: command.kind,
      toolId: command.toolId,
      context: command.context,
      wasAccepted: before === 'accepted',
      reason: command.reason,
      dismissedBy: command.by,
      dismissedAt: command.at,
    }),
  ];
}
