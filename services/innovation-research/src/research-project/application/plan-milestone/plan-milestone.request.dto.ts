import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@sfp/auth';
import { RESEARCH_PHASES, type ResearchPhase } from '@sfp/contracts';
import { OneOf, Text } from '@sfp/service-kit/body-fields';

export class PlanResearchMilestoneDto {
  @OneOf(RESEARCH_PHASES, { example: 'baseline-survey', description: 'The phase it belongs to' })
  phase!: ResearchPhase;

  @Text(1, 300, { example: 'Baseline dataset cleaned and archived' })
  title!: string;

  @ApiProperty({ example: '2025-10-31', description: 'The day it is due' })
  @IsCalendarDate()
  plannedOn!: string;
}
