import { researchPreviousPeriodMetric } from './research.report-section';

/** What each figure of the research section is, as a reader reads it (for the report's renderers). */
const PERIOD_LABELS: Readonly<Record<string, string>> = {
  researchProjects: 'Research projects',
  milestonesMetOnTime: 'Milestones met on time',
  milestonesMetLate: 'Milestones met late',
  milestonesSlippedOpen: 'Milestones slipped and still open',
  milestonesMetOnTimePercent: 'Milestones met on time (% of those met)',
  publications: 'Findings published (first versions)',
  publicationCorrections: 'Corrections published',
  findingsPublished: 'Findings published',
  findingsSupported: 'Findings: hypothesis supported',
  findingsNotSupported: 'Findings: hypothesis not supported',
  findingsInconclusive: 'Findings: inconclusive',
  nullResults: 'Null results (not supported or inconclusive)',
  projectsAbandoned: 'Projects abandoned',
  costBenefitProjectsAnalysed: 'Projects with a cost-benefit analysis',
  costBenefitMedianRatio: 'Benefit-cost ratio, median',
  researchProjectsByPhase: 'Research projects by phase',
  researchProjectsByInnovationKind: 'Research projects by kind of innovation',
  researchProjectsByDesign: 'Research projects by design',
  researchProjectsByDeficit:
    'Research projects by decent work deficit (a project under each of its deficits)',
  costBenefitNetPresentValueByCurrency: 'Net present value, total by currency',
};

/** Labels of every metric of the research section, the previous period's included. */
export const RESEARCH_METRIC_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PERIOD_LABELS).flatMap(([metric, label]) => [
    [metric, label],
    [researchPreviousPeriodMetric(metric), `${label}, previous period`],
  ]),
);

/** Column headings of the breakdowns, by what follows `By` in the metric's name. */
export const RESEARCH_BREAKDOWN_KEYS: Readonly<Record<string, string>> = {
  Phase: 'Phase',
  InnovationKind: 'Kind of innovation',
  Design: 'Design',
  Deficit: 'Decent work deficit',
  Currency: 'Currency',
};
