import {
  documentsBefore,
  type ReportingPlugin,
  type ViewDocuments,
} from '../registry/reporting-plugin';
import { defineReportingView } from '../registry/reporting-view';
import type { ReportPeriod } from '../report/domain/report-period';
import {
  evolveResearchCostBenefitFacts,
  evolveResearchMilestoneFacts,
  evolveResearchProjectFacts,
  evolveResearchPublicationFacts,
  milestoneIdOf,
  projectIdOf,
  publicationIdOf,
  type ResearchCostBenefitFacts,
  type ResearchMilestoneFacts,
  type ResearchProjectFacts,
  type ResearchPublicationFacts,
} from './domain/research.facts';
import {
  RESEARCH_EVENT_TYPES as R,
  RESEARCH_SOURCE,
  researchShapeProblems,
} from './domain/research.public-events';
import {
  innovationResearchReportSection,
  type ResearchReportData,
} from './domain/research.report-section';
import { defineKeyedReportingView } from './research-view';

export const RESEARCH_PORTFOLIO_VIEW = 'research-portfolio';
export const RESEARCH_MILESTONES_VIEW = 'research-milestone-record';
export const RESEARCH_PUBLICATIONS_VIEW = 'research-publications';
export const RESEARCH_COST_BENEFIT_VIEW = 'research-cost-benefit-record';

const STATUSES =
  'proposed, approved, diagnostic-survey, innovation-design, baseline-survey, pilot, follow-up-survey, impact-analysis, cost-benefit-analysis, findings-published, closed, suspended, abandoned';

/** One document per research project: what it studies and where it stands. */
export const researchPortfolioView = defineKeyedReportingView<ResearchProjectFacts>({
  name: RESEARCH_PORTFOLIO_VIEW,
  context: RESEARCH_SOURCE,
  title: 'Research portfolio (innovation research)',
  description:
    'One row per action-research project: title, status (its phase, or suspended or abandoned), innovation kind, design, deficits, themes, countries, budget, and when it was proposed, approved, suspended, abandoned (with the phase and reason) or closed. No team member is named.',
  version: 1,
  idOf: projectIdOf,
  eventTypes: [
    R.projectProposed,
    R.projectRevised,
    R.projectApproved,
    R.phaseStarted,
    R.findingsPublished,
    R.projectSuspended,
    R.projectResumed,
    R.projectAbandoned,
    R.projectClosed,
  ],
  evolve: evolveResearchProjectFacts,
  fields: {
    projectId: { type: 'string', description: 'The project id' },
    title: { type: 'string', description: 'Title' },
    status: { type: 'string', description: STATUSES },
    innovationKind: { type: 'string', description: 'product, policy, delivery-channel' },
    design: {
      type: 'string',
      description: 'rct, quasi-experimental, before-after, qualitative',
    },
    deficits: { type: 'string-list', description: 'Decent work deficits it addresses' },
    themes: { type: 'string-list', description: "Themes (the knowledge base's library themes)" },
    countries: { type: 'string-list', description: 'ISO 3166-1 alpha-2 countries' },
    currency: { type: 'string', description: 'Currency of the budget (ISO 4217)' },
    budget: { type: 'number', description: 'Budget' },
    proposedAt: { type: 'timestamp', description: 'When it was proposed' },
    approvedAt: { type: 'timestamp', description: 'When it was approved' },
    suspendedAt: { type: 'timestamp', description: 'When it was last suspended' },
    abandonedAt: { type: 'timestamp', description: 'When it was abandoned' },
    abandonedInPhase: { type: 'string', description: 'The phase it was in when abandoned' },
    abandonedReason: { type: 'string', description: 'Why it was abandoned' },
    closedAt: { type: 'timestamp', description: 'When it was closed' },
  },
});

/** One document per milestone: planned, rescheduled, slipping or done, and how late. */
export const researchMilestonesView = defineKeyedReportingView<ResearchMilestoneFacts>({
  name: RESEARCH_MILESTONES_VIEW,
  context: RESEARCH_SOURCE,
  title: 'Research milestones (innovation research)',
  description:
    'One row per milestone of a research project: project (see research-portfolio), phase, title, planned date (now and first), reschedules, status, completion date, days late, and when the slippage check last flagged it.',
  version: 1,
  idOf: milestoneIdOf,
  eventTypes: [
    R.milestonePlanned,
    R.milestoneRescheduled,
    R.milestoneSlipped,
    R.milestoneCompleted,
  ],
  evolve: evolveResearchMilestoneFacts,
  fields: {
    milestoneId: { type: 'string', description: 'The milestone id' },
    projectId: { type: 'string', description: 'The project (see research-portfolio)' },
    phase: { type: 'string', description: 'The phase it is planned for' },
    title: { type: 'string', description: 'Title' },
    plannedOn: { type: 'string', description: 'Planned date now (YYYY-MM-DD)' },
    firstPlannedOn: { type: 'string', description: 'First planned date (YYYY-MM-DD)' },
    reschedules: { type: 'number', description: 'Times rescheduled' },
    status: { type: 'string', description: 'planned, slipping, done' },
    completedOn: { type: 'string', description: 'Completion date (YYYY-MM-DD)' },
    daysLate: { type: 'number', description: 'Days after the planned date it was completed' },
    slippedOn: {
      type: 'string',
      description:
        'The last day the slippage check flagged its current planned date (cleared when rescheduled)',
    },
    timesSlipped: { type: 'number', description: 'Times flagged as slipping' },
    plannedAt: { type: 'timestamp', description: 'When it was planned' },
    completedAt: { type: 'timestamp', description: 'When its completion was recorded' },
  },
});

/** One document per publication: version 1 and each correction, with its findings by verdict. */
export const researchPublicationsView = defineKeyedReportingView<ResearchPublicationFacts>({
  name: RESEARCH_PUBLICATIONS_VIEW,
  context: RESEARCH_SOURCE,
  title: 'Research publications (innovation research)',
  description:
    "One row per published version of a project's findings (id <projectId>/v<version>): project, version, correction or not, outcome (completed or abandoned), title, innovation kind, design, themes, countries, findings and how many each verdict has (supported, not supported, inconclusive), publication date.",
  version: 1,
  idOf: publicationIdOf,
  eventTypes: [R.findingsPublished],
  evolve: evolveResearchPublicationFacts,
  fields: {
    publicationId: { type: 'string', description: '<projectId>/v<version>' },
    projectId: { type: 'string', description: 'The project (see research-portfolio)' },
    version: { type: 'number', description: '1, then 2, 3, … for each correction' },
    correction: { type: 'boolean', description: 'A correction of an earlier version' },
    outcome: { type: 'string', description: 'completed or abandoned' },
    title: { type: 'string', description: 'Title of the project' },
    innovationKind: { type: 'string', description: 'product, policy, delivery-channel' },
    design: { type: 'string', description: 'rct, quasi-experimental, before-after, qualitative' },
    themes: { type: 'string-list', description: 'Themes' },
    countries: { type: 'string-list', description: 'ISO 3166-1 alpha-2 countries' },
    findings: { type: 'number', description: 'Hypotheses with a finding' },
    supported: { type: 'number', description: 'Findings with the verdict supported' },
    notSupported: { type: 'number', description: 'Findings with the verdict not-supported' },
    inconclusive: { type: 'number', description: 'Findings with the verdict inconclusive' },
    publishedOn: { type: 'string', description: 'Publication date (YYYY-MM-DD)' },
    publishedAt: { type: 'timestamp', description: 'When it was published' },
  },
});

/** One document per project with a cost-benefit analysis: the latest analysis. */
export const researchCostBenefitView = defineReportingView<ResearchCostBenefitFacts>({
  name: RESEARCH_COST_BENEFIT_VIEW,
  context: RESEARCH_SOURCE,
  title: 'Research cost-benefit analyses (innovation research)',
  description:
    'One row per project with a cost-benefit analysis, as its latest analysis has it: currency, discount rate, horizon, present values of costs and benefits, net present value, benefit-cost ratio (null when there is no cost), analyses recorded and when. The innovation kind is in research-portfolio (by projectId).',
  version: 1,
  idField: 'projectId',
  eventTypes: [R.costBenefitAnalysed],
  evolve: evolveResearchCostBenefitFacts,
  fields: {
    projectId: { type: 'string', description: 'The project (see research-portfolio)' },
    currency: { type: 'string', description: 'ISO 4217 currency' },
    discountRate: { type: 'number', description: 'Discount rate (0 to 1)' },
    horizonYears: { type: 'number', description: 'Horizon (years)' },
    presentValueOfCosts: { type: 'number', description: 'Present value of the costs' },
    presentValueOfBenefits: { type: 'number', description: 'Present value of the benefits' },
    netPresentValue: { type: 'number', description: 'Net present value' },
    benefitCostRatio: { type: 'number', description: 'Benefit-cost ratio; null with no cost' },
    analyses: { type: 'number', description: 'Analyses recorded' },
    analysedAt: { type: 'timestamp', description: 'When the latest was recorded' },
    firstAnalysedAt: { type: 'timestamp', description: 'When the first was recorded' },
  },
});

/** The research views as they stood before the end of `period`. */
async function readResearchReportData(
  period: ReportPeriod,
  documents: ViewDocuments,
): Promise<ResearchReportData> {
  const before = documentsBefore(documents, period.to);
  return {
    projects: await before<ResearchProjectFacts>(RESEARCH_PORTFOLIO_VIEW, 'proposedAt'),
    milestones: await before<ResearchMilestoneFacts>(RESEARCH_MILESTONES_VIEW, 'plannedAt'),
    publications: await before<ResearchPublicationFacts>(RESEARCH_PUBLICATIONS_VIEW, 'publishedAt'),
    costBenefit: await before<ResearchCostBenefitFacts>(
      RESEARCH_COST_BENEFIT_VIEW,
      'firstAnalysedAt',
    ),
  };
}

/** The innovation-research context's contribution to reporting: innovation (action research). */
export const innovationResearchReporting: ReportingPlugin = {
  context: RESEARCH_SOURCE,
  shapeProblems: researchShapeProblems,
  views: [
    researchPortfolioView,
    researchMilestonesView,
    researchPublicationsView,
    researchCostBenefitView,
  ],
  sections: [
    {
      function: 'innovation',
      compute: async (period, documents) =>
        innovationResearchReportSection(period, await readResearchReportData(period, documents)),
    },
  ],
};
