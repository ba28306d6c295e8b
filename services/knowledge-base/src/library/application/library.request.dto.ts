import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const finite = { allowNaN: false, allowInfinity: false };
const TAG = /^[\p{L}\p{N}][\p{L}\p{N} -]{0,59}$/u;

export class InterventionDto {
  @ApiProperty({ example: '2024-03-01' })
  @Matches(DATE, { message: 'start must be a date YYYY-MM-DD' })
  start!: string;

  @ApiPropertyOptional({ example: '2025-02-28' })
  @IsOptional()
  @Matches(DATE, { message: 'end must be a date YYYY-MM-DD' })
  end?: string;
}

export class SurveyRoundDto {
  @ApiProperty({ enum: SURVEY_ROUNDS })
  @IsIn(SURVEY_ROUNDS)
  round!: SurveyRound;

  @ApiProperty({ example: '2024-02-15' })
  @Matches(DATE, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;
}

export class DesignDto {
  @ApiProperty({ enum: DESIGNS })
  @IsIn(DESIGNS)
  method!: Design;

  @ApiPropertyOptional({ example: 'village', description: 'Required for an RCT' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unitOfRandomisation?: string;

  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  clusters?: number;
}

export class SampleDto {
  @ApiPropertyOptional({ example: 2_400 })
  @IsOptional()
  @IsInt()
  @Min(0)
  planned?: number;

  @ApiPropertyOptional({ example: 2_180 })
  @IsOptional()
  @IsInt()
  @Min(0)
  achieved?: number;

  @ApiPropertyOptional({
    example: 0.31,
    description: 'Share of the treatment group that took the product up',
  })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1)
  takeUp?: number;

  @ApiPropertyOptional({
    example: 0.09,
    description: 'Share of the baseline sample lost by endline',
  })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1)
  attrition?: number;
}

export class ConfidenceIntervalDto {
  @ApiProperty({ example: -0.02 })
  @IsNumber(finite)
  lower!: number;

  @ApiProperty({ example: 0.11 })
  @IsNumber(finite)
  upper!: number;

  @ApiProperty({ example: 0.95 })
  @IsNumber(finite)
  @Min(0.5)
  @Max(0.999)
  level!: number;
}

export class OutcomeEstimateDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome!: Outcome;

  @ApiProperty({ example: 'ITT, OLS with strata fixed effects' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  estimator!: string;

  @ApiProperty({ example: 0.045 })
  @IsNumber(finite)
  effectSize!: number;

  @ApiPropertyOptional({ example: 0.033 })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  standardError?: number;

  @ApiPropertyOptional({ type: ConfidenceIntervalDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConfidenceIntervalDto)
  confidenceInterval?: ConfidenceIntervalDto;

  @ApiProperty({ enum: FINDINGS, description: 'Null and negative results are first-class' })
  @IsIn(FINDINGS)
  finding!: Finding;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1_000)
  note?: string;
}

export class CostBenefitDto {
  @ApiPropertyOptional({ example: 1.4 })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  benefitCostRatio?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  note?: string;
}

export class LinkDto {
  @ApiProperty({ example: 'Working paper' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label!: string;

  @ApiProperty({ example: 'https://example.org/paper.pdf' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2_000)
  url!: string;
}

class LibraryEntryDto {
  @ApiProperty({ example: 'Microcredit and child labour in rural Ghana' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'A cluster RCT of group loans found no effect on child labour ...' })
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
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

  @ApiProperty({ example: 'GH' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country!: string;

  @ApiPropertyOptional({ description: 'The partner institution (an institution id)' })
  @IsOptional()
  @IsUUID('4')
  partnerInstitutionId?: string;

  @ApiPropertyOptional({ example: 'AEARCTR-0001234' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  registryId?: string;

  @ApiProperty({ enum: ASSESSMENT_STATUSES })
  @IsIn(ASSESSMENT_STATUSES)
  status!: AssessmentStatus;

  @ApiPropertyOptional({ type: InterventionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InterventionDto)
  intervention?: InterventionDto;

  @ApiProperty({ type: [SurveyRoundDto] })
  @ValidateNested({ each: true })
  @Type(() => SurveyRoundDto)
  @ArrayMaxSize(20)
  surveyRounds!: SurveyRoundDto[];

  @ApiProperty({ type: DesignDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DesignDto)
  design!: DesignDto;

  @ApiProperty({ type: SampleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SampleDto)
  sample!: SampleDto;

  @ApiProperty({ type: [OutcomeEstimateDto] })
  @ValidateNested({ each: true })
  @Type(() => OutcomeEstimateDto)
  @ArrayMaxSize(50)
  outcomes!: OutcomeEstimateDto[];

  @ApiPropertyOptional({ type: CostBenefitDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CostBenefitDto)
  costBenefit?: CostBenefitDto;

  @ApiProperty({ type: [LinkDto] })
  @ValidateNested({ each: true })
  @Type(() => LinkDto)
  @ArrayMaxSize(20)
  links!: LinkDto[];
}

export class ReviseImpactAssessmentDto extends ImpactAssessmentDto {
  @ApiProperty({ example: 'Endline results added' })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason!: string;
}

export class PracticeNoteDto extends LibraryEntryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50_000)
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
  @ApiProperty({ example: 'Added the 2026 follow-up' })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason!: string;
}
