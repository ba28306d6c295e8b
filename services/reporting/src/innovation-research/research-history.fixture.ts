import type { RecordedEvent } from '@sfp/event-sourcing';
import { PublicEventHistory } from '../../test/support/public-event-history';

type Verdict = 'supported' | 'not-supported' | 'inconclusive';

interface FixtureProject {
  title: string;
  kind: 'product' | 'policy' | 'delivery-channel';
  design: 'rct' | 'quasi-experimental' | 'before-after' | 'qualitative';
  deficits: string[];
  countries: string[];
  currency: string;
  budget: number;
}

/** Builds innovation-research public events in the shape of services/innovation-research's events. */
export class ResearchHistory extends PublicEventHistory {
  private readonly projects = new Map<string, FixtureProject>();

  constructor() {
    super('innovation-research', 'researcher-1');
  }

  private on(projectId: string, type: string, at: string, data: Record<string, unknown>) {
    return this.record(`research-project-${projectId}`, type, at, { projectId, ...data });
  }

  propose(projectId: string, at: string, p: FixtureProject): RecordedEvent {
    this.projects.set(projectId, p);
    return this.on(projectId, 'ResearchProjectProposed', at, {
      project: {
        title: p.title,
        researchQuestion: `Does it work: ${p.title}?`,
        hypotheses: [],
        innovation: { kind: p.kind, description: p.title },
        themes: ['microinsurance'],
        deficits: p.deficits,
        partnerInstitutionIds: ['inst-1'],
        countries: p.countries,
        design: { method: p.design },
        currency: p.currency,
        budget: p.budget,
        fundingSources: [{ kind: 'donor', funder: 'A donor', amount: p.budget }],
        // Reporting never reads the team's names.
        team: [{ name: 'Amina Diallo', role: 'principal-investigator' }],
        plannedStart: '2025-01-01',
        plannedEnd: '2026-12-31',
      },
      proposedBy: 'researcher-1',
      proposedAt: at,
    });
  }

  approve(projectId: string, at: string): RecordedEvent {
    return this.on(projectId, 'ResearchProjectApproved', at, {
      approvedBy: 'unit-head-1',
      approvedAt: at,
    });
  }

  /** The phases in order from `from`, each started on its date. */
  phases(projectId: string, from: string, steps: Array<[string, string]>): void {
    let previous = from;
    for (const [phase, at] of steps) {
      this.on(projectId, 'ResearchPhaseStarted', at, {
        from: previous,
        phase,
        startedBy: 'researcher-1',
        startedAt: at,
      });
      previous = phase;
    }
  }

  planMilestone(
    projectId: string,
    milestoneId: string,
    at: string,
    phase: string,
    plannedOn: string,
  ) {
    return this.on(projectId, 'MilestonePlanned', at, {
      milestone: { milestoneId, phase, title: `Milestone ${milestoneId}`, plannedOn },
      plannedBy: 'researcher-1',
      plannedAt: at,
    });
  }

  reschedule(projectId: string, milestoneId: string, at: string, from: string, plannedOn: string) {
    return this.on(projectId, 'MilestoneRescheduled', at, {
      milestoneId,
      previousPlannedOn: from,
      plannedOn,
      reason: 'The partner asked for more time',
      rescheduledBy: 'researcher-1',
      rescheduledAt: at,
    });
  }

  slipped(
    projectId: string,
    milestoneId: string,
    plannedOn: string,
    flaggedOn: string,
    daysLate: number,
  ) {
    const at = `${flaggedOn}T06:00:00.000Z`;
    return this.on(projectId, 'MilestoneSlipped', at, {
      milestoneId,
      plannedOn,
      flaggedOn,
      daysLate,
      flaggedBy: 'system',
      flaggedAt: at,
    });
  }

  complete(projectId: string, milestoneId: string, completedOn: string, daysLate: number) {
    const at = `${completedOn}T15:00:00.000Z`;
    return this.on(projectId, 'MilestoneCompleted', at, {
      milestoneId,
      completedOn,
      daysLate,
      deliverables: [{ title: 'Report', kind: 'report', url: 'https://example.org/r.pdf' }],
      completedBy: 'researcher-1',
      completedAt: at,
    });
  }

  costBenefit(projectId: string, at: string, currency: string, npv: number, ratio: number) {
    const costs = Math.abs(npv / (ratio - 1));
    return this.on(projectId, 'CostBenefitAnalysed', at, {
      input: { currency, horizonYears: 5, discountRate: 0.06, costs: [], benefits: [] },
      result: {
        presentValueOfCosts: costs,
        presentValueOfBenefits: costs + npv,
        netPresentValue: npv,
        benefitCostRatio: ratio,
        costsByParty: {},
        benefitsByParty: {},
      },
      analysedBy: 'researcher-1',
      analysedAt: at,
    });
  }

  publish(
    projectId: string,
    at: string,
    version: number,
    verdicts: Verdict[],
    outcome: 'completed' | 'abandoned' = 'completed',
  ): RecordedEvent {
    const p = this.projects.get(projectId);
    if (!p) throw new Error(`No project ${projectId} in the fixture`);
    return this.record(`research-project-${projectId}`, 'FindingsPublished', at, {
      publication: {
        projectId,
        version,
        ...(version > 1 ? { correctionReason: 'A coding error in the follow-up data' } : {}),
        outcome,
        title: p.title,
        summary: 'What we learnt',
        researchQuestion: `Does it work: ${p.title}?`,
        innovation: { kind: p.kind, description: p.title },
        themes: ['microinsurance'],
        deficits: p.deficits,
        countries: p.countries,
        partnerInstitutionIds: ['inst-1'],
        design: { method: p.design },
        team: [{ name: 'Amina Diallo', role: 'principal-investigator' }],
        surveyRounds: [],
        hypotheses: verdicts.map((verdict, i) => ({
          hypothesisId: `h${i + 1}`,
          statement: `Hypothesis ${i + 1}`,
          outcome: 'income',
          indicator: 'Monthly income',
          expectedDirection: 'increase',
          finding: {
            hypothesisId: `h${i + 1}`,
            verdict,
            surveyRound: 1,
            effect: { size: 0.1, unit: 'SD', confidenceInterval: { lower: -0.1, upper: 0.3 } },
            sample: { treatment: 400, comparison: 400 },
          },
        })),
        recommendations: [],
        publishedOn: at.slice(0, 10),
      },
      publishedBy: 'researcher-1',
      publishedAt: at,
    });
  }

  suspend(projectId: string, at: string, phase: string) {
    return this.on(projectId, 'ResearchProjectSuspended', at, {
      phase,
      reason: 'Elections in the pilot districts',
      suspendedBy: 'unit-head-1',
      suspendedAt: at,
    });
  }

  resume(projectId: string, at: string, phase: string) {
    return this.on(projectId, 'ResearchProjectResumed', at, {
      phase,
      resumedBy: 'unit-head-1',
      resumedAt: at,
    });
  }

  abandon(projectId: string, at: string, phase: string, reason: string) {
    return this.on(projectId, 'ResearchProjectAbandoned', at, {
      phase,
      reason,
      abandonedBy: 'unit-head-1',
      abandonedAt: at,
    });
  }

  close(projectId: string, at: string) {
    return this.on(projectId, 'ResearchProjectClosed', at, {
      closedBy: 'unit-head-1',
      closedAt: at,
    });
  }
}

const t = (date: string) => `${date}T09:00:00.000Z`;

/**
 * Six projects from 2024 to 2026 (see the figures below, worked by hand):
 * P1 crop microinsurance (through to publication in 2026-Q1, re-analysed after it);
 * P2 mobile wallet (suspended in 2025-Q4, resumed in 2026-Q1, a milestone slipping);
 * P3 safety loans (abandoned in 2025-Q4, publishes what it learnt in 2026-Q1);
 * P4 apprenticeship savings (published in 2025-Q4, closed, corrected in 2026-Q1);
 * P5 childcare insurance (proposed in 2026-Q1); P6 (proposed after 2026-Q1).
 */
export function scriptedResearchHistory(): ResearchHistory {
  const h = new ResearchHistory();
  // P4: the earliest, published in 2025-Q4 and corrected in 2026-Q1.
  h.propose('p4', t('2024-10-01'), {
    title: 'Youth apprenticeship savings accounts',
    kind: 'policy',
    design: 'rct',
    deficits: ['youth-unemployment'],
    countries: ['SN'],
    currency: 'EUR',
    budget: 240000,
  });
  h.approve('p4', t('2024-11-01'));
  h.phases('p4', 'approved', [
    ['diagnostic-survey', t('2024-11-15')],
    ['innovation-design', t('2025-01-10')],
    ['baseline-survey', t('2025-02-01')],
    ['pilot', t('2025-03-01')],
    ['follow-up-survey', t('2025-06-01')],
    ['impact-analysis', t('2025-08-01')],
    ['cost-benefit-analysis', t('2025-09-15')],
  ]);
  h.costBenefit('p4', t('2025-09-30'), 'EUR', -12500, 0.92);
  h.publish('p4', t('2025-10-14'), 1, ['supported', 'supported', 'not-supported']);
  h.close('p4', t('2025-11-30'));
  h.publish('p4', t('2026-02-18'), 2, ['supported', 'not-supported', 'not-supported']);

  // P3: abandoned in the pilot, publishes what it learnt.
  h.propose('p3', t('2025-02-01'), {
    title: 'Occupational safety loans for small workshops',
    kind: 'product',
    design: 'before-after',
    deficits: ['occupational-safety-and-health', 'informality'],
    countries: ['KE'],
    currency: 'USD',
    budget: 150000,
  });
  h.approve('p3', t('2025-03-01'));
  h.phases('p3', 'approved', [
    ['diagnostic-survey', t('2025-03-15')],
    ['innovation-design', t('2025-05-01')],
    ['baseline-survey', t('2025-06-20')],
    ['pilot', t('2025-08-01')],
  ]);
  h.planMilestone('p3', 'm6', t('2025-08-05'), 'pilot', '2025-11-30');
  h.slipped('p3', 'm6', '2025-11-30', '2025-12-01', 1);
  h.abandon('p3', t('2025-12-05'), 'pilot', 'The partner bank withdrew the loan product');
  h.publish('p3', t('2026-01-25'), 1, [], 'abandoned');

  // P1: through to publication in 2026-Q1.
  h.propose('p1', t('2025-03-10'), {
    title: 'Index-based crop microinsurance for smallholder cooperatives',
    kind: 'product',
    design: 'rct',
    deficits: ['vulnerability', 'working-poverty'],
    countries: ['GH', 'CI'],
    currency: 'USD',
    budget: 420000,
  });
  h.approve('p1', t('2025-04-02'));
  h.phases('p1', 'approved', [
    ['diagnostic-survey', t('2025-04-20')],
    ['innovation-design', t('2025-06-01')],
    ['baseline-survey', t('2025-07-15')],
  ]);
  h.planMilestone('p1', 'm1', t('2025-07-16'), 'baseline-survey', '2025-07-31');
  h.complete('p1', 'm1', '2025-07-30', 0);
  h.phases('p1', 'baseline-survey', [
    ['pilot', t('2025-09-01')],
    ['follow-up-survey', t('2025-11-15')],
  ]);
  h.planMilestone('p1', 'm2', t('2025-11-16'), 'follow-up-survey', '2025-12-15');
  h.planMilestone('p1', 'm3', t('2025-11-16'), 'impact-analysis', '2026-02-01');
  h.complete('p1', 'm2', '2025-12-20', 5);
  h.phases('p1', 'follow-up-survey', [['impact-analysis', t('2026-01-20')]]);
  h.complete('p1', 'm3', '2026-01-30', 0);
  h.phases('p1', 'impact-analysis', [['cost-benefit-analysis', t('2026-02-10')]]);
  h.costBenefit('p1', t('2026-02-20'), 'USD', 182500, 1.84);
  h.publish('p1', t('2026-03-05'), 1, ['supported', 'not-supported', 'inconclusive']);

  // P2: suspended, resumed, a milestone late and one slipping.
  h.propose('p2', t('2025-05-05'), {
    title: 'Mobile wallet payments of social benefits to informal workers',
    kind: 'delivery-channel',
    design: 'quasi-experimental',
    deficits: ['social-protection-gaps', 'informality'],
    countries: ['PH'],
    currency: 'EUR',
    budget: 310000,
  });
  h.approve('p2', t('2025-06-01'));
  h.phases('p2', 'approved', [
    ['diagnostic-survey', t('2025-06-15')],
    ['innovation-design', t('2025-09-01')],
  ]);
  h.planMilestone('p2', 'm4', t('2025-09-02'), 'innovation-design', '2025-10-31');
  h.slipped('p2', 'm4', '2025-10-31', '2025-11-03', 3);
  h.suspend('p2', t('2025-11-10'), 'innovation-design');
  h.reschedule('p2', 'm4', t('2025-11-20'), '2025-10-31', '2026-01-31');
  h.resume('p2', t('2026-01-12'), 'innovation-design');
  h.phases('p2', 'innovation-design', [['baseline-survey', t('2026-02-02')]]);
  h.complete('p2', 'm4', '2026-02-05', 5);
  h.planMilestone('p2', 'm5', t('2026-02-03'), 'baseline-survey', '2026-03-20');
  h.slipped('p2', 'm5', '2026-03-20', '2026-03-23', 3);

  // P5 proposed in the period.
  h.propose('p5', t('2026-02-25'), {
    title: 'Childcare cooperative insurance for market vendors',
    kind: 'product',
    design: 'qualitative',
    deficits: ['gender-gaps'],
    countries: ['BF'],
    currency: 'USD',
    budget: 90000,
  });

  // After 2026-Q1: none of these counts in it.
  h.complete('p2', 'm5', '2026-04-08', 19);
  h.propose('p6', t('2026-04-10'), {
    title: 'Heat-stress insurance for construction workers',
    kind: 'product',
    design: 'rct',
    deficits: ['occupational-safety-and-health'],
    countries: ['IN'],
    currency: 'USD',
    budget: 500000,
  });
  h.costBenefit('p1', t('2026-04-15'), 'USD', 190000, 1.9);
  return h;
}

/** The figures of 2026-Q1, worked by hand from scriptedResearchHistory. */
export const RESEARCH_FIGURES_2026_Q1 = {
  researchProjects: 5, // p1–p5; p6 proposed after
  milestonesMetOnTime: 1, // m3 on 2026-01-30
  milestonesMetLate: 1, // m4 on 2026-02-05, 5 days late
  milestonesSlippedOpen: 1, // m5 planned 2026-03-20, done only on 2026-04-08
  milestonesMetOnTimePercent: 50,
  publications: 2, // p3 v1 (abandoned), p1 v1
  publicationCorrections: 1, // p4 v2
  findingsPublished: 6, // p1: 3, p4 v2: 3, p3: none
  findingsSupported: 2,
  findingsNotSupported: 3,
  findingsInconclusive: 1,
  nullResults: 4,
  projectsAbandoned: 0,
  costBenefitProjectsAnalysed: 2, // p4, p1 (its re-analysis of 2026-04-15 comes after)
  costBenefitMedianRatio: 1.38, // (0.92 + 1.84) / 2
  'researchProjectsByPhase.Abandoned': 1,
  'researchProjectsByPhase.Baseline survey': 1,
  'researchProjectsByPhase.Closed': 1,
  'researchProjectsByPhase.Findings published': 1,
  'researchProjectsByPhase.Proposed': 1,
  'costBenefitNetPresentValueByCurrency.EUR': -12500,
  'costBenefitNetPresentValueByCurrency.USD': 182500,
  'researchProjectsByInnovationKind.Product': 3, // p1, p3, p5
  'researchProjectsByInnovationKind.Delivery channel': 1,
  'researchProjectsByInnovationKind.Policy': 1,
  'researchProjectsByDesign.Randomised controlled trial': 2, // p1, p4
  'researchProjectsByDesign.Quasi-experimental': 1,
  'researchProjectsByDesign.Before and after': 1,
  'researchProjectsByDesign.Qualitative': 1,
  'researchProjectsByDeficit.Informality': 2, // p2, p3
  'researchProjectsByDeficit.Youth unemployment': 1,
  'researchProjectsByDeficit.Occupational safety and health': 1,
  'researchProjectsByDeficit.Vulnerability': 1,
  'researchProjectsByDeficit.Working poverty': 1,
  'researchProjectsByDeficit.Social protection gaps': 1,
  'researchProjectsByDeficit.Gender gaps': 1, // p5
};

/** The figures of 2025-Q4, the previous period of 2026-Q1. */
export const RESEARCH_FIGURES_2025_Q4 = {
  researchProjects: 4,
  milestonesMetOnTime: 0,
  milestonesMetLate: 1, // m2 on 2025-12-20, 5 days late
  milestonesSlippedOpen: 1, // m6 planned 2025-11-30 (m4 was rescheduled into 2026-Q1)
  milestonesMetOnTimePercent: 0,
  publications: 1, // p4 v1
  publicationCorrections: 0,
  findingsPublished: 3,
  findingsSupported: 2,
  findingsNotSupported: 1,
  findingsInconclusive: 0,
  nullResults: 1,
  projectsAbandoned: 1, // p3
  costBenefitProjectsAnalysed: 1,
  costBenefitMedianRatio: 0.92,
  'researchProjectsByPhase.Abandoned': 1,
  'researchProjectsByPhase.Closed': 1,
  'researchProjectsByPhase.Follow-up survey': 1,
  'researchProjectsByPhase.Suspended': 1,
  'costBenefitNetPresentValueByCurrency.EUR': -12500,
  'researchProjectsByInnovationKind.Product': 2,
  'researchProjectsByInnovationKind.Delivery channel': 1,
  'researchProjectsByInnovationKind.Policy': 1,
  'researchProjectsByDesign.Randomised controlled trial': 2,
  'researchProjectsByDesign.Quasi-experimental': 1,
  'researchProjectsByDesign.Before and after': 1,
  'researchProjectsByDeficit.Informality': 2,
  'researchProjectsByDeficit.Youth unemployment': 1,
  'researchProjectsByDeficit.Occupational safety and health': 1,
  'researchProjectsByDeficit.Vulnerability': 1,
  'researchProjectsByDeficit.Working poverty': 1,
  'researchProjectsByDeficit.Social protection gaps': 1,
};
