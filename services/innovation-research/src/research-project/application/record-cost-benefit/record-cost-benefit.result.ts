import type { CostBenefitResult } from '@sfp/contracts';
import type { ResearchCommandResult } from '../research-projects';

/** A cost-benefit analysis recorded: what it comes to. */
export interface CostBenefitAnswer extends ResearchCommandResult {
  result: CostBenefitResult;
}
