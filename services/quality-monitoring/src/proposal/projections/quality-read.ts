import {
  proposalDiff,
  serviceLevelDue,
  workingDaysBetween,
  type PartnerRatios,
  type QualityFrozenPartnerRatios,
  type QualityPartnerView,
  type QualityProposalDetail,
  type QualityProposalDiff,
  type QualityProposalListEntry,
  type QualityServiceLevel,
} from '@sfp/contracts';
import type { ProposalDoc } from './quality-proposals.projection';
import { currentReviewOf, type StoredQualityProposal } from './quality-proposal.document';

/**
 * The service level of the current version as of `now` (ISO): due date,
 * working days from submission to the decision (or to now while open).
 */
export function serviceLevelOf(detail: StoredQualityProposal, now: string): QualityServiceLevel {
  const decision = currentReviewOf(detail)?.decision;
  const dueOn = serviceLevelDue(detail.submittedAt, detail.serviceLevelWorkingDays);
  const open = !decision && detail.status !== 'withdrawn';
  const until = decision?.decidedAt ?? (open ? now : detail.updatedAt);
  return {
    workingDays: detail.serviceLevelWorkingDays,
    submittedAt: detail.submittedAt,
    dueOn,
    workingDaysElapsed: Math.max(0, workingDaysBetween(detail.submittedAt, until)),
    overdue: open && now.slice(0, 10) > dueOn,
    ...(decision ? { met: decision.withinServiceLevel } : {}),
  };
}

/**
 * Whether the knowledge base has published a newer report than the one a
 * review froze: another report recorded later, or a later version
 * (restatement) of the same report.
 */
export function newerThanFrozen(frozen: PartnerRatios, latest: PartnerRatios | undefined): boolean {
  if (!latest) return false;
  if (latest.reportId === frozen.reportId) return latest.reportVersion > frozen.reportVersion;
  return latest.reportedAt > frozen.reportedAt;
}

function frozenAsOf(
  frozen: PartnerRatios,
  latest: PartnerRatios | undefined,
): QualityFrozenPartnerRatios {
  if (!latest || !newerThanFrozen(frozen, latest)) {
    return { ...frozen, newerReportAvailable: false };
  }
  return {
    ...frozen,
    newerReportAvailable: true,
    latest: {
      reportId: latest.reportId,
      reportVersion: latest.reportVersion,
      periodEnd: latest.periodEnd,
      reportedAt: latest.reportedAt,
    },
  };
}

/** The partners whose latest ratios the detail compares with the frozen ones. */
export const frozenPartnersOf = (detail: StoredQualityProposal): string[] => [
  ...new Set(detail.reviews.flatMap((r) => r.partnerRatios.map((p) => p.institutionId))),
];

/** The detail as of `now`, each frozen ratio marked when a newer report is known. */
export function detailAsOf(
  detail: StoredQualityProposal,
  now: string,
  partners: ReadonlyMap<string, QualityPartnerView>,
): QualityProposalDetail {
  const { serviceLevelWorkingDays: _days, reviews, ...rest } = detail;
  return {
    ...rest,
    reviews: reviews.map(
      ({ serviceLevelWorkingDays: _own, scoring: _kept, partnerRatios, ...review }) => ({
        ...review,
        partnerRatios: partnerRatios.map((p) =>
          frozenAsOf(p, partners.get(p.institutionId)?.ratios),
        ),
      }),
    ),
    serviceLevel: serviceLevelOf(detail, now),
  };
}

/** The list entry of a proposal document as of `now`. */
export function proposalEntryOf(doc: ProposalDoc, now: string): QualityProposalListEntry {
  const level = serviceLevelOf(doc.detail, now);
  return {
    proposalId: doc.proposalId,
    title: doc.title,
    status: doc.detail.status,
    version: doc.version,
    department: doc.department,
    instrument: doc.detail.proposal.financialComponent.instrument,
    channel: doc.detail.proposal.financialComponent.channel,
    pricingPolicy: doc.detail.proposal.financialComponent.pricingPolicy,
    countries: doc.countries,
    regions: doc.regions,
    currency: doc.currency,
    budget: doc.budget,
    budgetUsd: doc.budgetUsd,
    reviewers: doc.reviewers,
    redFlags: doc.redFlags,
    ...(doc.score !== undefined ? { score: doc.score } : {}),
    submittedAt: doc.submittedAt,
    dueOn: level.dueOn,
    ageWorkingDays: level.workingDaysElapsed,
    overdue: level.overdue,
    decided: doc.decided,
    ...(currentReviewOf(doc.detail)?.decision
      ? {
          decision: currentReviewOf(doc.detail)?.decision?.decision,
          decidedAt: doc.decidedAt,
          turnaroundWorkingDays: doc.turnaroundWorkingDays,
          withinServiceLevel: doc.withinServiceLevel,
        }
      : {}),
    updatedAt: doc.updatedAt,
  };
}

/**
 * What changed from version `from` to `to`, with the comments of the review
 * of version `from` (the one that asked for the revision) by criterion.
 * Undefined when either version does not exist.
 */
export function proposalDiffOf(
  detail: StoredQualityProposal,
  from: number,
  to: number,
): QualityProposalDiff | undefined {
  const before = detail.versions.find((v) => v.version === from);
  const after = detail.versions.find((v) => v.version === to);
  if (!before || !after) return undefined;
  const review = [...detail.reviews].reverse().find((r) => r.version === from);
  return {
    proposalId: detail.proposalId,
    from,
    to,
    changes: proposalDiff(before.proposal, after.proposal),
    ...(review
      ? {
          previousReview: {
            reviewNumber: review.reviewNumber,
            ...(review.decision ? { decision: review.decision.decision } : {}),
            reasons: review.decision?.reasons ?? [],
            conditions: review.decision?.conditions ?? [],
            comments: review.reviews.flatMap((r) =>
              r.ratings.flatMap((rating) =>
                rating.comment
                  ? [
                      {
                        criterion: rating.criterion,
                        reviewer: r.reviewer,
                        rating: rating.rating,
                        comment: rating.comment,
                      },
                    ]
                  : [],
              ),
            ),
            summaries: review.reviews.flatMap((r) =>
              r.summary ? [{ reviewer: r.reviewer, summary: r.summary }] : [],
            ),
          },
        }
      : {}),
  };
}
