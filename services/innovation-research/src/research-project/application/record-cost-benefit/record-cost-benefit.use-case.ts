import { costBenefitOf, type CostBenefitInput } from '@sfp/contracts';
import { CostBenefitAnswerSchema } from '../research-project.answers';
import { researchCommand } from '../research-project.command-routes';
import type { CostBenefitAnswer } from './record-cost-benefit.result';
import { costBenefitInputOf, RecordCostBenefitDto } from './record-cost-benefit.request.dto';

/** The flows of a cost-benefit analysis, and what they come to. POST /projects/:id/cost-benefit */
export const recordResearchCostBenefit = researchCommand({
  path: 'cost-benefit',
  commandType: 'RecordCostBenefit',
  operationId: 'recordResearchCostBenefit',
  summary:
    'Record a cost-benefit analysis: costs by who bears them, benefits by who gains, horizon and discount rate; answers the NPV and B/C computed from them.',
  done: 'Analysed: the net present value, the benefit-cost ratio and the present values by party',
  dto: RecordCostBenefitDto,
  schema: CostBenefitAnswerSchema,
  rules: 'A flow in a year beyond the horizon (code RULE_VIOLATED)',
  command: (dto) => ({ type: 'RecordCostBenefit', input: costBenefitInputOf(dto) }),
  run: async (projects, { id }, context, command): Promise<CostBenefitAnswer> => {
    const { result, events } = await projects.decide(id, command, context);
    const analysed = events.find(
      (event) => event.type === 'innovation-research.CostBenefitAnalysed',
    );
    return {
      ...result,
      result:
        analysed?.type === 'innovation-research.CostBenefitAnalysed'
          ? analysed.data.result
          : costBenefitOf((command as { input: CostBenefitInput }).input),
    };
  },
});
