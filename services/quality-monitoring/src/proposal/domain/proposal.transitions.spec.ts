import { PROPOSAL_COMMAND_ALLOWED_FROM, PROPOSAL_STATUSES } from '@sfp/contracts';
import { foldEvents } from '@sfp/event-sourcing/domain';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import { decideProposal, proposalDecider } from './proposal.decider';
import {
  IllegalTransitionError,
  ProposalAlreadySubmittedError,
  ProposalNotFoundError,
} from './proposal.errors';
import {
  commands,
  history,
  proposalId,
  submitCommand,
  submitted,
} from './testing/proposal.fixtures';

const spec = deciderSpec(proposalDecider());

describe('proposal: the lifecycle table', () => {
  it('given no proposal, when it is submitted, then version 1 is submitted', () => {
    spec.given([]).when(submitCommand).then([submitted]);
  });

  it('given a proposal, when the same id is submitted again, then it is refused', () => {
    spec
      .given([submitted])
      .when(submitCommand)
      .thenThrows(ProposalAlreadySubmittedError, (e) => expect(e.proposalId).toBe(proposalId));
  });

  it('given no proposal, when any other command is given, then there is no such proposal', () => {
    for (const command of Object.values(commands))
      spec.given([]).when(command).thenThrows(ProposalNotFoundError);
  });

  describe.each(PROPOSAL_STATUSES)('given a proposal %s', (status) => {
    const state = foldEvents(proposalDecider(), history[status]);

    it('is in that status', () => {
      expect(state.status).toBe(status);
    });

    for (const [type, command] of Object.entries(commands)) {
      const allowed = (PROPOSAL_COMMAND_ALLOWED_FROM[command.type] as readonly string[]).includes(
        status,
      );
      it(`${allowed ? 'accepts' : 'refuses'} ${type} by the table`, () => {
        let refusal: unknown;
        try {
          decideProposal(state, command);
        } catch (error) {
          refusal = error;
        }
        if (allowed) expect(refusal).not.toBeInstanceOf(IllegalTransitionError);
        else {
          expect(refusal).toBeInstanceOf(IllegalTransitionError);
          expect((refusal as IllegalTransitionError).message).toContain(status);
        }
      });
    }
  });
});
