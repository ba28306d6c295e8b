import type { RecordedEvent } from '@sfp/event-sourcing';
import { PublicEventHistory } from '../../test/support/public-event-history';

interface FixtureProposal {
  title: string;
  department: string;
  instrument: string;
  channel: string;
  countries: string[];
  currency: string;
  budget: number;
  budgetUsd: number;
  amount: number;
}

const CRITERIA = [
  'decent-work-relevance',
  'channel',
  'pricing-and-cost-recovery',
  'partner-appraisal',
  'instrument-fit',
  'performance-based-agreement',
  'monitoring-plan',
  'constituent-involvement',
  'gender',
  'exit-strategy',
];

/** Every criterion rated `rating`, but those in `except`; with comments, as reviewers write them. */
export const ratingsOf = (rating: number, except: Record<string, number> = {}) =>
  CRITERIA.map((criterion) => ({
    criterion,
    rating: except[criterion] ?? rating,
    comment: `Rated ${except[criterion] ?? rating}`,
  }));

/** Builds quality-monitoring public events in the shape of services/quality-monitoring's events. */
export class QualityHistory extends PublicEventHistory {
  private readonly proposals = new Map<string, FixtureProposal>();

  constructor() {
    super('quality-monitoring', 'reviewer-1');
  }

  private on(proposalId: string, type: string, at: string, data: Record<string, unknown>) {
    return this.record(`proposal-${proposalId}`, type, at, { proposalId, ...data });
  }

  private definitionOf(p: FixtureProposal) {
    return {
      title: p.title,
      description: `${p.title}: a financial component of a decent-work project`,
      department: p.department,
      countries: p.countries,
      themes: ['cooperatives'],
      currency: p.currency,
      budget: p.budget,
      budgetUsd: p.budgetUsd,
      durationMonths: 36,
      plannedStart: '2026-07-01',
      financialComponent: {
        instrument: p.instrument,
        channel: p.channel,
        pricingPolicy: 'market-rates',
        amount: p.amount,
        description: 'The component',
      },
      partnerInstitutionIds: ['institution-1'],
      logframe: [],
      exitStrategy: 'Handed over to the partner',
      constituents: ['government'],
      genderOutcomes: 'Half of the borrowers women',
      decentWorkOutcomes: 'Jobs kept',
      participatingOrganisations: [],
      sectors: ['24030'],
    };
  }

  submit(proposalId: string, at: string, p: FixtureProposal): RecordedEvent {
    this.proposals.set(proposalId, p);
    return this.on(proposalId, 'ProposalSubmitted', at, {
      version: 1,
      proposal: this.definitionOf(p),
      origin: { channel: 'http', submittedBy: 'department-officer-1' },
      submittedAt: at,
    });
  }

  resubmit(proposalId: string, at: string, version: number, change: Partial<FixtureProposal>) {
    const p = { ...(this.proposals.get(proposalId) as FixtureProposal), ...change };
    this.proposals.set(proposalId, p);
    return this.on(proposalId, 'ProposalResubmitted', at, {
      version,
      proposal: this.definitionOf(p),
      changeNote: 'Revised as the review asked',
      resubmittedBy: 'department-officer-1',
      resubmittedAt: at,
    });
  }

  startReview(
    proposalId: string,
    at: string,
    version: number,
    reviewNumber: number,
    redFlags: string[] = [],
  ) {
    return this.on(proposalId, 'ReviewStarted', at, {
      version,
      reviewNumber,
      // Reviewers are people: reporting never reads their names.
      reviewers: ['Amina Odhiambo', 'Lars Johansson'],
      secondReviewerRequired: true,
      policyVersion: 1,
      policy: { version: 1, scale: { min: 1, max: 5 }, criteria: [], serviceLevelWorkingDays: 15 },
      partnerRatios: [],
      partnersWithoutReport: [],
      redFlags: redFlags.map((flag) => ({ flag, detail: `Raised: ${flag}` })),
      startedBy: 'unit-head-1',
      startedAt: at,
    });
  }

  submitReview(proposalId: string, at: string, reviewNumber: number, ratings: unknown[]) {
    return this.on(proposalId, 'ReviewSubmitted', at, {
      reviewNumber,
      reviewer: 'Amina Odhiambo',
      ratings,
      score: 70,
      summary: 'Reviewed',
      submittedAt: at,
    });
  }

  decide(
    proposalId: string,
    at: string,
    d: {
      version: number;
      reviewNumber: number;
      decision: string;
      redFlags?: string[];
      turnaround: number;
      within: boolean;
    },
  ) {
    const p = this.proposals.get(proposalId) as FixtureProposal;
    return this.on(proposalId, 'ProposalDecided', at, {
      version: d.version,
      reviewNumber: d.reviewNumber,
      decision: d.decision,
      reasons: ['As the review found'],
      conditions: d.decision === 'approved-with-conditions' ? ['Quarterly reports'] : [],
      score: 70,
      redFlags: (d.redFlags ?? []).map((flag) => ({ flag, detail: `Raised: ${flag}` })),
      turnaroundWorkingDays: d.turnaround,
      withinServiceLevel: d.within,
      title: p.title,
      department: p.department,
      instrument: p.instrument,
      channel: p.channel,
      countries: p.countries,
      amount: p.amount,
      currency: p.currency,
      budgetUsd: p.budgetUsd,
      decidedBy: 'Marta Ferreira',
      decidedAt: at,
    });
  }

  withdraw(proposalId: string, at: string) {
    return this.on(proposalId, 'ProposalWithdrawn', at, {
      reason: 'Funded otherwise',
      withdrawnBy: 'department-officer-1',
      withdrawnAt: at,
    });
  }

  acceptLink(proposalId: string, at: string, kind: string, toolId: string, context: string) {
    const p = this.proposals.get(proposalId) as FixtureProposal;
    return this.on(proposalId, 'LinkageAccepted', at, {
      proposalTitle: p.title,
      department: p.department,
      toolRef: `${kind}:${toolId}`,
      kind,
      toolId,
      context,
      toolTitle: `The ${kind} ${toolId}`,
      score: 0.6,
      reason: 'Shares a theme and a country',
      acceptedBy: 'Amina Odhiambo',
      acceptedAt: at,
    });
  }

  dismissLink(proposalId: string, at: string, kind: string, toolId: string, context: string) {
    return this.on(proposalId, 'LinkageDismissed', at, {
      toolRef: `${kind}:${toolId}`,
      kind,
      toolId,
      context,
      wasAccepted: true,
      reason: 'Not relevant after all',
      dismissedBy: 'Amina Odhiambo',
      dismissedAt: at,
    });
  }
}

/**
 * A scripted history across 2025-Q4 and 2026-Q1 (and a little of Q2): a
 * guarantee fund approved in November; a revolving fund lent directly by a
 * project, sent back with two red flags in January, resubmitted and approved
 * with conditions in February; a credit line rejected in March for its
 * partner's PAR30; one proposal withdrawn, one still under review at the end
 * of March (decided in April); links accepted and one dismissed.
 */
export function scriptedQualityHistory(): QualityHistory {
  const h = new QualityHistory();
  h.submit('p-a', '2025-11-03T09:00:00.000Z', {
    title: 'Guarantee fund for SACCO lending',
    department: 'Regional Office, Nairobi',
    instrument: 'guarantee-fund',
    channel: 'specialised-provider',
    countries: ['KE'],
    currency: 'USD',
    budget: 1_200_000,
    budgetUsd: 1_200_000,
    amount: 1_000_000,
  });
  h.startReview('p-a', '2025-11-04T09:00:00.000Z', 1, 1);
  h.submitReview('p-a', '2025-11-10T09:00:00.000Z', 1, ratingsOf(4));
  h.decide('p-a', '2025-11-14T09:00:00.000Z', {
    version: 1,
    reviewNumber: 1,
    decision: 'approved',
    turnaround: 9,
    within: true,
  });
  h.acceptLink('p-a', '2025-11-20T09:00:00.000Z', 'course', 'c-1', 'training');
  h.submit('p-b', '2025-12-01T09:00:00.000Z', {
    title: 'Revolving fund for market women in Thiès',
    department: 'Regional Office, Dakar',
    instrument: 'revolving-fund',
    channel: 'direct-by-project',
    countries: ['SN'],
    currency: 'XOF',
    budget: 600_000_000,
    budgetUsd: 1_000_000,
    amount: 300_000_000,
  });
  h.startReview('p-b', '2025-12-02T09:00:00.000Z', 1, 1, ['direct-lending', 'no-exit-strategy']);
  h.submitReview(
    'p-b',
    '2025-12-20T09:00:00.000Z',
    1,
    ratingsOf(4, { channel: 1, 'exit-strategy': 1 }),
  );
  h.decide('p-b', '2026-01-09T09:00:00.000Z', {
    version: 1,
    reviewNumber: 1,
    decision: 'revise-and-resubmit',
    redFlags: ['direct-lending', 'no-exit-strategy'],
    turnaround: 28,
    within: false,
  });
  h.submit('p-e', '2026-01-15T09:00:00.000Z', {
    title: 'Savings groups in Tigray',
    department: 'Country Office, Addis Ababa',
    instrument: 'savings-scheme',
    channel: 'specialised-provider',
    countries: ['ET'],
    currency: 'USD',
    budget: 200_000,
    budgetUsd: 200_000,
    amount: 150_000,
  });
  h.resubmit('p-b', '2026-01-20T09:00:00.000Z', 2, { channel: 'specialised-provider' });
  h.startReview('p-b', '2026-01-21T09:00:00.000Z', 2, 2);
  h.withdraw('p-e', '2026-01-30T09:00:00.000Z');
  h.submit('p-c', '2026-02-02T09:00:00.000Z', {
    title: 'Credit line for rural banks in Mindanao',
    department: 'Country Office, Manila',
    instrument: 'credit-line',
    channel: 'specialised-provider',
    countries: ['PH'],
    currency: 'USD',
    budget: 400_000,
    budgetUsd: 400_000,
    amount: 300_000,
  });
  h.startReview('p-c', '2026-02-03T09:00:00.000Z', 1, 1, ['partner-par30-above-threshold']);
  h.decide('p-b', '2026-02-05T09:00:00.000Z', {
    version: 2,
    reviewNumber: 2,
    decision: 'approved-with-conditions',
    turnaround: 12,
    within: true,
  });
  h.acceptLink('p-c', '2026-02-10T09:00:00.000Z', 'research-project', 'r-1', 'innovation-research');
  h.acceptLink('p-c', '2026-02-11T09:00:00.000Z', 'practice-note', 'n-1', 'knowledge-base');
  h.dismissLink('p-c', '2026-03-01T09:00:00.000Z', 'practice-note', 'n-1', 'knowledge-base');
  h.decide('p-c', '2026-03-10T09:00:00.000Z', {
    version: 1,
    reviewNumber: 1,
    decision: 'rejected',
    redFlags: ['partner-par30-above-threshold'],
    turnaround: 26,
    within: false,
  });
  h.submit('p-d', '2026-03-20T09:00:00.000Z', {
    title: 'Insurance scheme for coffee growers',
    department: 'Regional Office, Nairobi',
    instrument: 'insurance-scheme',
    channel: 'specialised-provider',
    countries: ['UG', 'RW'],
    currency: 'USD',
    budget: 800_000,
    budgetUsd: 800_000,
    amount: 500_000,
  });
  h.startReview('p-d', '2026-03-23T09:00:00.000Z', 1, 1);
  h.decide('p-d', '2026-04-06T09:00:00.000Z', {
    version: 1,
    reviewNumber: 1,
    decision: 'approved',
    turnaround: 10,
    within: true,
  });
  return h;
}

/** The figures of 2026-Q1, worked by hand from scriptedQualityHistory. */
export const QUALITY_FIGURES_2026_Q1 = {
  proposalsSubmitted: 3, // p-e 01-15, p-c 02-02, p-d 03-20 (p-b's resubmission is no new proposal)
  proposalsReviewed: 2, // p-b (twice), p-c
  proposalDecisions: 3, // p-b r1 01-09, p-b r2 02-05, p-c 03-10
  approvalRatePercent: 33.3,
  redFlagsFound: 3, // p-b r1: 2, p-c: 1
  decisionsWithRedFlags: 2,
  turnaroundMedianWorkingDays: 26, // 12, 26, 28
  withinServiceLevelPercent: 33.3,
  linkagesMade: 2, // p-c: a research project, a practice note (dismissed later, made all the same)
  approvedComponents: 1, // p-b v2
  approvedAmountUsd: 500_000, // 300 million XOF at 1 million USD for 600 million
  'proposalDecisionsByDecision.Approved with conditions': 1,
  'proposalDecisionsByDecision.Rejected': 1,
  'proposalDecisionsByDecision.Revise and resubmit': 1,
  'redFlagsByFlag.Direct lending by the project': 1,
  'redFlagsByFlag.No exit strategy': 1,
  'redFlagsByFlag.Partner PAR30 above the threshold': 1,
  'linkagesMadeByToolKind.Practice note': 1,
  'linkagesMadeByToolKind.Research project': 1,
};

/** The figures of 2025-Q4. */
export const QUALITY_FIGURES_2025_Q4 = {
  proposalsSubmitted: 2,
  proposalsReviewed: 1,
  proposalDecisions: 1,
  approvalRatePercent: 100,
  redFlagsFound: 0,
  decisionsWithRedFlags: 0,
  turnaroundMedianWorkingDays: 9,
  withinServiceLevelPercent: 100,
  linkagesMade: 1,
  approvedComponents: 1,
  approvedAmountUsd: 1_000_000,
  'proposalDecisionsByDecision.Approved': 1,
  'linkagesMadeByToolKind.Training course': 1,
};
