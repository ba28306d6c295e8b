import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  ASSESSMENT_STATUSES,
  DESIGNS,
  FINDINGS,
  LIBRARY_THEMES,
  OUTCOMES,
  PRACTICE_KINDS,
  SURVEY_ROUNDS,
  type AssessmentStatus,
  type Design,
  type Finding,
  type LibraryTheme,
  type Outcome,
  type PracticeKind,
  type SurveyRound,
} from '../domain/library.reference-data';
import { IsCalendarDate, SchemaRules } from '@sfp/service-kit';
import { COUNTRY_CODES } from '../../shared/domain/reference-data';
import {
  Count,
  FiniteNumber,
  NestedList,
  NestedObject,
  Reason,
  Share,
  Text,
} from '../../shared/http/dto-fields';

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} -]{0,59}$/u;

/** The `{id}` of `/api/knowledge-base/impact-assessments/{id}…` and `/practice-notes/{id}…`. */
export class EntryIdParams {
  @ApiProperty({ description: 'The entry’s id (a UUID)' })
  @IsUUID('4')
  id!: string;
}

export class InterventionDto {
  @ApiProperty({ example: '2024-03-01' })
  @IsCalendarDate()
  start!: string;

  @ApiPropertyOptional({ example: '2025-02-28', description: 'On or after start' })
  @IsOptional()
  @IsCalendarDate()
  end?: string;
}

export class SurveyRoundDto {
  @ApiProperty({ enum: SURVEY_ROUNDS })
  @IsIn(SURVEY_ROUNDS)
  round!: SurveyRound;

  @ApiProperty({ example: '2024-02-15' })
  @IsCalendarDate()
  date!: string;
}

/** A randomised controlled trial names its unit of randomisation (the decider checks it again). */
@SchemaRules({
  if: { properties: { method: { const: 'rct' } }, required: ['method'] },
  then: {
    properties: { unitOfRandomisation: { type: 'string' } },
    required: ['unitOfRandomisation'],
  },
})
export class DesignDto {
  @ApiProperty({ enum: DESIGNS })
  @IsIn(DESIGNS)
  method!: Design;

  @Text(
    { min: 1, max: 100 },
    { example: 'village', description: 'Required for an RCT', optional: true },
  )
  unitOfRandomisation?: string;

  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  clusters?: number;
}

export class SampleDto {
  @Count(2_400, { optional: true })
  planned?: number;

  @Count(2_180, { optional: true, description: 'At most ten times the planned sample' })
  achieved?: number;

  @Share(0.31, 'Share of the treatment group that took the product up')
  takeUp?: number;

  @Share(0.09, 'Share of the baseline sample lost by endline')
  attrition?: number;
}

export class ConfidenceIntervalDto {
  @FiniteNumber({ example: -0.02 })
  lower!: number;

  @FiniteNumber({ example: 0.11 })
  upper!: number;

  @FiniteNumber({ example: 0.95 })
  @Min(0.5)
  @Max(0.999)
  level!: number;
}

export class OutcomeEstimateDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome!: Outcome;

  @Text({ min: 1, max: 200 }, { example: 'ITT, OLS with strata fixed effects' })
  estimator!: string;

  @FiniteNumber({ example: 0.045 })
  effectSize!: number;

  @FiniteNumber({ example: 0.033, optional: true })
  @Min(0)
  standardError?: number;

  @NestedObject(ConfidenceIntervalDto, {
    optional: true,
    description: 'lower ≤ effectSize ≤ upper',
  })
  confidenceInterval?: ConfidenceIntervalDto;

  @ApiProperty({ enum: FINDINGS, description: 'Null and negative results are first-class' })
  @IsIn(FINDINGS)
  finding!: Finding;

  @Text({ min: 1, max: 1_000 }, { optional: true })
  note?: string;
}

export class CostBenefitDto {
  @FiniteNumber({ example: 1.4, optional: true })
  @Min(0)
  benefitCostRatio?: number;

  @Text({ min: 1, max: 2_000 }, { optional: true })
  note?: string;
}

export class LinkDto {
  @Text({ min: 1, max: 200 }, { example: 'Working paper' })
  label!: string;

  @ApiProperty({ example: 'https://example.org/paper.pdf' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2_000)
  url!: string;
}

class LibraryEntryDto {
  @Text({ min: 3, max: 300 }, { example: 'Microcredit and child labour in rural Ghana' })
  title!: string;

  @Text(
    { min: 1, max: 5_000 },
    { example: 'A cluster RCT of group loans found no effect on child labour ...' },
  )
  summary!: string;

  @ApiProperty({ enum: LIBRARY_THEMES, isArray: true })
  @IsIn(LIBRARY_THEMES, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(LIBRARY_THEMES.length)
  themes!: LibraryTheme[];

  @ApiProperty({ type: [String], example: ['group lending', 'ghana'] })
  @Matches(TAG, { each: true, message: 'each tag must be 1 to 60 letters, digits, spaces or -' })
  @ArrayUnique()
  @ArrayMaxSize(30)
  tags!: string[];
}

export class ImpactAssessmentDto extends LibraryEntryDto {
  @ApiProperty({ type: [String], example: ['A. Mensah', 'J. Duflo'] })
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(50)
  investigators!: string[];

  @ApiProperty({ example: 'GH', description: 'ISO 3166-1 alpha-2 (an assigned code)' })
  @IsIn([...COUNTRY_CODES], { message: '$value is not an ISO 3166-1 alpha-2 country code' })
  country!: string;

  @ApiPropertyOptional({ description: 'The partner institution (an institution id)' })
  @IsOptional()
  @IsUUID('4')
  partnerInstitutionId?: string;

  @Text({ min: 1, max: 100 }, { example: 'AEARCTR-0001234', optional: true })
  registryId?: string;

  @ApiProperty({ enum: ASSESSMENT_STATUSES })
  @IsIn(ASSESSMENT_STATUSES)
  status!: AssessmentStatus;

  @NestedObject(InterventionDto, { optional: true })
  intervention?: InterventionDto;

  @NestedList(SurveyRoundDto, 20)
  surveyRounds!: SurveyRoundDto[];

  @NestedObject(DesignDto)
  design!: DesignDto;

  @NestedObject(SampleDto)
  sample!: SampleDto;

  @NestedList(OutcomeEstimateDto, 50)
  outcomes!: OutcomeEstimateDto[];

  @NestedObject(CostBenefitDto, { optional: true })
  costBenefit?: CostBenefitDto;

  @NestedList(LinkDto, 20)
  links!: LinkDto[];
}

export class ReviseImpactAssessmentDto extends ImpactAssessmentDto {
  @Reason('Endline results added')
  reason!: string;
}

export class PracticeNoteDto extends LibraryEntryDto {
  @Text({ min: 1, max: 50_000 }, { optional: true })
  body?: string;

  @ApiProperty({ enum: PRACTICE_KINDS })
  @IsIn(PRACTICE_KINDS)
  practiceKind!: PracticeKind;

  @ApiProperty({ type: [String], description: 'Institutions the note is about' })
  @IsUUID('4', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  institutionIds!: string[];

  @ApiProperty({ type: [String], description: 'Impact assessments it draws on' })
  @IsUUID('4', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  assessmentIds!: string[];
}

export class RevisePracticeNoteDto extends PracticeNoteDto {
  @Reason('Added the 2026 follow-up')
  reason!: string;
}
