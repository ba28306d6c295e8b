import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsObject, ValidateNested } from 'class-validator';
import {
  COURSE_KINDS,
  PRIORITY_AREAS,
  THEMES,
  TRAINING_AUDIENCES,
  TRAINING_LANGUAGES,
  type CourseDefinition,
  type CourseKind,
  type PriorityArea,
  type Theme,
  type TrainingAudience,
  type TrainingLanguage,
} from '@sfp/contracts';
import {
  DistinctOf,
  NumberIn,
  OneOf,
  OptionalNumberIn,
  Text,
  Texts,
} from '@sfp/service-kit/body-fields';

export class CompletionRuleDto {
  @NumberIn(0, 100, {
    example: 80,
    description: 'Share of the session days a participant attends, in per cent',
  })
  minAttendancePercent!: number;

  @OptionalNumberIn(0, 100, {
    example: 70,
    description: 'Post-test score in per cent; absent: no test required',
  })
  minPostTestScore?: number;
}

/** A course as its owner writes it: each revision carries all of it. */
export class CourseDefinitionDto {
  @Text(2, 40, { example: 'SFP-MF-101', description: 'Short unique code' })
  code!: string;

  @Text(3, 200, { example: 'Microfinance for decent work: an introduction' })
  title!: string;

  @OneOf(COURSE_KINDS)
  kind!: CourseKind;

  @Texts(20, 500, { example: ['Explain how microfinance institutions measure social performance'] })
  learningObjectives!: string[];

  @DistinctOf(THEMES)
  themes!: Theme[];

  @DistinctOf(TRAINING_AUDIENCES)
  audiences!: TrainingAudience[];

  @NumberIn(0.5, 1000, { example: 16, description: 'Hours of learning' })
  durationHours!: number;

  @OneOf(PRIORITY_AREAS)
  priorityArea!: PriorityArea;

  @DistinctOf(TRAINING_LANGUAGES)
  languages!: TrainingLanguage[];

  @Text(1, 100, { example: 'staff-mrossi', description: 'The user who owns the course' })
  owner!: string;

  @ApiProperty({ description: 'Staff enrolments wait for their supervisor’s approval' })
  @IsBoolean()
  supervisorApprovalRequired!: boolean;

  @ApiProperty({ type: CompletionRuleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CompletionRuleDto)
  completionRule!: CompletionRuleDto;
}

/** The domain's course definition of a validated one. */
export function courseDefinitionOf(dto: CourseDefinitionDto): CourseDefinition {
  return {
    code: dto.code,
    title: dto.title,
    kind: dto.kind,
    learningObjectives: dto.learningObjectives,
    themes: dto.themes,
    audiences: dto.audiences,
    durationHours: dto.durationHours,
    priorityArea: dto.priorityArea,
    languages: dto.languages,
    owner: dto.owner,
    supervisorApprovalRequired: dto.supervisorApprovalRequired,
    completionRule: {
      minAttendancePercent: dto.completionRule.minAttendancePercent,
      ...(dto.completionRule.minPostTestScore !== undefined
        ? { minPostTestScore: dto.completionRule.minPostTestScore }
        : {}),
    },
  };
}

/** A body that carries a course definition as `course` (the domain names its fields `course.…`). */
export class CourseBodyDto {
  @ApiProperty({ type: CourseDefinitionDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CourseDefinitionDto)
  course!: CourseDefinitionDto;
}
