import { deciderSpec } from '@sfp/event-sourcing/testing';
import { proposalDecider } from './proposal.decider';
import {
  NotAReviewerError,
  ProposalRuleError,
  ReviewAlreadySubmittedError,
  ReviewNotReadyError,
} from './proposal.errors';
import {
  CriteriaRated,
  ReviewersReassigned,
  ReviewsReconciled,
  ReviewStarted,
} from './proposal.events';
import {
  at,
  commands,
  definition,
  HEAD,
  history,
  kusccoRatios,
  policy,
  proposalId,
  ratingsA,
  ratingsB,
  ratingsOf,
  resubmitted,
  reviewedByBoth,
  REVIEWER,
  reviewStarted,
  reviewSubmitted,
  SECOND_REVIEWER,
  sentBack,
  submitted,
} from './testing/proposal.fixtures';

const spec = deciderSpec(proposalDecider());
const assign = commands.AssignReviewers;
const underReview = history['under-review'];
const refusedField = (field: string) => (e: ProposalRuleError) => expect(e.field).toBe(field);

describe('proposal: assigning reviewers', () => {
  it('given a submitted proposal, when reviewers are first assigned, then the review starts with the policy, the frozen ratios and no red flag', () => {
    spec.given([submitted]).when(assign).then([reviewStarted]);
  });

  it('raises the red flags from the proposal and the frozen ratios', () => {
    const troubled = { ...kusccoRatios, par30: 0.142 };
    spec
      .given([submitted])
      .when({
        ...assign,
        partnerRatios: [troubled],
        partnersWithoutReport: ['institution-ke-stima-sacco'],
      })
      .then([
        ReviewStarted.of({
          ...reviewStarted.data,
          partnerRatios: [troubled],
          partnersWithoutReport: ['institution-ke-stima-sacco'],
          redFlags: [
            {
              flag: 'partner-par30-above-threshold',
              detail:
                'Kenya Union of Savings and Credit Co-operatives: PAR30 14.2 % above the 10 % threshold (period ending 2025-12-31)',
              institutionId: kusccoRatios.institutionId,
            },
          ],
        }),
      ]);
  });

  it('notes that a second reviewer is required above the budget threshold, and not at it', () => {
    const small = {
      ...submitted,
      data: { ...submitted.data, proposal: { ...definition, budgetUsd: 1_000_000 } },
    };
    spec
      .given([small])
      .when({ ...assign, reviewers: [REVIEWER] })
      .then([
        ReviewStarted.of({
          ...reviewStarted.data,
          reviewers: [REVIEWER],
          secondReviewerRequired: false,
        }),
      ]);
  });

  it('refuses no reviewer, the same reviewer twice, more than two, and users the platform does not know', () => {
    spec
      .given([submitted])
      .when({ ...assign, reviewers: [] })
      .thenThrows(ProposalRuleError, refusedField('reviewers'));
    spec
      .given([submitted])
      .when({ ...assign, reviewers: [REVIEWER, REVIEWER] })
      .thenThrows(ProposalRuleError, refusedField('reviewers.1'));
    spec
      .given([submitted])
      .when({ ...assign, reviewers: [REVIEWER, SECOND_REVIEWER, HEAD] })
      .thenThrows(ProposalRuleError, refusedField('reviewers'));
    spec
      .given([submitted])
      .when({ ...assign, unknownReviewers: [SECOND_REVIEWER] })
      .thenThrows(ProposalRuleError, (e) => {
        expect(e.field).toBe('reviewers.1');
        expect(e.message).toBe('lars.johansson is no active user of the platform');
      });
  });

  it('given a review under way, when other reviewers are assigned, then they are reassigned (same review, same policy)', () => {
    spec
      .given(underReview)
      .when({ ...assign, reviewers: [REVIEWER, HEAD], at: at(2) })
      .then([
        ReviewersReassigned.of({
          proposalId,
          reviewNumber: 1,
          reviewers: [REVIEWER, HEAD],
          reassignedBy: HEAD,
          reassignedAt: at(2),
        }),
      ]);
  });

  it('given a review under way, when the same reviewers are assigned, then nothing happens', () => {
    spec
      .given(underReview)
      .when({ ...assign, reviewers: [SECOND_REVIEWER, REVIEWER] })
      .thenNothingHappens();
  });

  it('refuses to drop a reviewer who has submitted', () => {
    spec
      .given([...underReview, reviewSubmitted(REVIEWER, ratingsA, 75, 6)])
      .when({ ...assign, reviewers: [SECOND_REVIEWER, HEAD] })
      .thenThrows(ProposalRuleError, (e) => expect(e.message).toContain(REVIEWER));
  });

  it('given version 2, when reviewers are assigned, then review 2 of version 2 starts', () => {
    spec
      .given([...reviewedByBoth, sentBack, resubmitted])
      .when({ ...assign, at: at(21) })
      .then([
        ReviewStarted.of({
          ...reviewStarted.data,
          version: 2,
          reviewNumber: 2,
          secondReviewerRequired: true,
          startedAt: at(21),
        }),
      ]);
  });
});

describe('proposal: rating', () => {
  it('given a reviewer, when they rate some criteria, then their draft is saved', () => {
    spec
      .given(underReview)
      .when(commands.RateCriteria)
      .then([
        CriteriaRated.of({
          proposalId,
          reviewNumber: 1,
          reviewer: REVIEWER,
          ratings: ratingsA.slice(0, 3),
          ratedAt: at(4),
        }),
      ]);
  });

  it('given a draft, when they rate again, then the new ratings replace those of the same criteria', () => {
    const first = CriteriaRated.of({
      proposalId,
      reviewNumber: 1,
      reviewer: REVIEWER,
      ratings: [
        { criterion: 'channel', rating: 3 },
        { criterion: 'gender', rating: 2 },
      ],
      ratedAt: at(3),
    });
    spec
      .given([...underReview, first])
      .when({
        ...commands.RateCriteria,
        ratings: [{ criterion: 'gender', rating: 4, comment: 'Targets added' }],
      })
      .then([
        CriteriaRated.of({
          ...first.data,
          ratings: [
            { criterion: 'channel', rating: 3 },
            { criterion: 'gender', rating: 4, comment: 'Targets added' },
          ],
          ratedAt: at(4),
        }),
      ]);
  });

  it('refuses someone who is not a reviewer', () => {
    spec
      .given(underReview)
      .when({ ...commands.RateCriteria, by: HEAD })
      .thenThrows(NotAReviewerError, (e) => expect(e.actor).toBe(HEAD));
  });

  it('refuses ratings off the scale, of unknown criteria, or twice the same criterion', () => {
    spec
      .given(underReview)
      .when({
        ...commands.RateCriteria,
        ratings: [
          { criterion: 'channel', rating: 4 },
          { criterion: 'gender', rating: 6 },
        ],
      })
      .thenThrows(ProposalRuleError, (e) => {
        expect(e.field).toBe('ratings.1.rating');
        expect(e.message).toBe('Rate Gender with a whole number from 1 to 5 (6 is not)');
      });
    spec
      .given(underReview)
      .when({ ...commands.RateCriteria, ratings: [{ criterion: 'gender', rating: 3.5 }] })
      .thenThrows(ProposalRuleError, refusedField('ratings.0.rating'));
    spec
      .given(underReview)
      .when({ ...commands.RateCriteria, ratings: [{ criterion: 'charisma', rating: 3 }] })
      .thenThrows(ProposalRuleError, refusedField('ratings.0.criterion'));
    spec
      .given(underReview)
      .when({
        ...commands.RateCriteria,
        ratings: [
          { criterion: 'gender', rating: 3 },
          { criterion: 'gender', rating: 4 },
        ],
      })
      .thenThrows(ProposalRuleError, refusedField('ratings.1.criterion'));
    spec
      .given(underReview)
      .when({ ...commands.RateCriteria, ratings: [] })
      .thenThrows(ProposalRuleError, refusedField('ratings'));
  });

  it('rates on the scale of the review’s policy, not another', () => {
    const tenPoint = { ...policy, version: 2, scale: { min: 0, max: 9 } };
    spec
      .given([
        submitted,
        ReviewStarted.of({ ...reviewStarted.data, policy: tenPoint, policyVersion: 2 }),
      ])
      .when({ ...commands.RateCriteria, ratings: [{ criterion: 'gender', rating: 8 }] })
      .then([
        CriteriaRated.of({
          proposalId,
          reviewNumber: 1,
          reviewer: REVIEWER,
          ratings: [{ criterion: 'gender', rating: 8 }],
          ratedAt: at(4),
        }),
      ]);
  });
});

describe('proposal: submitting a review', () => {
  it('given a reviewer, when they submit every criterion, then the review with its weighted score', () => {
    spec
      .given(underReview)
      .when(commands.SubmitReview)
      .then([reviewSubmitted(REVIEWER, ratingsA, 75, 6)]);
  });

  it('refuses a review that leaves criteria unrated, naming them', () => {
    spec
      .given(underReview)
      .when({ ...commands.SubmitReview, ratings: ratingsA.slice(0, 8) })
      .thenThrows(ProposalRuleError, (e) => {
        expect(e.field).toBe('ratings');
        expect(e.message).toBe('Rate every criterion: Gender and Exit strategy are not rated');
      });
  });

  it('refuses a review without a summary, and from someone who is not a reviewer', () => {
    spec
      .given(underReview)
      .when({ ...commands.SubmitReview, summary: '' })
      .thenThrows(ProposalRuleError, refusedField('summary'));
    spec
      .given(underReview)
      .when({ ...commands.SubmitReview, by: HEAD })
      .thenThrows(NotAReviewerError);
  });

  it('given a submitted review, when its reviewer rates or submits again, then it cannot change', () => {
    const done = [...underReview, reviewSubmitted(REVIEWER, ratingsA, 75, 6)];
    spec.given(done).when(commands.RateCriteria).thenThrows(ReviewAlreadySubmittedError);
    spec
      .given(done)
      .when(commands.SubmitReview)
      .thenThrows(ReviewAlreadySubmittedError, (e) => expect(e.reviewer).toBe(REVIEWER));
  });
});

describe('proposal: reconciling two reviews', () => {
  const apart = ratingsOf(2, { gender: 5 }); // 2 vs 4: beyond the tolerance of 1 on nine criteria
  const divergent = [
    ...underReview,
    reviewSubmitted(REVIEWER, ratingsA, 75, 6),
    reviewSubmitted(SECOND_REVIEWER, apart, 30.3, 8),
  ];

  it('given two reviews that diverge, when reconciled, then the agreed ratings, their score and the divergent criteria', () => {
    spec
      .given(divergent)
      .when(commands.ReconcileReviews)
      .then([
        ReviewsReconciled.of({
          proposalId,
          reviewNumber: 1,
          ratings: ratingsOf(4),
          score: 75,
          divergentCriteria: [
            'decent-work-relevance',
            'channel',
            'pricing-and-cost-recovery',
            'partner-appraisal',
            'instrument-fit',
            'performance-based-agreement',
            'monitoring-plan',
            'constituent-involvement',
            'exit-strategy',
          ],
          note: 'Agreed in a call on 11 March',
          reconciledBy: HEAD,
          reconciledAt: at(9),
        }),
      ]);
  });

  it('refuses to reconcile before two reviews are in', () => {
    spec
      .given([...underReview, reviewSubmitted(REVIEWER, ratingsA, 75, 6)])
      .when(commands.ReconcileReviews)
      .thenThrows(ReviewNotReadyError);
  });

  it('refuses to reconcile reviews that do not diverge', () => {
    spec
      .given(reviewedByBoth)
      .when(commands.ReconcileReviews)
      .thenThrows(ProposalRuleError, (e) => expect(e.message).toContain('mean of their scores'));
    expect(ratingsB).not.toEqual(ratingsA);
  });

  it('refuses incomplete agreed ratings, and no note', () => {
    spec
      .given(divergent)
      .when({ ...commands.ReconcileReviews, ratings: ratingsOf(4).slice(1) })
      .thenThrows(ProposalRuleError, refusedField('ratings'));
    spec
      .given(divergent)
      .when({ ...commands.ReconcileReviews, note: ' ' })
      .thenThrows(ProposalRuleError, refusedField('note'));
  });
});
