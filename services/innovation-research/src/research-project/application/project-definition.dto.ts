import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@sfp/auth';
import {
  DECENT_WORK_DEFICITS,
  LIBRARY_THEMES,
  type DecentWorkDeficit,
  type LibraryTheme,
  type ResearchProjectDefinition,
} from '@sfp/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { DistinctOf, NumberIn, Text } from '@sfp/service-kit/body-fields';
import {
  FundingSourceDto,
  HypothesisDto,
  InnovationDto,
  MAX_AMOUNT,
  researchDesignOf,
  ResearchDesignDto,
  TeamMemberDto,
} from './project-definition.parts.dto';

/** A research project as its researchers write it: each revision carries all of it. */
export class ResearchProjectDefinitionDto {
  @Text(3, 300, {
    example: 'Crop microinsurance and child labour among smallholders in Senegal',
  })
  title!: string;

  @Text(10, 2000, {
    example:
      'Does index-based crop microinsurance reduce child labour in smallholder households after a drought?',
  })
  researchQuestion!: string;

  @ApiProperty({ type: [HypothesisDto], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HypothesisDto)
  hypotheses!: HypothesisDto[];

  @ApiProperty({ type: InnovationDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => InnovationDto)
  innovation!: InnovationDto;

  @DistinctOf(LIBRARY_THEMES, { description: 'The knowledge base’s library themes' })
  themes!: LibraryTheme[];

  @DistinctOf(DECENT_WORK_DEFICITS, { description: 'The decent-work deficits it addresses' })
  deficits!: DecentWorkDeficit[];

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

  @ApiProperty({ type: [String], example: ['SN'], description: 'ISO 3166-1 alpha-2 codes' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[A-Z]{2}$/, {
    each: true,
    message: 'each value in $property must be an ISO 3166-1 alpha-2 code, e.g. SN',
  })
  countries!: string[];

  @ApiProperty({ type: ResearchDesignDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ResearchDesignDto)
  design!: ResearchDesignDto;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 currency of the budget and its funding' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code, e.g. USD' })
  currency!: string;

  @NumberIn(0, MAX_AMOUNT, { example: 480000 })
  budget!: number;

  @ApiProperty({ type: [FundingSourceDto], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FundingSourceDto)
  fundingSources!: FundingSourceDto[];

  @ApiProperty({ type: [TeamMemberDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  team!: TeamMemberDto[];

  @ApiProperty({ example: '2025-01-06', description: 'Planned start' })
  @IsCalendarDate()
  plannedStart!: string;

  @ApiProperty({ example: '2027-06-30', description: 'Planned end (not before the start)' })
  @IsCalendarDate()
  plannedEnd!: string;
}

/** The domain's project definition of a validated one. */
export function projectDefinitionOf(dto: ResearchProjectDefinitionDto): ResearchProjectDefinition {
  return {
    title: dto.title,
    researchQuestion: dto.researchQuestion,
    hypotheses: dto.hypotheses.map((h) => ({
      hypothesisId: h.hypothesisId,
      statement: h.statement,
      outcome: h.outcome,
      indicator: h.indicator,
      expectedDirection: h.expectedDirection,
    })),
    innovation: { kind: dto.innovation.kind, description: dto.innovation.description },
    themes: dto.themes,
    deficits: dto.deficits,
    partnerInstitutionIds: dto.partnerInstitutionIds,
    countries: dto.countries,
    design: researchDesignOf(dto.design),
    currency: dto.currency,
    budget: dto.budget,
    fundingSources: dto.fundingSources.map((f) => ({
      kind: f.kind,
      funder: f.funder,
      amount: f.amount,
    })),
    team: dto.team.map((m) => ({
      name: m.name,
      role: m.role,
      ...(m.organisation ? { organisation: m.organisation } : {}),
    })),
    plannedStart: dto.plannedStart,
    plannedEnd: dto.plannedEnd,
  };
}

/** What the decider refuses of a well-formed definition (400 RULE_VIOLATED or UNKNOWN_PARTNER_INSTITUTION). */
export const DEFINITION_RULES =
  'A partner institution the knowledge base has not published (code UNKNOWN_PARTNER_INSTITUTION, one field error per id), or a definition the domain refuses: a hypothesis id given twice, an end before the start, … (code RULE_VIOLATED)';
