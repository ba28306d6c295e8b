import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SchemaRules, IsCalendarDate } from '@sfp/auth';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNumber,
  IsObject,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DELIVERY_MODES,
  FUNDING_KINDS,
  REGIONS,
  TRAINING_LANGUAGES,
  type DeliveryMode,
  type FundingKind,
  type Region,
  type TrainingLanguage,
} from '@sfp/contracts';
import { CountryCode, OneOf, Texts, TimeZoneName, WholeNumber } from '@sfp/service-kit/body-fields';

export class ScheduleDto {
  @ApiProperty({ example: '2026-03-09', description: 'First day, where the offering runs' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2026-03-13', description: 'Last day (not before the first)' })
  @IsCalendarDate()
  endsOn!: string;

  @TimeZoneName()
  timeZone!: string;
}

/** At a venue (in person) or at a link (online). */
@SchemaRules(
  {
    if: { properties: { mode: { const: 'in-person' } }, required: ['mode'] },
    then: { required: ['venue'] },
  },
  {
    if: { properties: { mode: { const: 'online' } }, required: ['mode'] },
    then: { required: ['url'] },
  },
)
export class DeliveryDto {
  @OneOf(DELIVERY_MODES)
  mode!: DeliveryMode;

  @ApiPropertyOptional({
    example: 'KCB Leadership Centre, Karen, Nairobi',
    description: 'In person',
  })
  @ValidateIf((delivery: DeliveryDto) => delivery.mode === 'in-person')
  @IsString()
  @Length(1, 300)
  venue?: string;

  @ApiPropertyOptional({ example: 'https://meet.example.org/sfp-mf-101', description: 'Online' })
  @ValidateIf((delivery: DeliveryDto) => delivery.mode === 'online')
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https'], require_protocol: true })
  url?: string;
}

/** A fee paid by participants, or a sponsor who pays. */
@SchemaRules(
  {
    if: { properties: { kind: { const: 'fee' } }, required: ['kind'] },
    then: { required: ['amount', 'currency'] },
  },
  {
    if: { properties: { kind: { const: 'sponsored' } }, required: ['kind'] },
    then: { required: ['sponsor'] },
  },
)
export class FundingDto {
  @OneOf(FUNDING_KINDS)
  kind!: FundingKind;

  @ApiPropertyOptional({ example: 450, description: 'The fee per participant' })
  @ValidateIf((funding: FundingDto) => funding.kind === 'fee')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  amount?: number;

  @ApiPropertyOptional({ example: 'USD', description: 'ISO 4217 currency code' })
  @ValidateIf((funding: FundingDto) => funding.kind === 'fee')
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code, e.g. USD' })
  currency?: string;

  @ApiPropertyOptional({ example: 'Mastercard Foundation', description: 'Who pays' })
  @ValidateIf((funding: FundingDto) => funding.kind === 'sponsored')
  @IsString()
  @Length(1, 200)
  sponsor?: string;
}

/** Where, when and for how many an offering runs, by whom and who pays. */
export class OfferingPlanDto {
  @ApiProperty({ type: ScheduleDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule!: ScheduleDto;

  @ApiProperty({ type: DeliveryDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryDto)
  delivery!: DeliveryDto;

  @OneOf(REGIONS)
  region!: Region;

  @CountryCode()
  country!: string;

  @OneOf(TRAINING_LANGUAGES)
  language!: TrainingLanguage;

  @WholeNumber(1, 1000, { example: 25, description: 'Seats' })
  capacity!: number;

  @Texts(20, 100, { example: ['staff-mrossi'], description: 'User ids of the trainers' })
  trainers!: string[];

  @ApiProperty({ type: FundingDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FundingDto)
  funding!: FundingDto;
}

export class PlanOfferingDto {
  @ApiProperty({ description: 'The published course to offer (its current revision)' })
  @IsUUID('4')
  courseId!: string;

  @ApiProperty({ type: OfferingPlanDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OfferingPlanDto)
  plan!: OfferingPlanDto;
}
