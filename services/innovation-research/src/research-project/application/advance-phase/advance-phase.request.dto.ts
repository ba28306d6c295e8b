import { RESEARCH_PHASES, type ResearchPhase } from '@sfp/contracts';
import { OneOf } from '@sfp/service-kit/body-fields';

export class AdvanceResearchPhaseDto {
  @OneOf(RESEARCH_PHASES, {
    example: 'diagnostic-survey',
    description: 'The next phase (a stale screen cannot skip one)',
  })
  to!: ResearchPhase;
}
