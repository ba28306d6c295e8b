import { KnowledgeBaseError } from '../../shared/domain/knowledge-base.errors';
import { isCurrencyCode } from '../../shared/domain/reference-data';
import {
  ADJUSTMENT_FIELDS,
  COUNT_FIELDS,
  MONEY_OPENING_CLOSING,
  type ReportFigures,
} from './performance-inputs';
import { periodProblem } from './report-period';

/**
 * The largest amount accepted, in absolute value, in the report's currency
 * (10^15: about USD 40 billion even in a currency of 24 000 units per USD,
 * far above a microfinance institution's balance sheet, and below 2^53, so
 * every whole amount is exact). With the rates' and counts' bounds it keeps every figure in USD
 * (at most 10^15 / 10^-4 × 365 when annualised) and every sum and ratio of
 * them far from overflow: no figure stored or served is NaN or Infinity.
 */
export const MAX_AMOUNT = 1e15;
/** The largest count of people accepted (10^9). */
export const MAX_COUNT = 1e9;
/** Exchange rates accepted, in units of the currency per USD. */
export const MIN_FX_RATE = 1e-4;
export const MAX_FX_RATE = 1e9;
/**
 * Rounding tolerance of the income statement's identities: figures rounded
 * separately (to units, or to thousands in audited statements) may miss the
 * identity by a little. The larger of 5 currency units and 0.5 % of the sum of
 * the absolute values of the figures the identity involves.
 */
export const ROUNDING_ABSOLUTE = 5;
export const ROUNDING_RELATIVE = 0.005;

/** The tolerance of an identity over these figures. */
export function roundingTolerance(...figures: number[]): number {
  return Math.max(
    ROUNDING_ABSOLUTE,
    ROUNDING_RELATIVE * figures.reduce((sum, value) => sum + Math.abs(value), 0),
  );
}

/**
 * The identities that good input respects (domain brief §1), each with a
 * stable name the refusal carries.
 */
export const IDENTITIES = {
  'par30-within-glp': 'PAR30 balance ≤ GLP',
  'women-within-borrowers': 'women borrowers ≤ active borrowers',
  'loan-officers-within-personnel': 'loan officers ≤ personnel',
  'write-offs-non-negative': 'write-offs ≥ 0',
  'averages-need-opening-and-closing': 'averages need opening and closing balances',
  'counts-are-whole-non-negative': 'counts of people are whole numbers ≥ 0',
  'amounts-non-negative':
    'balances, revenue, expenses and adjustments are ≥ 0 (equity, net income and net impairment loss may be negative)',
  'amounts-finite': 'every figure is a finite number',
  'amounts-within-bounds':
    "every amount is at most 10^15 in absolute value, in the report's currency",
  'counts-within-bounds': 'counts of people are at most 10^9',
  'net-income-matches-statement':
    'net operating income after taxes = financial revenue − financial expense − net impairment loss − operating expense − taxes, with taxes from 0 to the financial revenue (within rounding: 0.5 %)',
  'portfolio-revenue-within-financial-revenue':
    'portfolio revenue ≤ financial revenue (within rounding: 0.5 %)',
  'fx-rates-positive': 'exchange rates are > 0, and 1 for a report in USD',
  'fx-rates-within-bounds': 'exchange rates are from 10^-4 to 10^9 units of the currency per USD',
  'known-currency': 'the currency is an ISO 4217 code',
  'valid-period': 'the period runs from its start to its end, at most one year',
} as const;
export type IdentityName = keyof typeof IDENTITIES;

export interface IdentityProblem {
  identity: IdentityName;
  field: string;
  message: string;
}

/** Input that breaks one or more identities (HTTP 400); the message names the first, `problems` lists all. */
export class IdentityViolatedError extends KnowledgeBaseError {
  readonly code = 'IDENTITY_VIOLATED';
  readonly identity: IdentityName;
  readonly field: string;
  constructor(readonly violations: readonly [IdentityProblem, ...IdentityProblem[]]) {
    const [first] = violations;
    super(
      `The report breaks the identity "${IDENTITIES[first.identity]}" (${first.identity}): ${first.message}` +
        (violations.length > 1 ? ` (and ${violations.length - 1} more)` : ''),
    );
    this.identity = first.identity;
    this.field = first.field;
  }

  /** One entry per problem, for the error body's field errors. */
  get problems(): Array<{ field: string; message: string }> {
    return this.violations.map((v) => ({
      field: v.field,
      message: `${IDENTITIES[v.identity]} (${v.identity}): ${v.message}`,
    }));
  }
}

/** Every identity the figures break (empty when the report is acceptable). */
export function identityProblems(figures: ReportFigures): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const add = (identity: IdentityName, field: string, message: string) =>
    problems.push({ identity, field, message });
  const { inputs, fx } = figures;

  const period = periodProblem(figures.period);
  if (period) add('valid-period', period.field, period.message);

  if (!isCurrencyCode(figures.currency))
    add('known-currency', 'currency', `${figures.currency} is not an ISO 4217 currency code`);
  for (const key of ['periodAverage', 'periodEnd'] as const) {
    const rate = fx?.[key];
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
      add('fx-rates-positive', `fx.${key}`, 'must be a number > 0 (units of the currency per USD)');
    } else if (figures.currency === 'USD' && rate !== 1) {
      add('fx-rates-positive', `fx.${key}`, 'must be 1 for a report in USD');
    } else if (rate < MIN_FX_RATE || rate > MAX_FX_RATE) {
      add('fx-rates-within-bounds', `fx.${key}`, `is ${rate}, outside 10^-4 to 10^9 units per USD`);
    }
  }

  /** A finite amount within the bounds (and ≥ 0 unless it may be negative); each problem added once. */
  const amount = (
    field: string,
    value: unknown,
    mayBeNegative: boolean,
    negativeIdentity: IdentityName = 'amounts-non-negative',
  ): value is number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      add('amounts-finite', field, 'must be a finite number');
      return false;
    }
    if (Math.abs(value) > MAX_AMOUNT) {
      add('amounts-within-bounds', field, `is ${value}, beyond ±10^15`);
      return false;
    }
    if (!mayBeNegative && value < 0) {
      add(negativeIdentity, field, `is ${value}`);
      return false;
    }
    return true;
  };
  const count = (field: string, value: unknown): value is number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      add('counts-are-whole-non-negative', field, `is ${String(value)}`);
      return false;
    }
    if (value > MAX_COUNT) {
      add('counts-within-bounds', field, `is ${value}, more than 10^9`);
      return false;
    }
    return true;
  };

  for (const key of MONEY_OPENING_CLOSING) {
    const pair = inputs[key] as Partial<{ opening: number; closing: number }> | undefined;
    for (const end of ['opening', 'closing'] as const) {
      const value = pair?.[end];
      if (value === undefined || value === null) {
        add(
          'averages-need-opening-and-closing',
          `inputs.${key}.${end}`,
          `average ${key} needs the ${end} balance`,
        );
      } else {
        amount(`inputs.${key}.${end}`, value, key === 'equity');
      }
    }
  }
  const borrowers = inputs.activeBorrowers as
    | Partial<{ opening: number; closing: number }>
    | undefined;
  for (const end of ['opening', 'closing'] as const) {
    const value = borrowers?.[end];
    if (value === undefined || value === null) {
      add(
        'averages-need-opening-and-closing',
        `inputs.activeBorrowers.${end}`,
        `average active borrowers needs the ${end} count`,
      );
    } else {
      count(`inputs.activeBorrowers.${end}`, value);
    }
  }
  for (const key of COUNT_FIELDS) count(`inputs.${key}`, inputs[key]);

  const nonNegative = [
    'impairmentAllowance',
    'voluntarySavings',
    'par30Balance',
    'renegotiatedLoans',
  ] as const;
  for (const key of nonNegative) amount(`inputs.${key}`, inputs[key], false);
  amount('inputs.writeOffs', inputs.writeOffs, false, 'write-offs-non-negative');
  // The income statement: those that pass take part in its identities below.
  const statement = {
    financialRevenue: amount('inputs.financialRevenue', inputs.financialRevenue, false),
    portfolioRevenue: amount('inputs.portfolioRevenue', inputs.portfolioRevenue, false),
    financialExpense: amount('inputs.financialExpense', inputs.financialExpense, false),
    impairmentExpense: amount('inputs.impairmentExpense', inputs.impairmentExpense, true),
    operatingExpense: amount('inputs.operatingExpense', inputs.operatingExpense, false),
    netOperatingIncomeAfterTaxes: amount(
      'inputs.netOperatingIncomeAfterTaxes',
      inputs.netOperatingIncomeAfterTaxes,
      true,
    ),
  };
  if (inputs.adjustments) {
    for (const key of ADJUSTMENT_FIELDS)
      amount(`inputs.adjustments.${key}`, inputs.adjustments[key], false);
  }

  const glp = inputs.grossLoanPortfolio?.closing;
  const atRisk = inputs.par30Balance + inputs.renegotiatedLoans;
  if (typeof glp === 'number' && Number.isFinite(atRisk) && atRisk > glp) {
    add(
      'par30-within-glp',
      'inputs.par30Balance',
      `par30Balance + renegotiatedLoans = ${atRisk} exceeds grossLoanPortfolio.closing = ${glp}`,
    );
  }
  const closingBorrowers = borrowers?.closing;
  if (typeof closingBorrowers === 'number' && inputs.activeWomenBorrowers > closingBorrowers) {
    add(
      'women-within-borrowers',
      'inputs.activeWomenBorrowers',
      `${inputs.activeWomenBorrowers} women borrowers exceed ${closingBorrowers} active borrowers`,
    );
  }
  if (inputs.loanOfficers > inputs.personnel) {
    add(
      'loan-officers-within-personnel',
      'inputs.loanOfficers',
      `${inputs.loanOfficers} loan officers exceed ${inputs.personnel} personnel`,
    );
  }

  if (statement.financialRevenue && statement.portfolioRevenue) {
    const { financialRevenue, portfolioRevenue } = inputs;
    const tolerance = roundingTolerance(financialRevenue, portfolioRevenue);
    if (portfolioRevenue > financialRevenue + tolerance) {
      add(
        'portfolio-revenue-within-financial-revenue',
        'inputs.portfolioRevenue',
        `portfolioRevenue = ${portfolioRevenue} exceeds financialRevenue = ${financialRevenue} (tolerance ${rounded(tolerance)})`,
      );
    }
  }
  if (
    statement.financialRevenue &&
    statement.financialExpense &&
    statement.impairmentExpense &&
    statement.operatingExpense &&
    statement.netOperatingIncomeAfterTaxes
  ) {
    const {
      financialRevenue,
      financialExpense,
      impairmentExpense,
      operatingExpense,
      netOperatingIncomeAfterTaxes: net,
    } = inputs;
    const beforeTaxes = financialRevenue - financialExpense - impairmentExpense - operatingExpense;
    const taxes = beforeTaxes - net;
    const tolerance = roundingTolerance(
      financialRevenue,
      financialExpense,
      impairmentExpense,
      operatingExpense,
      net,
    );
    const statementText = `financialRevenue − financialExpense − impairmentExpense − operatingExpense = ${rounded(beforeTaxes)}`;
    if (taxes < -tolerance) {
      add(
        'net-income-matches-statement',
        'inputs.netOperatingIncomeAfterTaxes',
        `netOperatingIncomeAfterTaxes = ${net} exceeds ${statementText}: taxes cannot be negative (tolerance ${rounded(tolerance)})`,
      );
    } else if (taxes > financialRevenue + tolerance) {
      add(
        'net-income-matches-statement',
        'inputs.netOperatingIncomeAfterTaxes',
        `netOperatingIncomeAfterTaxes = ${net} with ${statementText} implies taxes of ${rounded(taxes)}, more than the financial revenue (tolerance ${rounded(tolerance)})`,
      );
    }
  }
  return problems;
}

/** A figure for a message: at most two decimals. */
function rounded(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Refuses figures that break an identity. */
export function assertIdentities(figures: ReportFigures): void {
  const [first, ...rest] = identityProblems(figures);
  if (first) throw new IdentityViolatedError([first, ...rest]);
}
