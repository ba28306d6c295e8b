import type { LogframeIndicator, ProposalDefinition } from './proposal';

/** An indicator as far as an IATI file gives it: its name always, the rest when the file has it. */
export interface ImportedIndicator extends Partial<Omit<LogframeIndicator, 'indicator'>> {
  indicator: string;
}

export interface ImportedOutcome {
  outcome: string;
  indicators: ImportedIndicator[];
}

/** The proposal as far as an IATI activity gives it (the console fills the rest before submitting). */
export type ImportedProposal = {
  [K in keyof ProposalDefinition]?: K extends 'logframe'
    ? ImportedOutcome[]
    : ProposalDefinition[K];
};

/**
 * The answer of POST /api/quality-monitoring/iati/activities: the proposal as
 * far as the file gives it, the fields it does not give (dotted paths of
 * ProposalDefinition: `financialComponent`, `logframe.0.indicators.1.unit`),
 * and what was read with a caveat or left out (in words).
 */
export interface IatiImport {
  proposal: ImportedProposal;
  missing: string[];
  warnings: string[];
}
