import type { QualityPartnerView } from '@sfp/contracts';
import {
  CriteriaRated,
  LinkageAccepted,
  LinkageDismissed,
  type ProposalEvent,
} from '../domain/proposal.events';
import {
  at,
  history,
  kusccoRatios,
  policy,
  proposalId,
  ratingsOf,
  resubmitted,
  reviewedByBoth,
  REVIEWER,
  SECOND_REVIEWER,
  sentBack,
  stimaRatios,
} from '../domain/testing/proposal.fixtures';
import { deficienciesOf, finalRatingsOf } from './quality-decisions.projection';
import { evolveQualityProposal, type StoredQualityProposal } from './quality-proposal.document';
import { proposalDocOf } from './quality-proposals.projection';
import { detailAsOf, proposalDiffOf, proposalEntryOf } from './quality-read';

const fold = (events: ProposalEvent[]) =>
  events.reduce<StoredQualityProposal | undefined>(
    (doc, event, i) => evolveQualityProposal(doc, event, i + 1, policy),
    undefined,
  );

const must = (detail: StoredQualityProposal | undefined): StoredQualityProposal => {
  if (!detail) throw new Error('no proposal');
  return detail;
};

const noPartners = new Map<string, QualityPartnerView>();

describe('the proposal document', () => {
  it('keeps each reviewer’s ratings and score, and the mean once both have submitted', () => {
    const detail = must(fold(reviewedByBoth));
    const [review] = detail.reviews;
    expect(detail.status).toBe('under-review');
    expect(review?.reviews.map((r) => [r.reviewer, r.submitted, r.score])).toEqual([
      [REVIEWER, true, 75],
      [SECOND_REVIEWER, true, 82.3],
    ]);
    expect(review?.score).toBe(78.7);
    expect(review?.reviews[0]?.ratings[0]?.comment).toBe('Rated 4');
  });

  it('scores a draft live once every criterion is rated, not before', () => {
    const draft = (ratings: ReturnType<typeof ratingsOf>) =>
      CriteriaRated.of({
        proposalId,
        reviewNumber: 1,
        reviewer: REVIEWER,
        ratings,
        ratedAt: at(3),
      });
    const partial = must(fold([...history['under-review'], draft(ratingsOf(5).slice(0, 4))]));
    expect(partial.reviews[0]?.reviews[0]).toMatchObject({ submitted: false });
    expect(partial.reviews[0]?.reviews[0]?.score).toBeUndefined();
    const complete = must(fold([...history['under-review'], draft(ratingsOf(5))]));
    expect(complete.reviews[0]?.reviews[0]?.score).toBe(100);
    expect(complete.reviews[0]?.score).toBeUndefined();
  });

  it('records the decision on its review and as the status', () => {
    const detail = must(fold(history.approved));
    expect(detail.status).toBe('approved');
    expect(detail.decisions).toEqual([
      expect.objectContaining({ decision: 'approved', turnaroundWorkingDays: 8 }),
    ]);
    expect(detail.reviews[0]?.decision?.decision).toBe('approved');
  });

  it('starts a new version on resubmission, the earlier review kept', () => {
    const detail = must(fold([...history['revise-and-resubmit'], resubmitted]));
    expect(detail.status).toBe('submitted');
    expect(detail.version).toBe(2);
    expect(detail.submittedAt).toBe(resubmitted.data.resubmittedAt);
    expect(detail.versions.map((v) => [v.version, v.changeNote])).toEqual([
      [1, undefined],
      [2, 'Quarterly targets added; budget trimmed'],
    ]);
    expect(detail.reviews.map((r) => r.version)).toEqual([1]);
    const entry = proposalEntryOf(proposalDocOf(detail), at(21));
    expect(entry).toMatchObject({ version: 2, decided: false, reviewers: [], redFlags: 0 });
    expect(entry.decision).toBeUndefined();
  });

  it('keeps accepted and dismissed linkages, a dismissal replacing the acceptance', () => {
    const link = {
      proposalId,
      proposalTitle: 'x',
      department: 'y',
      toolRef: 'course:c1',
      kind: 'course' as const,
      toolId: 'c1',
      context: 'training',
      toolTitle: 'Managing a guarantee fund',
      score: 0.62,
      reason: 'Shares the theme cooperatives and the country Kenya',
    };
    const accepted = LinkageAccepted.of({ ...link, acceptedBy: REVIEWER, acceptedAt: at(4) });
    const dismissed = LinkageDismissed.of({
      proposalId,
      toolRef: 'course:c1',
      kind: 'course',
      toolId: 'c1',
      context: 'training',
      wasAccepted: true,
      reason: 'The course is for insurers',
      dismissedBy: REVIEWER,
      dismissedAt: at(5),
    });
    expect(must(fold([...history.submitted, accepted])).linkages).toEqual([
      expect.objectContaining({ state: 'accepted', toolTitle: 'Managing a guarantee fund' }),
    ]);
    expect(must(fold([...history.submitted, accepted, dismissed])).linkages).toEqual([
      expect.objectContaining({
        state: 'dismissed',
        toolTitle: 'Managing a guarantee fund',
        dismissReason: 'The course is for insurers',
      }),
    ]);
  });
});

describe('the read of a proposal as of now', () => {
  it('counts the working days of an open review to today and says when it is overdue', () => {
    const detail = must(fold(history['under-review']));
    // Submitted Monday 2 March 2026; 15 working days later is Monday 23 March.
    const early = detailAsOf(detail, '2026-03-09T12:00:00.000Z', noPartners).serviceLevel;
    expect(early).toMatchObject({ dueOn: '2026-03-23', workingDaysElapsed: 5, overdue: false });
    const late = detailAsOf(detail, '2026-03-25T12:00:00.000Z', noPartners).serviceLevel;
    expect(late).toMatchObject({ workingDaysElapsed: 17, overdue: true });
    expect(late.met).toBeUndefined();
  });

  it('stops the clock at the decision', () => {
    const detail = must(fold(history.approved));
    const level = detailAsOf(detail, '2026-06-01T12:00:00.000Z', noPartners).serviceLevel;
    expect(level).toMatchObject({ workingDaysElapsed: 8, overdue: false, met: true });
    const entry = proposalEntryOf(proposalDocOf(detail), '2026-06-01T12:00:00.000Z');
    expect(entry).toMatchObject({
      ageWorkingDays: 8,
      decided: true,
      decision: 'approved',
      score: 78.7,
      reviewers: [REVIEWER, SECOND_REVIEWER],
      regions: ['africa'],
    });
  });

  it('shows that a newer report exists beside the frozen ratios, which it leaves unchanged', () => {
    const detail = must(fold(history.approved));
    const restated = { ...kusccoRatios, reportVersion: 2, par30: 0.121, reportedAt: at(30) };
    const partners = new Map<string, QualityPartnerView>([
      [
        kusccoRatios.institutionId,
        { institutionId: kusccoRatios.institutionId, ratios: restated, updatedAt: at(30) },
      ],
      [
        stimaRatios.institutionId,
        { institutionId: stimaRatios.institutionId, ratios: stimaRatios, updatedAt: at(0) },
      ],
    ]);
    const [kuscco, stima] = detailAsOf(detail, at(31), partners).reviews[0]?.partnerRatios ?? [];
    expect(kuscco).toMatchObject({
      par30: 0.064,
      reportVersion: 1,
      newerReportAvailable: true,
      latest: { reportId: kusccoRatios.reportId, reportVersion: 2 },
    });
    expect(stima).toMatchObject({ newerReportAvailable: false });
    expect(stima?.latest).toBeUndefined();
  });

  it('diffs two versions field by field with the earlier review’s comments', () => {
    const detail = must(fold([...reviewedByBoth, sentBack, resubmitted]));
    const diff = proposalDiffOf(detail, 1, 2);
    expect(diff?.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['budget', 187_500_000, 180_000_000],
      ['budgetUsd', 1_450_000, 1_390_000],
    ]);
    expect(diff?.previousReview).toMatchObject({
      reviewNumber: 1,
      decision: 'revise-and-resubmit',
    });
    expect(diff?.previousReview?.comments).toContainEqual({
      criterion: 'gender',
      reviewer: SECOND_REVIEWER,
      rating: 5,
      comment: 'Rated 5',
    });
    expect(proposalDiffOf(detail, 1, 3)).toBeUndefined();
  });
});

describe('deficiencies of a decision', () => {
  it('are the criteria whose final rating is in the bottom half of the scale', () => {
    const review = {
      docType: 'review' as const,
      reviewNumber: 1,
      scoring: policy,
      submitted: {
        [REVIEWER]: ratingsOf(4, { 'exit-strategy': 1, gender: 2 }),
        [SECOND_REVIEWER]: ratingsOf(4, { 'exit-strategy': 2, gender: 4 }),
      },
    };
    // Gender averages 3 (the midpoint of 1–5): not a deficiency; the exit strategy's 1.5 is.
    expect(deficienciesOf(policy, finalRatingsOf(review))).toEqual(['exit-strategy']);
    const reconciled = { ...review, reconciled: ratingsOf(4, { channel: 2 }) };
    expect(deficienciesOf(policy, finalRatingsOf(reconciled))).toEqual(['channel']);
  });
});
