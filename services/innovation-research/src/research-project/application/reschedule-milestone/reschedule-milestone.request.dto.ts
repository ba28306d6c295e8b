import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@sfp/auth';
import { Text } from '@sfp/service-kit/body-fields';

export class RescheduleResearchMilestoneDto {
  @ApiProperty({ example: '2025-12-15', description: 'The new day it is due' })
  @IsCalendarDate()
  plannedOn!: string;

  @Text(1, 1000, { example: 'Fieldwork paused during the rainy season' })
  reason!: string;
}
