import type { ResearchProjectDefinitionDto } from '../project-definition.dto';
import type { RecordCostBenefitDto } from '../record-cost-benefit/record-cost-benefit.request.dto';
import type { RecordResearchFindingDto } from '../record-finding/record-finding.request.dto';

/** A knowledge-base institution (as its registration named it): Crédit Mutuel du Sénégal. */
export const PARTNER_BANK = '5b0c7f3e-2a4d-4e6b-9c8d-1f2e3a4b5c6d';
/** One the knowledge base never published. */
export const UNKNOWN_INSTITUTION = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

/** The body of POST /projects: crop microinsurance and child labour in Senegal, 2025–2027. */
export function projectBody(
  overrides: Partial<ResearchProjectDefinitionDto> = {},
): ResearchProjectDefinitionDto {
  return {
    title: 'Crop microinsurance and child labour among smallholders in Senegal',
    researchQuestion:
      'Does index-based crop microinsurance reduce child labour in smallholder households after a drought?',
    hypotheses: [
      {
        hypothesisId: 'H1',
        statement: 'Insured households make their children work fewer hours after a drought',
        outcome: 'child-labour',
        indicator: 'Hours worked by children aged 5–17 per week',
        expectedDirection: 'decrease',
      },
      {
        hypothesisId: 'H2',
        statement: 'Insured households keep more of their productive assets after a drought',
        outcome: 'assets',
        indicator: 'Value of livestock and tools, in CFA francs',
        expectedDirection: 'increase',
      },
    ],
    innovation: {
      kind: 'product',
      description: 'A weather-index crop microinsurance bundled with group loans for smallholders',
    },
    themes: ['microinsurance', 'child-labour'],
    deficits: ['child-labour', 'vulnerability'],
    partnerInstitutionIds: [PARTNER_BANK],
    countries: ['SN'],
    design: { method: 'rct', unitOfRandomisation: 'village', clusters: 60 },
    currency: 'USD',
    budget: 480000,
    fundingSources: [
      { kind: 'donor', funder: 'Government of Luxembourg', amount: 400000 },
      { kind: 'partner-contribution', funder: 'Crédit Mutuel du Sénégal', amount: 80000 },
    ],
    team: [
      { name: 'Aïssatou Diallo', role: 'principal-investigator', organisation: 'ILO' },
      { name: 'Moussa Ndiaye', role: 'field-coordinator' },
    ],
    plannedStart: '2025-01-06',
    plannedEnd: '2027-06-30',
    ...overrides,
  };
}

/** A finding on H1 from follow-up 1: 1.8 hours a week fewer, 95 % interval −2.9 to −0.7. */
export function findingBody(
  overrides: Partial<RecordResearchFindingDto> = {},
): RecordResearchFindingDto {
  return {
    hypothesisId: 'H1',
    verdict: 'supported',
    surveyRound: 1,
    effect: {
      size: -1.8,
      unit: 'hours per week',
      confidenceInterval: { lower: -2.9, upper: -0.7 },
    },
    sample: { treatment: 1150, comparison: 1130 },
    ...overrides,
  };
}

/**
 * The worked example of the contracts' cost-benefit spec at 10 %: PV(costs)
 * 1,600, PV(benefits) 2,500, so NPV 900 and B/C 1.5625.
 */
export const COST_BENEFIT: RecordCostBenefitDto = {
  currency: 'USD',
  horizonYears: 3,
  discountRate: 0.1,
  costs: [
    { party: 'institution', label: 'Product design and staff training', year: 0, amount: 1000 },
    { party: 'donor', label: 'Premium subsidy', year: 1, amount: 550 },
    { party: 'clients', label: 'Premiums net of subsidy', year: 2, amount: 121 },
  ],
  benefits: [
    { party: 'clients', label: 'Health costs avoided', year: 1, amount: 1100 },
    { party: 'clients', label: 'Health costs avoided', year: 2, amount: 1210 },
    { party: 'institution', label: 'Lower portfolio at risk', year: 3, amount: 665.5 },
  ],
};
