/**
 * The quality-monitoring context's reference data: what a financial component
 * of a proposal is, how a review decides, and what it flags. The service
 * decides by these lists; the console shows the same (with its own labels).
 */

/** The financial instrument of a proposal's financial component. */
export const FINANCIAL_INSTRUMENTS = [
  'credit-line',
  'guarantee-fund',
  'revolving-fund',
  'grant-to-provider',
  'equity',
  'insurance-scheme',
  'savings-scheme',
] as const;
export type FinancialInstrument = (typeof FINANCIAL_INSTRUMENTS)[number];

/** The instruments that put money out as loans: lent directly by a project, they are a red flag. */
export const LENDING_INSTRUMENTS: readonly FinancialInstrument[] = [
  'credit-line',
  'revolving-fund',
];

/** Through a specialised financial provider, or directly by the (non-financial) project. */
export const DELIVERY_CHANNELS = ['specialised-provider', 'direct-by-project'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const PRICING_POLICIES = ['market-rates', 'subsidised', 'capped'] as const;
export type PricingPolicy = (typeof PRICING_POLICIES)[number];

/** The tripartite constituents (and others) a proposal involves. */
export const CONSTITUENTS = [
  'government',
  'employers-organisation',
  'workers-organisation',
  'cooperative-movement',
  'financial-provider-association',
] as const;
export type Constituent = (typeof CONSTITUENTS)[number];

/** The criteria of the review checklist (their weights are in the review policy, versioned). */
export const REVIEW_CRITERIA = [
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
] as const;
export type ReviewCriterion = (typeof REVIEW_CRITERIA)[number];

/** The red flags that block approval whatever the score. */
export const RED_FLAGS = [
  'direct-lending',
  'pricing-prevents-cost-recovery',
  'no-exit-strategy',
  'partner-par30-above-threshold',
  'partner-oss-below-threshold',
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export const REVIEW_DECISIONS = [
  'approved',
  'approved-with-conditions',
  'revise-and-resubmit',
  'rejected',
] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The decisions a red flag blocks. */
export const APPROVING_DECISIONS: readonly ReviewDecision[] = [
  'approved',
  'approved-with-conditions',
];

/** How a proposal arrived. */
export const PROPOSAL_CHANNELS = ['http', 'kafka', 'iati-import'] as const;
export type ProposalChannel = (typeof PROPOSAL_CHANNELS)[number];

/** The other contexts' tools a proposal can be linked to. */
export const TOOL_KINDS = [
  'course',
  'programme',
  'research-project',
  'practice-note',
  'impact-assessment',
] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

/** The context that owns each kind of tool. */
export const TOOL_CONTEXT: Readonly<Record<ToolKind, string>> = {
  course: 'training',
  programme: 'training',
  'research-project': 'innovation-research',
  'practice-note': 'knowledge-base',
  'impact-assessment': 'knowledge-base',
};

/** The IATI standard version the import accepts and the export writes. */
export const IATI_VERSION = '2.03';
