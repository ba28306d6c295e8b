import { ApiPropertyOptional } from '@nestjs/swagger';
import { SchemaRules } from '@sfp/auth';
import {
  EXPECTED_DIRECTIONS,
  FUNDING_SOURCE_KINDS,
  INNOVATION_KINDS,
  OUTCOMES,
  QUASI_EXPERIMENTAL_METHODS,
  RESEARCH_DESIGNS,
  TEAM_ROLES,
  type ExpectedDirection,
  type FundingSourceKind,
  type InnovationKind,
  type Outcome,
  type QuasiExperimentalMethod,
  type ResearchDesign,
  type ResearchDesignMethod,
  type TeamRole,
} from '@sfp/contracts';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { NumberIn, OneOf, OptionalText, Text } from '@sfp/service-kit/body-fields';

/** At most this much money in a budget, a funding source or a cost-benefit flow. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** A hypothesis, with the outcome indicator that tests it and the direction it expects. */
export class HypothesisDto {
  @Text(1, 20, { example: 'H1', description: 'Stable within the project: findings name it' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: '$property must be letters, digits, dots, dashes or underscores, e.g. H1',
  })
  hypothesisId!: string;

  @Text(10, 1000, {
    example: 'Index-based crop microinsurance reduces child labour in insured households',
  })
  statement!: string;

  @OneOf(OUTCOMES, { description: 'The knowledge base’s outcome family' })
  outcome!: Outcome;

  @Text(3, 300, {
    example: 'Hours worked by children aged 5–17 per week',
    description: 'The indicator measured, with its unit',
  })
  indicator!: string;

  @OneOf(EXPECTED_DIRECTIONS)
  expectedDirection!: ExpectedDirection;
}

/** The innovation under study. */
export class InnovationDto {
  @OneOf(INNOVATION_KINDS, {
    description: 'product, policy, or delivery-channel (a way of delivering services)',
  })
  kind!: InnovationKind;

  @Text(10, 2000, {
    example: 'A weather-index crop microinsurance bundled with group loans for smallholders',
  })
  description!: string;
}

/** How the effect is identified: an RCT names its unit of randomisation; a quasi-experiment its method. */
@SchemaRules(
  {
    if: { properties: { method: { const: 'rct' } }, required: ['method'] },
    then: {
      required: ['unitOfRandomisation'],
      properties: { unitOfRandomisation: { type: 'string' } },
    },
  },
  {
    if: { properties: { method: { const: 'quasi-experimental' } }, required: ['method'] },
    then: {
      required: ['quasiExperimentalMethod'],
      properties: { quasiExperimentalMethod: { type: 'string' } },
    },
  },
)
export class ResearchDesignDto {
  @OneOf(RESEARCH_DESIGNS)
  method!: ResearchDesignMethod;

  @ApiPropertyOptional({ example: 'village', description: 'For an RCT: what is randomised' })
  @ValidateIf((design: ResearchDesignDto) => design.method === 'rct')
  @IsString()
  @Length(1, 200)
  unitOfRandomisation?: string;

  @ApiPropertyOptional({
    enum: QUASI_EXPERIMENTAL_METHODS,
    description: 'For a quasi-experimental design: its method',
  })
  @ValidateIf((design: ResearchDesignDto) => design.method === 'quasi-experimental')
  @IsIn(QUASI_EXPERIMENTAL_METHODS)
  quasiExperimentalMethod?: QuasiExperimentalMethod;

  @ApiPropertyOptional({
    type: 'integer',
    example: 60,
    description: 'Clusters randomised or matched, if the design has them',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  clusters?: number;
}

export class FundingSourceDto {
  @OneOf(FUNDING_SOURCE_KINDS)
  kind!: FundingSourceKind;

  @Text(1, 200, { example: 'Government of Luxembourg' })
  funder!: string;

  @NumberIn(0, MAX_AMOUNT, { example: 250000, description: 'In the project’s currency' })
  amount!: number;
}

export class TeamMemberDto {
  @Text(1, 200, { example: 'Dr Aïssatou Diallo' })
  name!: string;

  @OneOf(TEAM_ROLES)
  role!: TeamRole;

  @OptionalText(1, 200, { example: 'Université Cheikh Anta Diop' })
  organisation?: string;
}

/** The domain's design of a validated one (only the fields of its method). */
export function researchDesignOf(dto: ResearchDesignDto): ResearchDesign {
  return {
    method: dto.method,
    ...(dto.method === 'rct' && dto.unitOfRandomisation
      ? { unitOfRandomisation: dto.unitOfRandomisation }
      : {}),
    ...(dto.method === 'quasi-experimental' && dto.quasiExperimentalMethod
      ? { quasiExperimentalMethod: dto.quasiExperimentalMethod }
      : {}),
    ...(dto.clusters !== undefined && dto.clusters !== null ? { clusters: dto.clusters } : {}),
  };
}
