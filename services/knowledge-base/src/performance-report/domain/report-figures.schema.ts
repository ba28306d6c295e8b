import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { IsoDateString, sameShape } from '../../shared/http/schema-helpers';
import type { FxRates, PerformanceInputs, ReportPeriod } from './performance-inputs';
import { RATIO_KEYS, type RatioValue, type Ratios } from './standard-ratios';

/**
 * The schemas of a report's figures and ratios as the knowledge base's
 * answers carry them (the TypeScript types are the domain's; each schema is
 * checked against its type at compile time).
 */

/** An object with one required property per key, each of `schema`. */
export function KeyedObject<const K extends readonly string[], S extends TSchema>(
  keys: K,
  schema: S,
  options: { description?: string; title?: string } = {},
): TObject<{ [P in K[number]]: S }> {
  return Type.Object(Object.fromEntries(keys.map((key) => [key, schema])), options) as never;
}

export const ReportPeriodSchema = Type.Object({
  start: IsoDateString('First day of the period (YYYY-MM-DD, inclusive)'),
  end: IsoDateString('Last day of the period (YYYY-MM-DD, inclusive)'),
});
sameShape<Static<typeof ReportPeriodSchema>, ReportPeriod>(true);

export const FxRatesSchema = Type.Object({
  periodAverage: Type.Number({
    description: 'Units of the currency per USD, average of the period',
  }),
  periodEnd: Type.Number({ description: 'Units of the currency per USD at the period end' }),
});
sameShape<Static<typeof FxRatesSchema>, FxRates>(true);

const Amount = (description?: string) => Type.Number(description ? { description } : {});
const People = (description?: string) =>
  Type.Integer({ minimum: 0, ...(description ? { description } : {}) });
const OpeningClosingAmount = Type.Object({ opening: Type.Number(), closing: Type.Number() });
const OpeningClosingCount = Type.Object({
  opening: Type.Integer({ minimum: 0 }),
  closing: Type.Integer({ minimum: 0 }),
});

/** The figures of a report as filed, in its currency (money) or in people. */
export const PerformanceInputsSchema = Type.Object({
  totalAssets: OpeningClosingAmount,
  equity: OpeningClosingAmount,
  grossLoanPortfolio: OpeningClosingAmount,
  impairmentAllowance: Amount('At period end'),
  voluntarySavings: Amount('At period end'),
  par30Balance: Amount('Loans with an instalment > 30 days overdue (whole balance)'),
  renegotiatedLoans: Amount('Renegotiated loans not already in par30Balance'),
  writeOffs: Amount('Loans written off in the period'),
  financialRevenue: Amount(),
  portfolioRevenue: Amount(),
  financialExpense: Amount(),
  impairmentExpense: Amount('May be negative'),
  operatingExpense: Amount(),
  netOperatingIncomeAfterTaxes: Amount('May be negative'),
  adjustments: Type.Optional(
    Type.Object(
      {
        subsidisedFundingCost: Amount(),
        inKindSubsidies: Amount(),
        inflationOnEquity: Amount(),
        impairmentLoss: Amount(),
      },
      { description: 'Absent: FSS, AROA and AROE are not computable' },
    ),
  ),
  activeBorrowers: OpeningClosingCount,
  activeWomenBorrowers: People('At period end'),
  ruralClients: People(),
  voluntarySavers: People(),
  loanOfficers: People(),
  personnel: People(),
});
sameShape<Static<typeof PerformanceInputsSchema>, PerformanceInputs>(true);

/** A ratio's value, or `null` with the reason it has none (never NaN or Infinity). */
export const RatioValueSchema = Type.Union([
  Type.Object({ value: Type.Number() }),
  Type.Object({
    value: Type.Null(),
    reason: Type.String({ description: 'Why the ratio is not computable' }),
  }),
]);
sameShape<Static<typeof RatioValueSchema>, RatioValue>(true);

/** Every standard ratio of a report (docs/knowledge-base.md), each a value or the reason it has none. */
export const RatiosSchema = KeyedObject(RATIO_KEYS, RatioValueSchema, {
  description: 'The standard ratios, each a value or why it has none',
});
sameShape<Static<typeof RatiosSchema>, Ratios>(true);
