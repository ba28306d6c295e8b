import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@sfp/auth';
import {
  CONSTITUENT_GROUPS,
  PARTICIPANT_SEXES,
  PROGRAMME_INDICATORS,
  type ConstituentGroup,
  type ParticipantSex,
  type ProgrammeIndicator,
  type ProgrammeTarget,
} from '@sfp/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OneOf } from '@sfp/service-kit/body-fields';

/** At most this many targets per programme (three indicators, people trained by sex and group). */
export const MAX_PROGRAMME_TARGETS = 40;

export class ProgrammeTargetDto {
  @OneOf(PROGRAMME_INDICATORS, {
    description:
      'people-trained: distinct constituents who completed a course of its offerings; completion-rate: per cent of results that are completions; knowledge-gain: mean post-test minus pre-test, in points',
  })
  indicator!: ProgrammeIndicator;

  @ApiProperty({
    example: 60,
    description: 'People (a whole number), or a percentage, or points (0 to 100)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  value!: number;

  @ApiPropertyOptional({ enum: PARTICIPANT_SEXES, description: 'People trained of one sex only' })
  @IsOptional()
  @IsIn(PARTICIPANT_SEXES)
  sex?: ParticipantSex;

  @ApiPropertyOptional({
    enum: CONSTITUENT_GROUPS,
    description: 'People trained of one constituent group only',
  })
  @IsOptional()
  @IsIn(CONSTITUENT_GROUPS)
  constituentGroup?: ConstituentGroup;

  @ApiProperty({ example: '2026-12-31', description: 'Due by this day (within the programme)' })
  @IsCalendarDate()
  dueOn!: string;
}

export class SetProgrammeTargetsDto {
  @ApiProperty({ type: [ProgrammeTargetDto], maxItems: MAX_PROGRAMME_TARGETS })
  @IsArray()
  @ArrayMaxSize(MAX_PROGRAMME_TARGETS)
  @ValidateNested({ each: true })
  @Type(() => ProgrammeTargetDto)
  targets!: ProgrammeTargetDto[];
}

export function programmeTargetOf(dto: ProgrammeTargetDto): ProgrammeTarget {
  return {
    indicator: dto.indicator,
    value: dto.value,
    ...(dto.sex ? { sex: dto.sex } : {}),
    ...(dto.constituentGroup ? { constituentGroup: dto.constituentGroup } : {}),
    dueOn: dto.dueOn,
  };
}
