import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@sfp/auth';
import {
  CONSTITUENTS,
  THEMES,
  type Constituent,
  type ProposalDefinition,
  type Theme,
} from '@sfp/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  DistinctOf,
  NumberIn,
  OptionalText,
  stacked,
  Text,
  WholeNumber,
} from '@sfp/service-kit/body-fields';
import { ProposalRuleError } from '../domain/proposal.errors';
import {
  FinancialComponentDto,
  financialComponentOf,
  LogframeOutcomeDto,
  logframeOf,
  MAX_AMOUNT,
  ParticipatingOrganisationDto,
  participatingOrganisationsOf,
} from './proposal-definition.parts.dto';

/** A text of at most `max` characters that may be empty (an empty exit strategy is a red flag, not a 400). */
function TextOrBlank(max: number, example: string, description: string): PropertyDecorator {
  return stacked(ApiProperty({ example, description, maxLength: max }), IsString(), Length(0, max));
}

/** A proposal with a financial component, as its department writes it: each version carries all of it. */
export class ProposalDefinitionDto {
  @Text(3, 300, { example: 'Savings-led finance for women’s groups in northern Ghana' })
  title!: string;

  @Text(10, 4000, {
    example:
      'A credit line through a regulated microfinance bank to savings groups of women farmers, with financial education.',
  })
  description!: string;

  @OptionalText(1, 100, {
    example: 'SKILLS',
    description: 'The submitting department; by default the caller’s (required when it has none)',
  })
  department?: string;

  @ApiProperty({ type: [String], example: ['GH'], description: 'ISO 3166-1 alpha-2 codes' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[A-Z]{2}$/, {
    each: true,
    message: 'each value in $property must be an ISO 3166-1 alpha-2 code, e.g. GH',
  })
  countries!: string[];

  @DistinctOf(THEMES, { description: 'The organisation’s themes' })
  themes!: Theme[];

  @ApiProperty({ example: 'USD', description: 'ISO 4217 currency of the budget and amounts' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code, e.g. USD' })
  currency!: string;

  @NumberIn(0, MAX_AMOUNT, { example: 1200000 })
  budget!: number;

  @NumberIn(0, MAX_AMOUNT, {
    example: 1200000,
    description: 'The budget in US dollars (the second-reviewer threshold reads it)',
  })
  budgetUsd!: number;

  @WholeNumber(1, 240, { example: 36 })
  durationMonths!: number;

  @ApiProperty({ example: '2026-01-05', description: 'Planned start' })
  @IsCalendarDate()
  plannedStart!: string;

  @ApiProperty({ type: FinancialComponentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FinancialComponentDto)
  financialComponent!: FinancialComponentDto;

  @ApiProperty({
    type: [String],
    maxItems: 20,
    description:
      'Knowledge-base institution ids, each one the knowledge base has published (else 400 UNKNOWN_PARTNER_INSTITUTION)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  partnerInstitutionIds!: string[];

  @ApiProperty({ type: [LogframeOutcomeDto], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LogframeOutcomeDto)
  logframe!: LogframeOutcomeDto[];

  @TextOrBlank(
    4000,
    'The partner bank keeps the credit line as its own product; the groups graduate to individual accounts.',
    'The exit strategy; empty when there is none (a red flag)',
  )
  exitStrategy!: string;

  @ApiProperty({ enum: CONSTITUENTS, isArray: true, description: 'The constituents involved' })
  @IsArray()
  @ArrayMaxSize(CONSTITUENTS.length)
  @ArrayUnique()
  @IsIn(CONSTITUENTS, { each: true })
  constituents!: Constituent[];

  @TextOrBlank(4000, '60 % of clients are women; sex-disaggregated reporting', 'Gender outcomes')
  genderOutcomes!: string;

  @TextOrBlank(
    4000,
    'Members’ households cut unpaid child work during the lean season',
    'Decent-work outcomes',
  )
  decentWorkOutcomes!: string;

  @ApiProperty({ type: [ParticipatingOrganisationDto], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ParticipatingOrganisationDto)
  participatingOrganisations!: ParticipatingOrganisationDto[];

  @ApiProperty({
    type: [String],
    example: ['24030'],
    description: 'OECD DAC 5-digit purpose codes (IATI sector vocabulary 1)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^\d{5}$/, { each: true, message: 'each value in $property must be a 5-digit DAC code' })
  sectors!: string[];

  @OptionalText(1, 200, {
    example: 'XM-DAC-41302-GH-2026-01',
    description: 'The IATI activity identifier, when the proposal came from IATI',
  })
  iatiIdentifier?: string;
}

/**
 * The domain's proposal of a validated body; the department is the body's,
 * else the caller's (a 400 on `department` when neither names one). A
 * department's integration client submits for its own department only.
 */
export function proposalDefinitionOf(
  dto: ProposalDefinitionDto,
  caller: { department?: string; confined?: boolean } = {},
  field = 'department',
): ProposalDefinition {
  const department = dto.department ?? caller.department;
  if (!department)
    throw new ProposalRuleError(field, 'Name the submitting department (the caller has none)');
  if (caller.confined && department !== caller.department)
    throw new ProposalRuleError(
      field,
      `A department’s system submits for its own department (${caller.department ?? 'none'})`,
    );
  return {
    title: dto.title,
    description: dto.description,
    department,
    countries: dto.countries,
    themes: dto.themes,
    currency: dto.currency,
    budget: dto.budget,
    budgetUsd: dto.budgetUsd,
    durationMonths: dto.durationMonths,
    plannedStart: dto.plannedStart,
    financialComponent: financialComponentOf(dto.financialComponent),
    partnerInstitutionIds: dto.partnerInstitutionIds,
    logframe: logframeOf(dto.logframe),
    exitStrategy: dto.exitStrategy.trim(),
    constituents: dto.constituents,
    genderOutcomes: dto.genderOutcomes,
    decentWorkOutcomes: dto.decentWorkOutcomes,
    participatingOrganisations: participatingOrganisationsOf(dto.participatingOrganisations),
    sectors: dto.sectors,
    ...(dto.iatiIdentifier ? { iatiIdentifier: dto.iatiIdentifier } : {}),
  };
}

/** What the domain refuses of a well-formed definition. */
export const DEFINITION_RULES =
  'A partner institution the knowledge base has not published (code UNKNOWN_PARTNER_INSTITUTION, one field error per id), no department named when the caller has none, or a definition the domain refuses (code RULE_VIOLATED)';
