import { ApiProperty } from '@nestjs/swagger';
import {
  COST_BENEFIT_PARTIES,
  type CostBenefitFlow,
  type CostBenefitInput,
  type CostBenefitParty,
} from '@sfp/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches, ValidateNested } from 'class-validator';
import { NumberIn, OneOf, Text, WholeNumber } from '@sfp/service-kit/body-fields';
import { MAX_AMOUNT } from '../project-definition.parts.dto';

/** The longest horizon of an analysis, in years. */
const MAX_HORIZON_YEARS = 50;

/** One cost or benefit: an amount in a year of the horizon (0 = now, undiscounted). */
export class CostBenefitFlowDto {
  @OneOf(COST_BENEFIT_PARTIES, { description: 'Who bears the cost or gains the benefit' })
  party!: CostBenefitParty;

  @Text(1, 200, { example: 'Premium subsidy' })
  label!: string;

  @WholeNumber(0, MAX_HORIZON_YEARS, { example: 1, description: 'Within 0..horizonYears' })
  year!: number;

  @NumberIn(0, MAX_AMOUNT, { example: 550, description: 'In the analysis’s currency' })
  amount!: number;
}

/** What an analyst enters: the flows, the horizon and the discount rate (NPV and B/C are computed). */
export class RecordCostBenefitDto {
  @ApiProperty({ example: 'USD', description: 'ISO 4217 currency of the flows' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code, e.g. USD' })
  currency!: string;

  @WholeNumber(0, MAX_HORIZON_YEARS, { example: 3, description: 'Years after year 0' })
  horizonYears!: number;

  @NumberIn(0, 1, { example: 0.1, description: 'A fraction a year: 0.06 is 6 %' })
  discountRate!: number;

  @ApiProperty({ type: [CostBenefitFlowDto], maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CostBenefitFlowDto)
  costs!: CostBenefitFlowDto[];

  @ApiProperty({ type: [CostBenefitFlowDto], maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CostBenefitFlowDto)
  benefits!: CostBenefitFlowDto[];
}

const flowOf = (f: CostBenefitFlowDto): CostBenefitFlow => ({
  party: f.party,
  label: f.label,
  year: f.year,
  amount: f.amount,
});

/** The domain's input of a validated one. */
export function costBenefitInputOf(dto: RecordCostBenefitDto): CostBenefitInput {
  return {
    currency: dto.currency,
    horizonYears: dto.horizonYears,
    discountRate: dto.discountRate,
    costs: dto.costs.map(flowOf),
    benefits: dto.benefits.map(flowOf),
  };
}
