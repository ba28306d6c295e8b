import { deciderSpec } from '@sfp/event-sourcing/testing';
import { proposalDecider } from './proposal.decider';
import {
  ProposalRuleError,
  RedFlagBlocksApprovalError,
  ReviewNotReadyError,
} from './proposal.errors';
import { ProposalDecided, ReviewsReconciled, ReviewStarted } from './proposal.events';
import {
  approved,
  at,
  commands,
  definition,
  HEAD,
  history,
  proposalId,
  ratingsA,
  ratingsOf,
  reviewedByBoth,
  REVIEWER,
  reviewStarted,
  reviewSubmitted,
  SECOND_REVIEWER,
  submitted,
} from './testing/proposal.fixtures';

const spec = deciderSpec(proposalDecider());
const decideCommand = commands.DecideProposal;
const decision = (change: Partial<typeof decideCommand>) => ({ ...decideCommand, ...change });
const decided = (change: Partial<(typeof approved)['data']>) =>
  ProposalDecided.of({ ...approved.data, ...change });

describe('proposal: deciding', () => {
  it('given two reviews within the tolerance, when approved, then the mean of their scores, the turnaround and the snapshot', () => {
    spec.given(reviewedByBoth).when(decideCommand).then([approved]);
    expect(approved.data).toMatchObject({
      score: 78.7,
      turnaroundWorkingDays: 8,
      withinServiceLevel: true,
      title: definition.title,
      instrument: 'guarantee-fund',
      amount: 150_000_000,
      currency: 'KES',
    });
  });

  it('given a single reviewer (no second required), then their score is the final one', () => {
    const small = {
      ...submitted,
      data: { ...submitted.data, proposal: { ...definition, budgetUsd: 600_000 } },
    };
    spec
      .given([
        small,
        ReviewStarted.of({
          ...reviewStarted.data,
          reviewers: [REVIEWER],
          secondReviewerRequired: false,
        }),
        reviewSubmitted(REVIEWER, ratingsA, 75, 6),
      ])
      .when(decision({ decision: 'rejected' }))
      .then([decided({ decision: 'rejected', score: 75, budgetUsd: 600_000 })]);
  });

  it('counts working days from the version’s submission: decided after the service level, it is not within', () => {
    // Monday 2 March to Tuesday 24 March 2026: 16 working days; the policy allows 15.
    spec
      .given(reviewedByBoth)
      .when(decision({ at: at(22) }))
      .then([decided({ turnaroundWorkingDays: 16, withinServiceLevel: false, decidedAt: at(22) })]);
    // Monday 23 March: 15 working days, within.
    spec
      .given(reviewedByBoth)
      .when(decision({ at: at(21) }))
      .then([decided({ turnaroundWorkingDays: 15, withinServiceLevel: true, decidedAt: at(21) })]);
  });

  describe('a review not ready', () => {
    it('refuses while an assigned reviewer has not submitted', () => {
      spec
        .given([...history['under-review'], reviewSubmitted(REVIEWER, ratingsA, 75, 6)])
        .when(decision({ decision: 'rejected' }))
        .thenThrows(ReviewNotReadyError, (e) =>
          expect(e.message).toBe('Waiting for the review of lars.johansson'),
        );
    });

    it('refuses while a required second reviewer is not assigned', () => {
      spec
        .given([
          submitted,
          ReviewStarted.of({ ...reviewStarted.data, reviewers: [REVIEWER] }),
          reviewSubmitted(REVIEWER, ratingsA, 75, 6),
        ])
        .when(decideCommand)
        .thenThrows(ReviewNotReadyError, (e) => expect(e.message).toContain('second reviewer'));
    });

    const apart = ratingsOf(2);
    const divergent = [
      ...history['under-review'],
      reviewSubmitted(REVIEWER, ratingsA, 75, 6),
      reviewSubmitted(SECOND_REVIEWER, apart, 25, 8),
    ];

    it('refuses while two divergent reviews are not reconciled', () => {
      spec
        .given(divergent)
        .when(decision({ decision: 'revise-and-resubmit' }))
        .thenThrows(ReviewNotReadyError, (e) => expect(e.message).toContain('reconcile'));
    });

    it('given them reconciled, then the reconciled score is the final one', () => {
      const reconciled = ReviewsReconciled.of({
        proposalId,
        reviewNumber: 1,
        ratings: ratingsOf(3),
        score: 50,
        divergentCriteria: [],
        note: 'Agreed',
        reconciledBy: HEAD,
        reconciledAt: at(9),
      });
      spec
        .given([...divergent, reconciled])
        .when(decision({ decision: 'revise-and-resubmit' }))
        .then([decided({ decision: 'revise-and-resubmit', score: 50 })]);
    });

    it('refuses an approval below the passing score, but not a rejection', () => {
      const weak = [
        ...history['under-review'],
        reviewSubmitted(REVIEWER, ratingsOf(3), 50, 6),
        reviewSubmitted(SECOND_REVIEWER, ratingsOf(3, { gender: 4 }), 51.8, 8),
      ];
      spec
        .given(weak)
        .when(decideCommand)
        .thenThrows(ReviewNotReadyError, (e) =>
          expect(e.message).toBe('The score of 50.9 is below the 60 an approval needs'),
        );
      spec
        .given(weak)
        .when(decision({ decision: 'rejected' }))
        .then([decided({ decision: 'rejected', score: 50.9 })]);
    });
  });

  describe('red flags', () => {
    const flag = {
      flag: 'no-exit-strategy' as const,
      detail:
        'No exit strategy: nothing says how the funds and the service continue when the project ends',
    };
    const flagged = [
      submitted,
      ReviewStarted.of({ ...reviewStarted.data, redFlags: [flag] }),
      ...reviewedByBoth.slice(2),
    ];

    it('block an approval, and an approval with conditions, whatever the score', () => {
      spec
        .given(flagged)
        .when(decideCommand)
        .thenThrows(RedFlagBlocksApprovalError, (e) => expect(e.flags).toEqual([flag.detail]));
      spec
        .given(flagged)
        .when(
          decision({ decision: 'approved-with-conditions', conditions: ['An exit plan by June'] }),
        )
        .thenThrows(RedFlagBlocksApprovalError);
    });

    it('do not block sending the proposal back, and the decision keeps them', () => {
      spec
        .given(flagged)
        .when(decision({ decision: 'revise-and-resubmit', reasons: ['Add an exit strategy'] }))
        .then([
          decided({
            decision: 'revise-and-resubmit',
            reasons: ['Add an exit strategy'],
            redFlags: [flag],
          }),
        ]);
    });
  });

  describe('reasons and conditions', () => {
    it('refuses a decision without a reason, or with a blank one', () => {
      spec
        .given(reviewedByBoth)
        .when(decision({ reasons: [] }))
        .thenThrows(ProposalRuleError, (e) => expect(e.field).toBe('reasons'));
      spec
        .given(reviewedByBoth)
        .when(decision({ reasons: ['Sound', ' '] }))
        .thenThrows(ProposalRuleError, (e) => expect(e.field).toBe('reasons.1'));
    });

    it('refuses an approval with conditions that states none; other decisions state none', () => {
      spec
        .given(reviewedByBoth)
        .when(decision({ decision: 'approved-with-conditions' }))
        .thenThrows(ProposalRuleError, (e) => expect(e.field).toBe('conditions'));
      spec
        .given(reviewedByBoth)
        .when(decision({ conditions: ['Quarterly claims reports'] }))
        .thenThrows(ProposalRuleError, (e) => expect(e.field).toBe('conditions'));
    });

    it('given conditions, then approved with them', () => {
      spec
        .given(reviewedByBoth)
        .when(
          decision({
            decision: 'approved-with-conditions',
            conditions: ['Quarterly claims reports'],
          }),
        )
        .then([
          decided({
            decision: 'approved-with-conditions',
            conditions: ['Quarterly claims reports'],
          }),
        ]);
    });
  });
});
