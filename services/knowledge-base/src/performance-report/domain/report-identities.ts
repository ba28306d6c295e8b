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
  'amounts-non-negative': 'balances, revenue, expenses and adjustments are ≥ 0 (equity, net income and net impairment loss may be negative)',
  'amounts-finite': 'every figure is a finite number',
  'fx-rates-positive': 'exchange rates are > 0, and 1 for a report in USD',
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
    this.name = 'IdentityViolatedError';
    this.identity = first.identity;
    this.field = first.field;
  }

  /** One entry per problem, for the error body's field errors. */
  get problems(): Array<{ field: string; message: string }> {
    return this.violations.map((v) => ({ field: v.field, message: `${IDENTITIES[v.identity]} (${v.identity}): ${v.message}` }));
  }
}

/** Every identity the figures break (empty when the report is acceptable). */
export function identityProblems(figures: ReportFigures): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const add = (identity: IdentityName, field: string, message: string) => problems.push({ identity, field, message });
  const { inputs, fx } = figures;

  const period = periodProblem(figures.period);
  if (period) add('valid-period', period.field, period.message);

  if (!isCurrencyCode(figures.currency)) add('known-currency', 'currency', `${figures.currency} is not an ISO 4217 currency code`);
  for (const key of ['periodAverage', 'periodEnd'] as const) {
    const rate = fx?.[key];
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
      add('fx-rates-positive', `fx.${key}`, 'must be a number > 0 (units of the currency per USD)');
    } else if (figures.currency === 'USD' && rate !== 1) {
      add('fx-rates-positive', `fx.${key}`, 'must be 1 for a report in USD');
    }
  }

  const number = (field: string, value: unknown): value is number => {
    if (typeof value === 'number' && Number.isFinite(value)) return true;
    add('amounts-finite', field, 'must be a finite number');
    return false;
  };

  for (const key of MONEY_OPENING_CLOSING) {
    const pair = inputs[key] as Partial<{ opening: number; closing: number }> | undefined;
    for (const end of ['opening', 'closing'] as const) {
      const value = pair?.[end];
      if (value === undefined || value === null) {
        add('averages-need-opening-and-closing', `inputs.${key}.${end}`, `average ${key} needs the ${end} balance`);
      } else if (number(`inputs.${key}.${end}`, value) && key !== 'equity' && value < 0) {
        add('amounts-non-negative', `inputs.${key}.${end}`, `is ${value}`);
      }
    }
  }
  const borrowers = inputs.activeBorrowers as Partial<{ opening: number; closing: number }> | undefined;
  for (const end of ['opening', 'closing'] as const) {
    const value = borrowers?.[end];
    if (value === undefined || value === null) {
      add('averages-need-opening-and-closing', `inputs.activeBorrowers.${end}`, `average active borrowers needs the ${end} count`);
    } else if (!Number.isSafeInteger(value) || value < 0) {
      add('counts-are-whole-non-negative', `inputs.activeBorrowers.${end}`, `is ${String(value)}`);
    }
  }
  for (const key of COUNT_FIELDS) {
    const value = inputs[key];
    if (!Number.isSafeInteger(value) || value < 0) add('counts-are-whole-non-negative', `inputs.${key}`, `is ${String(value)}`);
  }

  const nonNegative = ['impairmentAllowance', 'voluntarySavings', 'par30Balance', 'renegotiatedLoans', 'financialRevenue', 'portfolioRevenue', 'financialExpense', 'operatingExpense'] as const;
  for (const key of nonNegative) {
    const value = inputs[key];
    if (number(`inputs.${key}`, value) && value < 0) add('amounts-non-negative', `inputs.${key}`, `is ${value}`);
  }
  number('inputs.impairmentExpense', inputs.impairmentExpense);
  number('inputs.netOperatingIncomeAfterTaxes', inputs.netOperatingIncomeAfterTaxes);
  if (number('inputs.writeOffs', inputs.writeOffs) && inputs.writeOffs < 0) {
    add('write-offs-non-negative', 'inputs.writeOffs', `is ${inputs.writeOffs}`);
  }
  if (inputs.adjustments) {
    for (const key of ADJUSTMENT_FIELDS) {
      const value = inputs.adjustments[key];
      if (number(`inputs.adjustments.${key}`, value) && value < 0) {
        add('amounts-non-negative', `inputs.adjustments.${key}`, `is ${value}`);
      }
    }
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
    add('loan-officers-within-personnel', 'inputs.loanOfficers', `${inputs.loanOfficers} loan officers exceed ${inputs.personnel} personnel`);
  }
  return problems;
}

/** Refuses figures that break an identity. */
export function assertIdentities(figures: ReportFigures): void {
  const [first, ...rest] = identityProblems(figures);
  if (first) throw new IdentityViolatedError([first, ...rest]);
}
