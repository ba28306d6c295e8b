import type { CostBenefitProjectEntry, InnovationKind } from '@sfp/contracts';
import { defineProjection, type ReadModelFields } from '@sfp/projections';
import type { ResearchProjectEvent } from '../domain/research-project.events';

export const RESEARCH_COST_BENEFIT_PROJECTION = 'research-cost-benefit';

/** A project's analysis (docType analysis), or what is known of a project before it has one. */
export type CostBenefitDoc =
  | (CostBenefitProjectEntry & { docType: 'analysis' })
  | { docType: 'project'; projectId: string; title: string; innovationKind: InnovationKind };

const fields: ReadModelFields = { docType: 'string', innovationKind: 'string' };

/** The document after an event (pure; undefined: nothing to write). */
export function evolveCostBenefit(
  current: CostBenefitDoc | undefined,
  event: ResearchProjectEvent,
): CostBenefitDoc | undefined {
  switch (event.type) {
    case 'innovation-research.ResearchProjectProposed':
    case 'innovation-research.ResearchProjectRevised': {
      const known = {
        projectId: event.data.projectId,
        title: event.data.project.title,
        innovationKind: event.data.project.innovation.kind,
      };
      return current?.docType === 'analysis'
        ? { ...current, ...known }
        : { docType: 'project', ...known };
    }
    case 'innovation-research.CostBenefitAnalysed': {
      if (!current) return undefined;
      const { input, result } = event.data;
      return {
        docType: 'analysis',
        projectId: current.projectId,
        title: current.title,
        innovationKind: current.innovationKind,
        currency: input.currency,
        discountRate: input.discountRate,
        horizonYears: input.horizonYears,
        netPresentValue: result.netPresentValue,
        benefitCostRatio: result.benefitCostRatio,
        presentValueOfCosts: result.presentValueOfCosts,
        presentValueOfBenefits: result.presentValueOfBenefits,
        recordedAt: event.data.analysedAt,
      };
    }
    default:
      return undefined;
  }
}

/** One document per project; those of docType `analysis` have a recorded cost-benefit analysis. */
export const researchCostBenefitProjection = defineProjection<CostBenefitDoc>({
  name: RESEARCH_COST_BENEFIT_PROJECTION,
  version: 1,
  fields,
  handlers: Object.fromEntries(
    [
      'innovation-research.ResearchProjectProposed',
      'innovation-research.ResearchProjectRevised',
      'innovation-research.CostBenefitAnalysed',
    ].map((type) => [
      type,
      async (recorded, view) => {
        const event = { type: recorded.type, data: recorded.data } as ResearchProjectEvent;
        if (!('projectId' in event.data)) return;
        const projectId = event.data.projectId;
        await view.update(projectId, (current) => evolveCostBenefit(current, event));
      },
    ]),
  ),
});
