import { regionsOfCountries } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { defineProjection, type ReadModelFields, type ViewWriter } from '@sfp/projections';
import type {
  ProposalDecidedData,
  ProposalResubmittedData,
  ProposalSubmittedData,
} from '../domain/proposal.events';

export const QUALITY_PORTFOLIO_PROJECTION = 'quality-portfolio';

/** An approved proposal's financial component, its amount in US dollars. */
export interface PortfolioDoc {
  docType: 'approved';
  proposalId: string;
  title: string;
  department: string;
  decision: string;
  instrument: string;
  channel: string;
  countries: string[];
  regions: string[];
  currency: string;
  amount: number;
  /** The amount at the proposal's own rate to the dollar (budgetUsd / budget of the version decided). */
  amountUsd: number;
  approvedAt: string;
}

/** The current version's rate to the dollar, kept until its decision. */
export interface UsdRateDoc {
  docType: 'rate';
  usdPerUnit: number;
}

export type QualityPortfolioDoc = PortfolioDoc | UsdRateDoc;

const rateKey = (proposalId: string) => `rate:${proposalId}`;
const fields: ReadModelFields = {
  docType: 'string',
  instrument: 'string',
  channel: 'string',
  approvedAt: 'string',
};

/** Dollars per unit of the proposal's currency, from its budget in both. */
export const usdRateOf = (p: { currency: string; budget: number; budgetUsd: number }): number =>
  p.currency === 'USD' || p.budget <= 0 ? 1 : p.budgetUsd / p.budget;

/** The portfolio entry of a decision (pure; undefined: not an approval). */
export function portfolioEntryOf(
  d: ProposalDecidedData,
  usdPerUnit: number,
): PortfolioDoc | undefined {
  if (d.decision !== 'approved' && d.decision !== 'approved-with-conditions') return undefined;
  return {
    docType: 'approved',
    proposalId: d.proposalId,
    title: d.title,
    department: d.department,
    decision: d.decision,
    instrument: d.instrument,
    channel: d.channel,
    countries: d.countries,
    regions: regionsOfCountries(d.countries),
    currency: d.currency,
    amount: d.amount,
    amountUsd: Math.round(d.amount * (d.currency === 'USD' ? 1 : usdPerUnit)),
    approvedAt: d.decidedAt,
  };
}

async function noteRate(recorded: RecordedEvent, view: ViewWriter<QualityPortfolioDoc>) {
  const d = recorded.data as ProposalSubmittedData | ProposalResubmittedData;
  await view.upsert(rateKey(d.proposalId), { docType: 'rate', usdPerUnit: usdRateOf(d.proposal) });
}

/** One document per approved proposal (docType approved): the portfolio of approved financial components. */
export const qualityPortfolioProjection = defineProjection<QualityPortfolioDoc>({
  name: QUALITY_PORTFOLIO_PROJECTION,
  version: 1,
  fields,
  handlers: {
    'quality-monitoring.ProposalSubmitted': noteRate,
    'quality-monitoring.ProposalResubmitted': noteRate,
    'quality-monitoring.ProposalDecided': async (recorded, view) => {
      const d = recorded.data as ProposalDecidedData;
      const rate = (await view.get(rateKey(d.proposalId))) as UsdRateDoc | undefined;
      const entry = portfolioEntryOf(d, rate?.usdPerUnit ?? 1);
      if (entry) await view.upsert(entry.proposalId, entry);
    },
  },
});
