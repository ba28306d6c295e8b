import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, SchemaRules } from '@sfp/auth';
import {
  DELIVERY_CHANNELS,
  FINANCIAL_INSTRUMENTS,
  PRICING_POLICIES,
  type DeliveryChannel,
  type FinancialComponent,
  type FinancialInstrument,
  type LogframeOutcome,
  type ParticipatingOrganisation,
  type PricingPolicy,
} from '@sfp/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  NumberIn,
  OneOf,
  OptionalNumberIn,
  OptionalText,
  Text,
} from '@sfp/service-kit/body-fields';

/** At most this much money in a budget or a financial component. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** An indicator of the logical framework: baseline, target, means of verification. */
export class LogframeIndicatorDto {
  @Text(3, 300, { example: 'Women clients with a savings account' })
  indicator!: string;

  @Text(1, 50, { example: 'people' })
  unit!: string;

  @NumberIn(-MAX_AMOUNT, MAX_AMOUNT, { example: 1200 })
  baseline!: number;

  @ApiPropertyOptional({ example: '2025-06-30', description: 'When the baseline was measured' })
  @IsOptional()
  @IsCalendarDate()
  baselineDate?: string;

  @NumberIn(-MAX_AMOUNT, MAX_AMOUNT, { example: 6000 })
  target!: number;

  @ApiPropertyOptional({ example: '2028-06-30', description: 'By when the target is to be met' })
  @IsOptional()
  @IsCalendarDate()
  targetDate?: string;

  @Text(3, 500, { example: 'The partner’s quarterly MIS extract, sex-disaggregated' })
  meansOfVerification!: string;
}

/** An outcome of the logical framework with its indicators. */
export class LogframeOutcomeDto {
  @Text(3, 500, { example: 'Rural women save regularly with a regulated provider' })
  outcome!: string;

  @ApiProperty({ type: [LogframeIndicatorDto], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LogframeIndicatorDto)
  indicators!: LogframeIndicatorDto[];
}

/** The financial component: instrument, channel, pricing policy, amounts. A capped price names its cap. */
@SchemaRules({
  if: { properties: { pricingPolicy: { const: 'capped' } }, required: ['pricingPolicy'] },
  then: { required: ['interestRateCap'] },
})
export class FinancialComponentDto {
  @OneOf(FINANCIAL_INSTRUMENTS)
  instrument!: FinancialInstrument;

  @OneOf(DELIVERY_CHANNELS, {
    description: 'Through a specialised financial provider, or directly by the project',
  })
  channel!: DeliveryChannel;

  @OneOf(PRICING_POLICIES)
  pricingPolicy!: PricingPolicy;

  @ApiPropertyOptional({
    type: 'number',
    example: 0.18,
    description: 'The annual interest-rate cap as a fraction (0.18 = 18 %); required when capped',
  })
  @ValidateIf((component: FinancialComponentDto) => component.pricingPolicy === 'capped')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  interestRateCap?: number;

  @NumberIn(0, MAX_AMOUNT, { example: 750000, description: 'In the proposal’s currency' })
  amount!: number;

  @OptionalNumberIn(0, MAX_AMOUNT, { example: 250000, description: 'Of which co-financing' })
  coFinancing?: number;

  @Text(3, 2000, {
    example: 'A credit line to a regulated microfinance bank for loans to women’s savings groups',
  })
  description!: string;
}

/** An organisation taking part, with its IATI role. */
export class ParticipatingOrganisationDto {
  @Text(1, 300, { example: 'Ministry of Labour' })
  name!: string;

  @ApiProperty({
    enum: [1, 2, 3, 4],
    description: 'IATI role: 1 funding, 2 accountable, 3 extending, 4 implementing',
  })
  @IsIn([1, 2, 3, 4])
  role!: 1 | 2 | 3 | 4;

  @OptionalText(1, 200, { example: 'XM-DAC-41302', description: 'IATI organisation identifier' })
  ref?: string;
}

/** The domain's financial component of a validated one. */
export function financialComponentOf(dto: FinancialComponentDto): FinancialComponent {
  return {
    instrument: dto.instrument,
    channel: dto.channel,
    pricingPolicy: dto.pricingPolicy,
    ...(dto.pricingPolicy === 'capped' && dto.interestRateCap !== undefined
      ? { interestRateCap: dto.interestRateCap }
      : {}),
    amount: dto.amount,
    ...(dto.coFinancing !== undefined && dto.coFinancing !== null
      ? { coFinancing: dto.coFinancing }
      : {}),
    description: dto.description,
  };
}

export function logframeOf(outcomes: LogframeOutcomeDto[]): LogframeOutcome[] {
  return outcomes.map((o) => ({
    outcome: o.outcome,
    indicators: o.indicators.map((i) => ({
      indicator: i.indicator,
      unit: i.unit,
      baseline: i.baseline,
      ...(i.baselineDate ? { baselineDate: i.baselineDate } : {}),
      target: i.target,
      ...(i.targetDate ? { targetDate: i.targetDate } : {}),
      meansOfVerification: i.meansOfVerification,
    })),
  }));
}

export function participatingOrganisationsOf(
  organisations: ParticipatingOrganisationDto[],
): ParticipatingOrganisation[] {
  return organisations.map((o) => ({
    name: o.name,
    role: o.role,
    ...(o.ref ? { ref: o.ref } : {}),
  }));
}
