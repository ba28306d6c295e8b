// How the quality-monitoring pages name the context's codes (@sfp/contracts):
// each a label a reader knows ("Credit line", "Revise and resubmit"), never
// the code itself.
import type {
  Constituent,
  DeliveryChannel,
  FinancialInstrument,
  PricingPolicy,
  ProposalChannel,
  ProposalStatus,
  RedFlag,
  ReviewCriterion,
  ReviewDecision,
  ToolKind,
} from '@sfp/contracts';
import { label } from '../../components/format';

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  submitted: 'Submitted',
  'under-review': 'Under review',
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  'revise-and-resubmit': 'Revise and resubmit',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const PROPOSAL_STATUS_BADGES: Record<ProposalStatus, string> = {
  submitted: 'warn',
  'under-review': 'warn',
  approved: 'good',
  'approved-with-conditions': 'good',
  'revise-and-resubmit': 'warn',
  rejected: 'bad',
  withdrawn: 'bad',
};

export const INSTRUMENT_LABELS: Record<FinancialInstrument, string> = {
  'credit-line': 'Credit line',
  'guarantee-fund': 'Guarantee fund',
  'revolving-fund': 'Revolving fund',
  'grant-to-provider': 'Grant to a financial provider',
  equity: 'Equity',
  'insurance-scheme': 'Insurance scheme',
  'savings-scheme': 'Savings scheme',
};

export const CHANNEL_LABELS: Record<DeliveryChannel, string> = {
  'specialised-provider': 'Through a specialised financial provider',
  'direct-by-project': 'Directly by the project',
};

export const PRICING_LABELS: Record<PricingPolicy, string> = {
  'market-rates': 'Market rates',
  subsidised: 'Subsidised',
  capped: 'Capped interest rate',
};

export const CONSTITUENT_LABELS: Record<Constituent, string> = {
  government: 'Government',
  'employers-organisation': "Employers' organisation",
  'workers-organisation': "Workers' organisation",
  'cooperative-movement': 'Cooperative movement',
  'financial-provider-association': 'Association of financial providers',
};

export const CRITERION_LABELS: Record<ReviewCriterion, string> = {
  'decent-work-relevance': 'Decent-work relevance',
  channel: 'Delivery channel',
  'pricing-and-cost-recovery': 'Pricing and cost recovery',
  'partner-appraisal': 'Partner appraisal',
  'instrument-fit': 'Fit of the instrument',
  'performance-based-agreement': 'Performance-based agreement',
  'monitoring-plan': 'Monitoring plan',
  'constituent-involvement': 'Involvement of the constituents',
  gender: 'Gender',
  'exit-strategy': 'Exit strategy',
};

/** A criterion's label (a policy published later may name one the console does not know yet). */
export const criterionName = (criterion: string) =>
  CRITERION_LABELS[criterion as ReviewCriterion] ?? label(criterion);

export const RED_FLAG_LABELS: Record<RedFlag, string> = {
  'direct-lending': 'Direct lending by the project',
  'pricing-prevents-cost-recovery': 'Pricing prevents cost recovery',
  'no-exit-strategy': 'No exit strategy',
  'partner-par30-above-threshold': 'Partner portfolio at risk above the threshold',
  'partner-oss-below-threshold': 'Partner self-sufficiency below the threshold',
};

export const DECISION_LABELS: Record<ReviewDecision, string> = {
  approved: 'Approve',
  'approved-with-conditions': 'Approve with conditions',
  'revise-and-resubmit': 'Revise and resubmit',
  rejected: 'Reject',
};

export const ORIGIN_LABELS: Record<ProposalChannel, string> = {
  http: 'Console or API',
  kafka: "A department's project system",
  'iati-import': 'IATI import',
};

export const TOOL_KIND_LABELS: Record<ToolKind, string> = {
  course: 'Training course',
  programme: 'Training programme',
  'research-project': 'Research project',
  'practice-note': 'Practice note',
  'impact-assessment': 'Impact assessment',
};

/** IATI's organisation roles. */
export const ORGANISATION_ROLE_LABELS: Record<1 | 2 | 3 | 4, string> = {
  1: 'Funding',
  2: 'Accountable',
  3: 'Extending',
  4: 'Implementing',
};

// Countries are named as research names them (Intl, in the reader's language).
export { countryName } from '../innovation-research/research-labels';
