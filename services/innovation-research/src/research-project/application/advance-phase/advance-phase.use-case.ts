import { researchCommand } from '../research-project.command-routes';
import { AdvanceResearchPhaseDto } from './advance-phase.request.dto';

/** To the next phase, if its guard is met. POST /projects/:id/advance */
export const advanceResearchPhase = researchCommand({
  path: 'advance',
  commandType: 'AdvancePhase',
  operationId: 'advanceResearchPhase',
  summary:
    'Move the project to its next phase (no baseline without an approved design, no impact analysis without a baseline and a follow-up, …).',
  done: 'In its next phase',
  dto: AdvanceResearchPhaseDto,
  rules: '`to` is not the phase after the current one (code RULE_VIOLATED)',
  guard:
    'the phase’s guard is not met: the innovation design approved before the baseline survey, the baseline recorded before the pilot, the baseline and a follow-up before the impact analysis, a finding on every hypothesis before the cost-benefit analysis',
  command: (dto) => ({ type: 'AdvancePhase', to: dto.to }),
});
