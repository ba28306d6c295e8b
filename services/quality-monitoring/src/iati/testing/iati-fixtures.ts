import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProposalDefinition } from '@sfp/contracts';
import type { ImportedProposal } from '../iati-import';

/** The hand-written IATI 2.03 activity: a guarantee fund for women-led SMEs in Ghana and Côte d'Ivoire. */
export const WOMEN_SME_GUARANTEE_FUND_XML = readFileSync(
  join(__dirname, 'women-sme-guarantee-fund.iati-activity.xml'),
  'utf8',
);

/**
 * What the console fills in before submitting the imported guarantee fund:
 * the fields IATI does not carry, and the units of the indicators counted in
 * units.
 */
export function completedGuaranteeFund(imported: ImportedProposal): ProposalDefinition {
  const logframe = (imported.logframe ?? []).map((outcome, r) => ({
    outcome: outcome.outcome,
    indicators: outcome.indicators.map((indicator, i) => ({
      indicator: indicator.indicator,
      unit: indicator.unit ?? (r === 0 && i === 0 ? 'loans' : 'partner lenders'),
      baseline: indicator.baseline ?? 0,
      ...(indicator.baselineDate ? { baselineDate: indicator.baselineDate } : {}),
      target: indicator.target ?? 0,
      ...(indicator.targetDate ? { targetDate: indicator.targetDate } : {}),
      meansOfVerification: indicator.meansOfVerification ?? '',
    })),
  }));
  return {
    title: imported.title ?? '',
    description: imported.description ?? '',
    department: 'Enterprises Department',
    countries: imported.countries ?? [],
    themes: ['gender', 'informal-economy'],
    currency: imported.currency ?? 'USD',
    budget: imported.budget ?? 0,
    budgetUsd: imported.budgetUsd ?? imported.budget ?? 0,
    durationMonths: imported.durationMonths ?? 36,
    plannedStart: imported.plannedStart ?? '2026-07-01',
    financialComponent: {
      instrument: 'guarantee-fund',
      channel: 'specialised-provider',
      pricingPolicy: 'market-rates',
      amount: 2_800_000,
      coFinancing: 700_000,
      description:
        'A 50 % partial credit guarantee on SME loans, managed by a regional guarantee institution & priced at a 1.5 % annual fee',
    },
    partnerInstitutionIds: [
      '5b0c2f0e-8f57-4a8e-9c1a-2f1e3d4c5b6a',
      'c4d1e2f3-0a1b-4c2d-8e3f-4a5b6c7d8e9f',
    ],
    logframe,
    exitStrategy:
      'From year 3 the guarantee institution prices the cover to recover its losses and costs without the fund; partner lenders keep the appraisal practice in their credit policies.',
    constituents: ['government', 'employers-organisation', 'financial-provider-association'],
    genderOutcomes:
      'Loans to women-led SMEs reach 35 % of the partner lenders’ SME lending; data disaggregated by sex.',
    decentWorkOutcomes:
      'Jobs kept and created in the SMEs financed, with written contracts and social-security registration tracked in a sample.',
    participatingOrganisations: imported.participatingOrganisations ?? [],
    sectors: imported.sectors ?? [],
    ...(imported.iatiIdentifier ? { iatiIdentifier: imported.iatiIdentifier } : {}),
  };
}
