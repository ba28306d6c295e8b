import { costBenefitOf, type CostBenefitInput, type ResearchPublication } from '@sfp/contracts';

export const SENEGAL_PARTNER = '3f2a9c1e-5b7d-4e21-9a0c-8d6e4b2f1a73';
export const DAKAR_PARTNER = 'b81d4f6a-2c9e-4a57-8e13-6f0a9d2c7b45';

const costBenefit: CostBenefitInput = {
  currency: 'XOF',
  horizonYears: 3,
  discountRate: 0.06,
  costs: [
    { party: 'institution', label: 'Product design and training', year: 0, amount: 12_000_000 },
  ],
  benefits: [
    { party: 'clients', label: 'Out-of-pocket costs avoided', year: 1, amount: 6_000_000 },
    { party: 'clients', label: 'Out-of-pocket costs avoided', year: 2, amount: 6_500_000 },
    { party: 'institution', label: 'Fewer defaults', year: 3, amount: 2_000_000 },
  ],
};

/**
 * A publication of the specs: hospital-cash microinsurance in Senegal, an RCT
 * by village with two partners; a supported hypothesis on vulnerability and a
 * null result on business profit.
 */
export function examplePublication(change: Partial<ResearchPublication> = {}): ResearchPublication {
  return {
    projectId: 'rp-senegal-hospital-cash',
    version: 1,
    outcome: 'completed',
    title: 'Hospital-cash microinsurance for market women in Senegal',
    summary: 'Fewer distress sales of assets after a hospital stay; no effect on business profit.',
    researchQuestion:
      'Does a hospital-cash cover sold with group loans reduce distress sales of assets after a health shock?',
    innovation: { kind: 'product', description: 'Hospital-cash cover bundled with group loans' },
    themes: ['microinsurance', 'vulnerability'],
    deficits: ['vulnerability', 'social-protection-gaps'],
    countries: ['SN'],
    partnerInstitutionIds: [SENEGAL_PARTNER, DAKAR_PARTNER],
    design: { method: 'rct', unitOfRandomisation: 'village', clusters: 80 },
    team: [
      { name: 'Awa Ndiaye', role: 'principal-investigator', organisation: 'ILO' },
      { name: 'Moussa Diop', role: 'co-investigator' },
      { name: 'Fatou Sarr', role: 'field-coordinator' },
    ],
    surveyRounds: [
      {
        kind: 'follow-up',
        number: 2,
        completedOn: '2025-03-14',
        sample: { treatment: 780, comparison: 760 },
      },
      {
        kind: 'baseline',
        number: 0,
        completedOn: '2024-02-20',
        sample: { treatment: 820, comparison: 800 },
      },
      {
        kind: 'follow-up',
        number: 1,
        completedOn: '2024-09-05',
        sample: { treatment: 800, comparison: 790 },
      },
    ],
    hypotheses: [
      {
        hypothesisId: 'H1',
        statement: 'Insured households sell fewer productive assets after a hospital stay.',
        outcome: 'vulnerability',
        indicator: 'share of households selling assets after a shock',
        expectedDirection: 'decrease',
        finding: {
          hypothesisId: 'H1',
          verdict: 'supported',
          surveyRound: 2,
          effect: {
            size: -0.08,
            unit: 'share of households',
            standardError: 0.025,
            confidenceInterval: { lower: -0.129, upper: -0.031 },
          },
          sample: { treatment: 780, comparison: 760 },
        },
      },
      {
        hypothesisId: 'H2',
        statement: 'Insured women earn higher business profits.',
        outcome: 'business-profit',
        indicator: 'monthly business profit',
        expectedDirection: 'increase',
        finding: {
          hypothesisId: 'H2',
          verdict: 'not-supported',
          surveyRound: 2,
          effect: {
            size: 1_200,
            unit: 'XOF a month',
            confidenceInterval: { lower: -2_100, upper: 4_500 },
          },
          sample: { treatment: 780, comparison: 760 },
        },
      },
    ],
    costBenefit: { input: costBenefit, result: costBenefitOf(costBenefit) },
    recommendations: [
      {
        audience: 'practice',
        text: 'Bundle the cover with group loans and pay claims within a week.',
      },
      { audience: 'policy', text: 'Let microinsurers use the mobile-money agent network.' },
    ],
    publishedOn: '2025-06-30',
    ...change,
  };
}
