import { deciderSpec } from '@sfp/event-sourcing/testing';
import { proposalDecider } from './proposal.decider';
import { ProposalRuleError } from './proposal.errors';
import { LinkageAccepted, LinkageDismissed } from './proposal.events';
import {
  at,
  commands,
  definition,
  DEPARTMENT,
  history,
  proposalId,
  REVIEWER,
  submitted,
} from './testing/proposal.fixtures';

const spec = deciderSpec(proposalDecider());
const accept = commands.AcceptLinkage;
const accepted = LinkageAccepted.of({
  proposalId,
  proposalTitle: definition.title,
  department: DEPARTMENT,
  toolRef: accept.toolRef,
  kind: accept.kind,
  toolId: accept.toolId,
  context: accept.context,
  toolTitle: accept.toolTitle,
  score: accept.score,
  reason: accept.reason,
  acceptedBy: REVIEWER,
  acceptedAt: at(2),
});
const dismissAccepted = {
  type: 'DismissLinkage' as const,
  toolRef: accept.toolRef,
  kind: accept.kind,
  toolId: accept.toolId,
  context: accept.context,
  reason: 'The research ended before the fund starts',
  at: at(5),
  by: REVIEWER,
};
const dismissed = LinkageDismissed.of({
  proposalId,
  toolRef: accept.toolRef,
  kind: accept.kind,
  toolId: accept.toolId,
  context: accept.context,
  wasAccepted: true,
  reason: 'The research ended before the fund starts',
  dismissedBy: REVIEWER,
  dismissedAt: at(5),
});

describe('proposal: linkages', () => {
  it('given a suggestion, when accepted, then the link with the proposal’s title and department for the tool’s owner', () => {
    spec.given([submitted]).when(accept).then([accepted]);
  });

  it('keeps the note when there is one', () => {
    spec
      .given([submitted])
      .when({ ...accept, note: 'Share the baseline data' })
      .then([LinkageAccepted.of({ ...accepted.data, note: 'Share the baseline data' })]);
  });

  it('given an accepted link, when accepted again, then nothing happens', () => {
    spec.given([submitted, accepted]).when(accept).thenNothingHappens();
  });

  it('given an approved proposal, then links are still accepted', () => {
    spec
      .given(history.approved)
      .when(accept)
      .then([LinkageAccepted.of({ ...accepted.data })]);
  });

  it('given an accepted link, when dismissed, then it is removed (wasAccepted)', () => {
    spec.given([submitted, accepted]).when(dismissAccepted).then([dismissed]);
  });

  it('given a suggestion never accepted, when dismissed, then wasAccepted is false', () => {
    spec
      .given([submitted])
      .when(commands.DismissLinkage)
      .then([
        LinkageDismissed.of({
          proposalId,
          toolRef: 'course:c-making-microfinance-work',
          kind: 'course',
          toolId: 'c-making-microfinance-work',
          context: 'training',
          wasAccepted: false,
          reason: 'A general course: the partner staff have taken it',
          dismissedBy: REVIEWER,
          dismissedAt: at(2),
        }),
      ]);
  });

  it('given a dismissed link, when dismissed again, then nothing happens; when accepted, it is linked again', () => {
    spec.given([submitted, accepted, dismissed]).when(dismissAccepted).thenNothingHappens();
    spec.given([submitted, accepted, dismissed]).when(accept).then([accepted]);
  });

  it('refuses a dismissal without a reason', () => {
    spec
      .given([submitted])
      .when({ ...commands.DismissLinkage, reason: '' })
      .thenThrows(ProposalRuleError, (e) => expect(e.field).toBe('reason'));
  });
});
