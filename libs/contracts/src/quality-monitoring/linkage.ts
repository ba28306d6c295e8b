import type { Theme } from '../help-desk/reference-data';
import type { FinancialInstrument, ToolKind } from './reference-data';

/**
 * One of the unit's other intervention tools, as quality monitoring knows it
 * from its owner's public events: a training course or programme, a research
 * project, a practice note or an impact assessment of the knowledge base.
 */
export interface InterventionTool {
  /** `<kind>:<id>`, e.g. `course:3f…`. */
  toolRef: string;
  kind: ToolKind;
  /** The id in the owning context. */
  toolId: string;
  /** The owning context (TOOL_CONTEXT). */
  context: string;
  title: string;
  /** On the organisation's theme list (THEMES), mapped from the owner's vocabulary. */
  themes: Theme[];
  /** ISO 3166-1 alpha-2; empty when the tool is not tied to countries. */
  countries: string[];
  /** Regions (REGIONS) the tool covers, e.g. a regional programme. */
  regions: string[];
  partnerInstitutionIds: string[];
  /** The instruments the tool concerns (from its themes, kind and text). */
  instruments: FinancialInstrument[];
  /** Retired courses, closed programmes and abandoned projects are not suggested. */
  active: boolean;
  updatedAt: string;
}

/** What a proposal and a tool share, each part with its share of the score. */
export interface LinkageMatch {
  sharedThemes: Theme[];
  sharedCountries: string[];
  sharedRegions: string[];
  sharedPartners: string[];
  sharedInstruments: FinancialInstrument[];
}

/** A suggested link: the tool, its score (0–1), what matched and the reason in words. */
export interface LinkageSuggestion {
  toolRef: string;
  kind: ToolKind;
  toolId: string;
  context: string;
  title: string;
  score: number;
  match: LinkageMatch;
  reason: string;
  /** What a reviewer did with it, if anything. */
  decision?: 'accepted' | 'dismissed';
}

/** A link a reviewer accepted: public (quality-monitoring.LinkageAccepted), shown by the tool's owner. */
export interface AcceptedLinkage {
  proposalId: string;
  proposalTitle: string;
  department: string;
  toolRef: string;
  kind: ToolKind;
  toolId: string;
  context: string;
  toolTitle: string;
  score: number;
  reason: string;
}
