import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@sfp/auth';
import { DELIVERABLE_KINDS, type DeliverableKind } from '@sfp/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import { OneOf, Text } from '@sfp/service-kit/body-fields';

/** A document the milestone delivered. */
export class DeliverableDto {
  @Text(1, 300, { example: 'Baseline report: households, crops and children’s work' })
  title!: string;

  @OneOf(DELIVERABLE_KINDS)
  kind!: DeliverableKind;

  @ApiProperty({ example: 'https://docs.example.org/research/sn-crop-baseline.pdf' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  url!: string;
}

export class CompleteResearchMilestoneDto {
  @ApiProperty({ example: '2025-11-04', description: 'The day it was done' })
  @IsCalendarDate()
  completedOn!: string;

  @ApiProperty({ type: [DeliverableDto], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DeliverableDto)
  deliverables!: DeliverableDto[];
}
