import { ApiProperty } from '@nestjs/swagger';
import { Matches, Min } from 'class-validator';
import {
  Count,
  FiniteNumber,
  IsoDate,
  MoneyAmount,
  NestedObject,
  Reason,
} from '../../shared/http/dto-fields';

export class OpeningClosingAmountDto {
  @MoneyAmount(700_000, 'Balance at the start of the period')
  opening!: number;

  @MoneyAmount(900_000, 'Balance at the end of the period')
  closing!: number;
}

export class OpeningClosingEquityDto {
  @FiniteNumber({ example: 180_000, description: 'May be negative' })
  opening!: number;

  @FiniteNumber({ example: 220_000 })
  closing!: number;
}

export class OpeningClosingCountDto {
  @Count(3_000)
  opening!: number;

  @Count(5_000)
  closing!: number;
}

export class ReportPeriodDto {
  @IsoDate('2025-01-01')
  start!: string;

  @IsoDate('2025-12-31')
  end!: string;
}

export class FxRatesDto {
  @FiniteNumber({
    example: 129.5,
    description: 'Units of the currency per USD, average of the period (converts flows)',
  })
  periodAverage!: number;

  @FiniteNumber({
    example: 128.9,
    description: 'Units of the currency per USD at the period end (converts stocks)',
  })
  periodEnd!: number;
}

export class AdjustmentsDto {
  @MoneyAmount(10_000, 'Subsidised cost of funds adjustment')
  subsidisedFundingCost!: number;

  @MoneyAmount(5_000, 'In-kind subsidies')
  inKindSubsidies!: number;

  @MoneyAmount(6_000, 'Inflation adjustment on equity')
  inflationOnEquity!: number;

  @MoneyAmount(0, 'Impairment loss adjustment to a standard provisioning policy')
  impairmentLoss!: number;
}

/** Opening and closing balances (or counts), both required: the ratios use their average. */
const OpeningAndClosing = (
  type: new () => object,
  what: 'balances' | 'counts',
  description?: string,
) =>
  NestedObject(type, {
    description,
    missingMessage: `$property needs opening and closing ${what} (averages need both)`,
  });

export class PerformanceInputsDto {
  @OpeningAndClosing(OpeningClosingAmountDto, 'balances')
  totalAssets!: OpeningClosingAmountDto;

  @OpeningAndClosing(OpeningClosingEquityDto, 'balances')
  equity!: OpeningClosingEquityDto;

  @OpeningAndClosing(
    OpeningClosingAmountDto,
    'balances',
    'GLP: outstanding principal, without accrued interest and written-off loans',
  )
  grossLoanPortfolio!: OpeningClosingAmountDto;

  @MoneyAmount(36_000, 'Impairment loss allowance at period end')
  impairmentAllowance!: number;

  @MoneyAmount(250_000, 'Voluntary savings at period end')
  voluntarySavings!: number;

  @MoneyAmount(
    30_000,
    'Outstanding principal of loans with an instalment > 30 days overdue (whole balance)',
  )
  par30Balance!: number;

  @MoneyAmount(6_000, 'Renegotiated loans not already in par30Balance')
  renegotiatedLoans!: number;

  @FiniteNumber({ example: 8_000, description: 'Loans written off in the period' })
  @Min(0, { message: 'writeOffs must be ≥ 0 (identity write-offs-non-negative)' })
  writeOffs!: number;

  @MoneyAmount(260_000, 'Financial revenue of the period')
  financialRevenue!: number;

  @MoneyAmount(240_000, 'Interest, fees and commissions on the loan portfolio')
  portfolioRevenue!: number;

  @MoneyAmount(40_000, 'Financial expense')
  financialExpense!: number;

  @FiniteNumber({ example: 12_000, description: 'Net impairment loss on loans (may be negative)' })
  impairmentExpense!: number;

  @MoneyAmount(160_000, 'Operating expense')
  operatingExpense!: number;

  @FiniteNumber({
    example: 30_000,
    description: 'Net operating income after taxes, excluding donations (may be negative)',
  })
  netOperatingIncomeAfterTaxes!: number;

  @NestedObject(AdjustmentsDto, {
    description: 'Without them FSS, AROA and AROE are not computable',
    optional: true,
  })
  adjustments?: AdjustmentsDto;

  @OpeningAndClosing(
    OpeningClosingCountDto,
    'counts',
    'People with an outstanding loan (IRIS PI8732)',
  )
  activeBorrowers!: OpeningClosingCountDto;

  @Count(3_250)
  activeWomenBorrowers!: number;

  @Count(2_500)
  ruralClients!: number;

  @Count(2_000)
  voluntarySavers!: number;

  @Count(25)
  loanOfficers!: number;

  @Count(80)
  personnel!: number;
}

export class ReportFiguresDto {
  @ApiProperty({ example: 'KES', description: 'ISO 4217' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code, e.g. KES' })
  currency!: string;

  @NestedObject(FxRatesDto)
  fx!: FxRatesDto;

  @NestedObject(PerformanceInputsDto)
  inputs!: PerformanceInputsDto;
}

export class FileReportDto extends ReportFiguresDto {
  @NestedObject(ReportPeriodDto)
  period!: ReportPeriodDto;
}

/** A report's id: `<institution id>_<period start>_<period end>`. */
export const REPORT_ID = /^[0-9a-f-]{36}_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/;

/** The report a route acts on or reads: `/performance-reports/{reportId}`. */
export class ReportIdParams {
  @ApiProperty({
    example: '0b6c3f0e-8a55-4d5e-9c1b-5f6a7e8d9c0a_2025-01-01_2025-12-31',
    description: '<institution id>_<period start>_<period end>',
  })
  @Matches(REPORT_ID, { message: 'reportId must be <institution id>_<start>_<end>' })
  reportId!: string;
}

export class RestateReportDto extends ReportFiguresDto {
  @Reason('Audited statements: PAR30 higher than in the management accounts')
  reason!: string;
}
