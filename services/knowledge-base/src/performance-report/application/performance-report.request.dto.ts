import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const finite = { allowNaN: false, allowInfinity: false };

export class OpeningClosingAmountDto {
  @ApiProperty({ example: 700_000, description: 'Balance at the start of the period' })
  @IsNumber(finite)
  @Min(0)
  opening!: number;

  @ApiProperty({ example: 900_000, description: 'Balance at the end of the period' })
  @IsNumber(finite)
  @Min(0)
  closing!: number;
}

export class OpeningClosingEquityDto {
  @ApiProperty({ example: 180_000, description: 'May be negative' })
  @IsNumber(finite)
  opening!: number;

  @ApiProperty({ example: 220_000 })
  @IsNumber(finite)
  closing!: number;
}

export class OpeningClosingCountDto {
  @ApiProperty({ example: 3_000 })
  @IsInt()
  @Min(0)
  opening!: number;

  @ApiProperty({ example: 5_000 })
  @IsInt()
  @Min(0)
  closing!: number;
}

export class ReportPeriodDto {
  @ApiProperty({ example: '2025-01-01' })
  @Matches(DATE, { message: 'start must be a date YYYY-MM-DD' })
  start!: string;

  @ApiProperty({ example: '2025-12-31' })
  @Matches(DATE, { message: 'end must be a date YYYY-MM-DD' })
  end!: string;
}

export class FxRatesDto {
  @ApiProperty({
    example: 129.5,
    description: 'Units of the currency per USD, average of the period (converts flows)',
  })
  @IsNumber(finite)
  periodAverage!: number;

  @ApiProperty({
    example: 128.9,
    description: 'Units of the currency per USD at the period end (converts stocks)',
  })
  @IsNumber(finite)
  periodEnd!: number;
}

export class AdjustmentsDto {
  @ApiProperty({ example: 10_000, description: 'Subsidised cost of funds adjustment' })
  @IsNumber(finite)
  @Min(0)
  subsidisedFundingCost!: number;

  @ApiProperty({ example: 5_000, description: 'In-kind subsidies' })
  @IsNumber(finite)
  @Min(0)
  inKindSubsidies!: number;

  @ApiProperty({ example: 6_000, description: 'Inflation adjustment on equity' })
  @IsNumber(finite)
  @Min(0)
  inflationOnEquity!: number;

  @ApiProperty({
    example: 0,
    description: 'Impairment loss adjustment to a standard provisioning policy',
  })
  @IsNumber(finite)
  @Min(0)
  impairmentLoss!: number;
}

const money = (example: number, description: string) => ApiProperty({ example, description });

export class PerformanceInputsDto {
  @ApiProperty({ type: OpeningClosingAmountDto })
  @IsDefined({ message: 'totalAssets needs opening and closing balances (averages need both)' })
  @IsObject()
  @ValidateNested()
  @Type(() => OpeningClosingAmountDto)
  totalAssets!: OpeningClosingAmountDto;

  @ApiProperty({ type: OpeningClosingEquityDto })
  @IsDefined({ message: 'equity needs opening and closing balances (averages need both)' })
  @IsObject()
  @ValidateNested()
  @Type(() => OpeningClosingEquityDto)
  equity!: OpeningClosingEquityDto;

  @ApiProperty({
    type: OpeningClosingAmountDto,
    description: 'GLP: outstanding principal, without accrued interest and written-off loans',
  })
  @IsDefined({
    message: 'grossLoanPortfolio needs opening and closing balances (averages need both)',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => OpeningClosingAmountDto)
  grossLoanPortfolio!: OpeningClosingAmountDto;

  @money(36_000, 'Impairment loss allowance at period end')
  @IsNumber(finite)
  @Min(0)
  impairmentAllowance!: number;

  @money(250_000, 'Voluntary savings at period end')
  @IsNumber(finite)
  @Min(0)
  voluntarySavings!: number;

  @money(
    30_000,
    'Outstanding principal of loans with an instalment > 30 days overdue (whole balance)',
  )
  @IsNumber(finite)
  @Min(0)
  par30Balance!: number;

  @money(6_000, 'Renegotiated loans not already in par30Balance')
  @IsNumber(finite)
  @Min(0)
  renegotiatedLoans!: number;

  @money(8_000, 'Loans written off in the period')
  @IsNumber(finite)
  @Min(0, { message: 'writeOffs must be ≥ 0 (identity write-offs-non-negative)' })
  writeOffs!: number;

  @money(260_000, 'Financial revenue of the period')
  @IsNumber(finite)
  @Min(0)
  financialRevenue!: number;

  @money(240_000, 'Interest, fees and commissions on the loan portfolio')
  @IsNumber(finite)
  @Min(0)
  portfolioRevenue!: number;

  @money(40_000, 'Financial expense')
  @IsNumber(finite)
  @Min(0)
  financialExpense!: number;

  @money(12_000, 'Net impairment loss on loans (may be negative)')
  @IsNumber(finite)
  impairmentExpense!: number;

  @money(160_000, 'Operating expense')
  @IsNumber(finite)
  @Min(0)
  operatingExpense!: number;

  @money(30_000, 'Net operating income after taxes, excluding donations (may be negative)')
  @IsNumber(finite)
  netOperatingIncomeAfterTaxes!: number;

  @ApiPropertyOptional({
    type: AdjustmentsDto,
    description: 'Without them FSS, AROA and AROE are not computable',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AdjustmentsDto)
  adjustments?: AdjustmentsDto;

  @ApiProperty({
    type: OpeningClosingCountDto,
    description: 'People with an outstanding loan (IRIS PI8732)',
  })
  @IsDefined({ message: 'activeBorrowers needs opening and closing counts (averages need both)' })
  @IsObject()
  @ValidateNested()
  @Type(() => OpeningClosingCountDto)
  activeBorrowers!: OpeningClosingCountDto;

  @ApiProperty({ example: 3_250 })
  @IsInt()
  @Min(0)
  activeWomenBorrowers!: number;

  @ApiProperty({ example: 2_500 })
  @IsInt()
  @Min(0)
  ruralClients!: number;

  @ApiProperty({ example: 2_000 })
  @IsInt()
  @Min(0)
  voluntarySavers!: number;

  @ApiProperty({ example: 25 })
  @IsInt()
  @Min(0)
  loanOfficers!: number;

  @ApiProperty({ example: 80 })
  @IsInt()
  @Min(0)
  personnel!: number;
}

export class ReportFiguresDto {
  @ApiProperty({ example: 'KES', description: 'ISO 4217' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code, e.g. KES' })
  currency!: string;

  @ApiProperty({ type: FxRatesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FxRatesDto)
  fx!: FxRatesDto;

  @ApiProperty({ type: PerformanceInputsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PerformanceInputsDto)
  inputs!: PerformanceInputsDto;
}

export class FileReportDto extends ReportFiguresDto {
  @ApiProperty({ type: ReportPeriodDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ReportPeriodDto)
  period!: ReportPeriodDto;
}

export class RestateReportDto extends ReportFiguresDto {
  @ApiProperty({ example: 'Audited statements: PAR30 higher than in the management accounts' })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  reason!: string;
}
