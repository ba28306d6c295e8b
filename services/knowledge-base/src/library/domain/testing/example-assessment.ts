import type { ImpactAssessment } from '../library.entries';

/**
 * An impact assessment of the specs: a cluster RCT of group loans in Ghana
 * whose result on income is null (a first-class finding).
 */
export function exampleAssessment(): ImpactAssessment {
  return {
    title: 'Microcredit and child labour in rural Ghana',
    summary: 'No effect on household income; a small reduction in hours of child work.',
    investigators: ['A. Mensah'],
    country: 'GH',
    status: 'completed',
    surveyRounds: [{ round: 'baseline', date: '2022-02-10' }],
    design: { method: 'rct', unitOfRandomisation: 'village', clusters: 120 },
    sample: { planned: 2_400, achieved: 2_180, takeUp: 0.31, attrition: 0.09 },
    outcomes: [
      {
        outcome: 'income',
        estimator: 'ITT',
        effectSize: 0.02,
        confidenceInterval: { lower: -0.04, upper: 0.08, level: 0.95 },
        finding: 'null',
      },
    ],
    links: [],
    themes: ['child-labour'],
    tags: ['group lending'],
  };
}
