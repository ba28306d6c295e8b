import {
  documentsBefore,
  type ReportingPlugin,
  type ViewDocuments,
} from '../registry/reporting-plugin';
import { defineReportingView } from '../registry/reporting-view';
import { defineKeyedReportingView } from '../innovation-research/research-view';
import type { ReportPeriod } from '../report/domain/report-period';
import {
  evolveQualityDecisionFacts,
  evolveQualityLinkageFacts,
  evolveQualityPortfolioFacts,
  evolveQualityProposalFacts,
  linkageIdOf,
  reviewIdOf,
  type QualityDecisionFacts,
  type QualityLinkageFacts,
  type QualityPortfolioFacts,
  type QualityProposalFacts,
} from './domain/quality.facts';
import {
  QUALITY_EVENT_TYPES as Q,
  QUALITY_SOURCE,
  qualityShapeProblems,
} from './domain/quality.public-events';
import {
  qualityMonitoringReportSection,
  type QualityReportData,
} from './domain/quality.report-section';

export const QUALITY_PROPOSALS_VIEW = 'quality-proposals';
export const QUALITY_DECISIONS_VIEW = 'quality-decisions';
export const QUALITY_PORTFOLIO_VIEW = 'quality-portfolio';
export const QUALITY_LINKAGES_VIEW = 'quality-linkages';

const STATUSES =
  'submitted, under-review, approved, approved-with-conditions, revise-and-resubmit, rejected, withdrawn';
const DECISIONS = 'approved, approved-with-conditions, revise-and-resubmit, rejected';
const INSTRUMENTS =
  'credit-line, guarantee-fund, revolving-fund, grant-to-provider, equity, insurance-scheme, savings-scheme';
const CHANNELS = 'specialised-provider, direct-by-project';
const REGIONS = 'africa, americas, arab-states, asia-pacific, europe-central-asia';

/** One document per proposal: its current version, status and outcome. */
export const qualityProposalsView = defineReportingView<QualityProposalFacts>({
  name: QUALITY_PROPOSALS_VIEW,
  context: QUALITY_SOURCE,
  title: 'Proposals with financial components (quality monitoring)',
  description:
    'One row per proposal with a financial component, as its current version has it: title, department, instrument, channel, pricing policy, countries and regions, budget (and in USD), version, status, when first submitted and when the current version was, reviews started, red flags of the latest review, decision and when, withdrawal, linkages accepted. No reviewer is named.',
  version: 1,
  idField: 'proposalId',
  eventTypes: [
    Q.proposalSubmitted,
    Q.proposalResubmitted,
    Q.reviewStarted,
    Q.proposalDecided,
    Q.proposalWithdrawn,
    Q.linkageAccepted,
    Q.linkageDismissed,
  ],
  evolve: evolveQualityProposalFacts,
  fields: {
    proposalId: { type: 'string', description: 'The proposal id' },
    title: { type: 'string', description: 'Title' },
    department: { type: 'string', description: 'The department that submitted it' },
    instrument: { type: 'string', description: INSTRUMENTS },
    channel: { type: 'string', description: CHANNELS },
    pricingPolicy: { type: 'string', description: 'market-rates, subsidised, capped' },
    countries: { type: 'string-list', description: 'ISO 3166-1 alpha-2 countries' },
    regions: { type: 'string-list', description: REGIONS },
    currency: { type: 'string', description: 'Currency of the budget (ISO 4217)' },
    budget: { type: 'number', description: 'Budget' },
    budgetUsd: { type: 'number', description: 'Budget in US dollars' },
    version: { type: 'number', description: 'Current version (1, +1 per resubmission)' },
    status: { type: 'string', description: STATUSES },
    submittedAt: { type: 'timestamp', description: 'When first submitted' },
    versionSubmittedAt: { type: 'timestamp', description: 'When the current version was' },
    reviews: { type: 'number', description: 'Reviews started (one per version reviewed)' },
    redFlags: { type: 'number', description: 'Red flags raised by the latest review' },
    decision: { type: 'string', description: `Decision on the current version: ${DECISIONS}` },
    decidedAt: { type: 'timestamp', description: 'When the current version was decided' },
    withdrawnAt: { type: 'timestamp', description: 'When it was withdrawn' },
    linkagesAccepted: { type: 'number', description: 'Links to other tools accepted (and kept)' },
  },
});

/** One document per review and, once decided, its decision. */
export const qualityDecisionsView = defineKeyedReportingView<QualityDecisionFacts>({
  name: QUALITY_DECISIONS_VIEW,
  context: QUALITY_SOURCE,
  title: 'Reviews and decisions (quality monitoring)',
  description:
    'One row per review of a proposal version (id <proposalId>/r<reviewNumber>) and, once decided, its decision: version, when the review started, reviews submitted, reconciled or not, decision, approved or not, department, instrument, channel, countries, regions, amount and currency of the financial component, budget in USD, score (0–100), red flags (and how many), conditions, deficiencies (criteria whose final rating was in the bottom half of the scale), turnaround in working days, within the service level or not, decision date. No reviewer is named.',
  version: 1,
  idOf: reviewIdOf,
  eventTypes: [Q.reviewStarted, Q.reviewSubmitted, Q.reviewsReconciled, Q.proposalDecided],
  evolve: evolveQualityDecisionFacts,
  fields: {
    reviewId: { type: 'string', description: '<proposalId>/r<reviewNumber>' },
    proposalId: { type: 'string', description: 'The proposal (see quality-proposals)' },
    version: { type: 'number', description: 'The version reviewed' },
    reviewNumber: { type: 'number', description: '1, +1 per resubmission' },
    reviewStartedAt: { type: 'timestamp', description: 'When the review started' },
    reviewsSubmitted: { type: 'number', description: 'Reviewers who submitted' },
    reconciled: { type: 'boolean', description: 'Two reviews reconciled' },
    decision: { type: 'string', description: DECISIONS },
    approved: { type: 'boolean', description: 'Approved, with or without conditions' },
    department: { type: 'string', description: 'The department' },
    instrument: { type: 'string', description: INSTRUMENTS },
    channel: { type: 'string', description: CHANNELS },
    countries: { type: 'string-list', description: 'ISO 3166-1 alpha-2 countries' },
    regions: { type: 'string-list', description: REGIONS },
    currency: { type: 'string', description: 'Currency of the amount (ISO 4217)' },
    amount: { type: 'number', description: 'Amount of the financial component' },
    budgetUsd: { type: 'number', description: 'Budget of the proposal in US dollars' },
    score: { type: 'number', description: 'Final weighted score, 0–100' },
    redFlags: {
      type: 'string-list',
      description:
        'direct-lending, pricing-prevents-cost-recovery, no-exit-strategy, partner-par30-above-threshold, partner-oss-below-threshold',
    },
    redFlagCount: {
      type: 'number',
      description: 'Red flags raised (one per partner for the ratios)',
    },
    conditions: { type: 'number', description: 'Conditions of an approval with conditions' },
    deficiencies: {
      type: 'string-list',
      description: 'Criteria whose final rating was in the bottom half of the scale',
    },
    turnaroundWorkingDays: {
      type: 'number',
      description: 'Working days from the version’s submission to the decision',
    },
    withinServiceLevel: { type: 'boolean', description: 'Decided within the service level' },
    decidedAt: { type: 'timestamp', description: 'When it was decided' },
  },
});

/** One document per proposal's financial component; approved ones make the portfolio. */
export const qualityPortfolioView = defineReportingView<QualityPortfolioFacts>({
  name: QUALITY_PORTFOLIO_VIEW,
  context: QUALITY_SOURCE,
  title: 'Portfolio of financial components (quality monitoring)',
  description:
    "One row per proposal's financial component, as its current version has it: instrument, channel, pricing policy, countries and regions, amount and currency, the amount in US dollars (at the proposal's own budget rate), whether approved (with or without conditions) and when. The approved rows are the portfolio.",
  version: 1,
  idField: 'proposalId',
  eventTypes: [Q.proposalSubmitted, Q.proposalResubmitted, Q.proposalDecided],
  evolve: evolveQualityPortfolioFacts,
  fields: {
    proposalId: { type: 'string', description: 'The proposal (see quality-proposals)' },
    title: { type: 'string', description: 'Title' },
    department: { type: 'string', description: 'The department' },
    instrument: { type: 'string', description: INSTRUMENTS },
    channel: { type: 'string', description: CHANNELS },
    pricingPolicy: { type: 'string', description: 'market-rates, subsidised, capped' },
    countries: { type: 'string-list', description: 'ISO 3166-1 alpha-2 countries' },
    regions: { type: 'string-list', description: REGIONS },
    currency: { type: 'string', description: 'Currency of the amount (ISO 4217)' },
    amount: { type: 'number', description: 'Amount of the financial component' },
    amountUsd: { type: 'number', description: 'The amount in US dollars' },
    submittedAt: { type: 'timestamp', description: 'When the proposal was first submitted' },
    approved: { type: 'boolean', description: 'Approved, with or without conditions' },
    decision: { type: 'string', description: `Decision on the current version: ${DECISIONS}` },
    approvedAt: { type: 'timestamp', description: 'When it was approved' },
  },
});

/** One document per link between a proposal and a tool that a reviewer acted on. */
export const qualityLinkagesView = defineKeyedReportingView<QualityLinkageFacts>({
  name: QUALITY_LINKAGES_VIEW,
  context: QUALITY_SOURCE,
  title: 'Linkages between proposals and tools (quality monitoring)',
  description:
    "One row per suggested link between a proposal and another unit's tool that a reviewer accepted or dismissed (id <proposalId>|<toolRef>): the tool's kind, owning context and title, the suggestion's score (0–1), status (accepted or dismissed), when accepted and when dismissed. No reviewer is named.",
  version: 1,
  idOf: linkageIdOf,
  eventTypes: [Q.linkageAccepted, Q.linkageDismissed],
  evolve: evolveQualityLinkageFacts,
  fields: {
    linkageId: { type: 'string', description: '<proposalId>|<toolRef>' },
    proposalId: { type: 'string', description: 'The proposal (see quality-proposals)' },
    toolRef: { type: 'string', description: '<kind>:<id> of the tool' },
    kind: {
      type: 'string',
      description: 'course, programme, research-project, practice-note, impact-assessment',
    },
    context: { type: 'string', description: 'training, innovation-research, knowledge-base' },
    toolTitle: { type: 'string', description: 'Title of the tool' },
    score: { type: 'number', description: 'Score of the suggestion, 0–1' },
    status: { type: 'string', description: 'accepted, dismissed' },
    acceptedAt: { type: 'timestamp', description: 'When it was (last) accepted' },
    dismissedAt: { type: 'timestamp', description: 'When it was dismissed' },
  },
});

/** The quality-monitoring views as they stood before the end of `period`. */
async function readQualityReportData(
  period: ReportPeriod,
  documents: ViewDocuments,
): Promise<QualityReportData> {
  const before = documentsBefore(documents, period.to);
  return {
    proposals: await before<QualityProposalFacts>(QUALITY_PROPOSALS_VIEW, 'submittedAt'),
    decisions: await before<QualityDecisionFacts>(QUALITY_DECISIONS_VIEW, 'reviewStartedAt'),
    portfolio: await before<QualityPortfolioFacts>(QUALITY_PORTFOLIO_VIEW, 'submittedAt'),
    linkages: await before<QualityLinkageFacts>(QUALITY_LINKAGES_VIEW, 'acceptedAt'),
  };
}

/** The quality-monitoring context's contribution to reporting: quality monitoring. */
export const qualityMonitoringReporting: ReportingPlugin = {
  context: QUALITY_SOURCE,
  shapeProblems: qualityShapeProblems,
  views: [qualityProposalsView, qualityDecisionsView, qualityPortfolioView, qualityLinkagesView],
  sections: [
    {
      function: 'quality-monitoring',
      compute: async (period, documents) =>
        qualityMonitoringReportSection(period, await readQualityReportData(period, documents)),
    },
  ],
};
