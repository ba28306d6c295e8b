import type {
  DecentWorkDeficit,
  FindingVerdict,
  InnovationKind,
  ResearchDesignMethod,
  ResearchProjectStatus,
} from '@sfp/contracts';

/** How the Governing Body reads the research context's codes: labels, never codes. */
export const RESEARCH_STATUS_LABELS: Readonly<Record<ResearchProjectStatus, string>> = {
  proposed: 'Proposed',
  approved: 'Approved',
  'diagnostic-survey': 'Diagnostic survey',
  'innovation-design': 'Innovation design',
  'baseline-survey': 'Baseline survey',
  pilot: 'Pilot',
  'follow-up-survey': 'Follow-up survey',
  'impact-analysis': 'Impact analysis',
  'cost-benefit-analysis': 'Cost-benefit analysis',
  'findings-published': 'Findings published',
  closed: 'Closed',
  suspended: 'Suspended',
  abandoned: 'Abandoned',
};

export const RESEARCH_DESIGN_LABELS: Readonly<Record<ResearchDesignMethod, string>> = {
  rct: 'Randomised controlled trial',
  'quasi-experimental': 'Quasi-experimental',
  'before-after': 'Before and after',
  qualitative: 'Qualitative',
};

export const DECENT_WORK_DEFICIT_LABELS: Readonly<Record<DecentWorkDeficit, string>> = {
  vulnerability: 'Vulnerability',
  'child-labour': 'Child labour',
  informality: 'Informality',
  'occupational-safety-and-health': 'Occupational safety and health',
  'working-poverty': 'Working poverty',
  'gender-gaps': 'Gender gaps',
  'youth-unemployment': 'Youth unemployment',
  'social-protection-gaps': 'Social protection gaps',
};

export const FINDING_VERDICT_LABELS: Readonly<Record<FindingVerdict, string>> = {
  supported: 'Supported',
  'not-supported': 'Not supported',
  inconclusive: 'Inconclusive',
};

export const INNOVATION_KIND_LABELS: Readonly<Record<InnovationKind, string>> = {
  product: 'Product',
  policy: 'Policy',
  'delivery-channel': 'Delivery channel',
};
