import { KNOWLEDGE_BASE_EVENT_TYPES as T } from './knowledge-base.public-events';

/** The part of a public event the folds read. */
export interface KnowledgeBaseEvent {
  type: string;
  data: Record<string, unknown>;
}

const str = (d: Record<string, unknown>, f: string) => String(d[f]);

/** One institution of the knowledge base, as reporting keeps it. */
export interface InstitutionFacts {
  institutionId: string;
  name: string;
  kind: string;
  legalType: string;
  country: string;
  region: string;
  programmes: string[];
  /** registered, active, suspended, closed. */
  status: string;
  registeredAt: string;
  lastChangedAt: string;
}

export function evolveInstitutionFacts(
  current: InstitutionFacts | undefined,
  event: KnowledgeBaseEvent,
): InstitutionFacts | undefined {
  const d = event.data;
  if (event.type === T.institutionRegistered) {
    return {
      institutionId: str(d, 'institutionId'),
      name: str(d, 'name'),
      kind: str(d, 'kind'),
      legalType: str(d, 'legalType'),
      country: str(d, 'country'),
      region: str(d, 'region'),
      programmes: [...(d['programmes'] as string[])],
      status: 'registered',
      registeredAt: str(d, 'registeredAt'),
      lastChangedAt: str(d, 'registeredAt'),
    };
  }
  if (!current) return undefined;
  const status: Record<string, string> = {
    [T.institutionActivated]: 'active',
    [T.institutionReinstated]: 'active',
    [T.institutionSuspended]: 'suspended',
    [T.institutionClosed]: 'closed',
  };
  const next = status[event.type];
  return next ? { ...current, status: next, lastChangedAt: str(d, 'at') } : undefined;
}

/** One performance report (all its versions folded): who reported, for which period, when. */
export interface PerformanceReportFacts {
  reportId: string;
  institutionId: string;
  institutionName: string;
  institutionKind: string;
  region: string;
  country: string;
  periodStart: string;
  periodEnd: string;
  year: number;
  version: number;
  filedAt: string;
  restatementCount: number;
  /** When each restatement was recorded. */
  restatedAt: string[];
  /** The figures of the current version that the outcome figures read (null when absent). */
  figures: ReportOutcomeFigures;
  /** Every standard ratio of the current version (null when the knowledge base found none). */
  ratios: Record<string, number | null>;
}

/**
 * What the knowledge management section aggregates from one report: people
 * (at period end) and the USD denominators of the ratios it weighs (money
 * converted as the knowledge base does: stocks at the period-end rate, flows
 * at the period-average rate, annualised when the period is shorter than a year).
 */
export interface ReportOutcomeFigures {
  activeBorrowers: number | null;
  activeWomenBorrowers: number | null;
  ruralClients: number | null;
  voluntarySavers: number | null;
  /** Gross loan portfolio at period end (USD): PAR30's denominator. */
  glpUsd: number | null;
  /** Average gross loan portfolio (USD): the write-off ratio's denominator. */
  averageGlpUsd: number | null;
  /** Financial expense + impairment expense + operating expense (USD, annualised): OSS's denominator. */
  expensesUsd: number | null;
  /** The same plus the subsidy and inflation adjustments: FSS's denominator (null without adjustments). */
  adjustedExpensesUsd: number | null;
}

export function evolvePerformanceReportFacts(
  current: PerformanceReportFacts | undefined,
  event: KnowledgeBaseEvent,
): PerformanceReportFacts | undefined {
  if (event.type !== T.reportFiled && event.type !== T.reportRestated) return undefined;
  const d = event.data;
  const institution = d['institution'] as Record<string, unknown>;
  const period = d['period'] as Record<string, unknown>;
  const version = {
    institutionName: String(institution['name'] ?? ''),
    institutionKind: String(institution['kind'] ?? ''),
    region: String(institution['region']),
    country: String(institution['country'] ?? ''),
    periodStart: String(period['start'] ?? ''),
    periodEnd: String(period['end'] ?? ''),
    year: Number(d['year']),
    version: Number(d['version']),
    figures: reportOutcomeFigures(d),
    ratios: ratioValues(d['ratios']),
  };
  if (event.type === T.reportFiled) {
    return {
      reportId: str(d, 'reportId'),
      institutionId: str(d, 'institutionId'),
      ...version,
      filedAt: str(d, 'filedAt'),
      restatementCount: 0,
      restatedAt: [],
    };
  }
  if (event.type === T.reportRestated && current) {
    return {
      ...current,
      ...version,
      restatementCount: current.restatementCount + 1,
      restatedAt: [...current.restatedAt, str(d, 'restatedAt')],
    };
  }
  return undefined;
}

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const obj = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
const closing = (value: unknown) => num(obj(value)['closing']);
const opening = (value: unknown) => num(obj(value)['opening']);

/** The ratios of a report version as plain values ({value} or {value: null, reason} in the event). */
function ratioValues(ratios: unknown): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(obj(ratios)).map(([key, ratio]) => [key, num(obj(ratio)['value'])]),
  );
}

/** The factor that makes a period's flows a year's (1 for a year; whole months counted as months). */
export function annualisationFactor(start: string, end: string): number | null {
  const from = Date.parse(`${start}T00:00:00.000Z`);
  const to = Date.parse(`${end}T00:00:00.000Z`);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
  const DAY = 86_400_000;
  const first = new Date(from);
  const next = new Date(to + DAY);
  const months =
    first.getUTCDate() === 1 && next.getUTCDate() === 1
      ? (next.getUTCFullYear() - first.getUTCFullYear()) * 12 +
        next.getUTCMonth() -
        first.getUTCMonth()
      : undefined;
  const years = months !== undefined ? months / 12 : (Math.round((to - from) / DAY) + 1) / 365;
  return years < 1 ? 1 / years : 1;
}

function reportOutcomeFigures(d: Record<string, unknown>): ReportOutcomeFigures {
  const inputs = obj(d['inputs']);
  const fx = obj(d['fx']);
  const period = obj(d['period']);
  const endRate = num(fx['periodEnd']);
  const averageRate = num(fx['periodAverage']);
  const annualise = annualisationFactor(String(period['start']), String(period['end']));
  const stock = (amount: number | null) =>
    amount === null || endRate === null || endRate <= 0 ? null : amount / endRate;
  const flow = (amount: number | null) =>
    amount === null || averageRate === null || averageRate <= 0 || annualise === null
      ? null
      : (amount / averageRate) * annualise;
  const sum = (values: Array<number | null>) =>
    values.some((v) => v === null) ? null : (values as number[]).reduce((s, v) => s + v, 0);
  const glp = inputs['grossLoanPortfolio'];
  const glpOpening = opening(glp);
  const glpClosing = closing(glp);
  const expenses = flow(
    sum([
      num(inputs['financialExpense']),
      num(inputs['impairmentExpense']),
      num(inputs['operatingExpense']),
    ]),
  );
  const adjustments = inputs['adjustments'];
  const a = obj(adjustments);
  const adjustment =
    adjustments === undefined || adjustments === null
      ? null
      : flow(
          sum([
            num(a['subsidisedFundingCost']),
            num(a['inKindSubsidies']),
            num(a['inflationOnEquity']),
            num(a['impairmentLoss']),
          ]),
        );
  return {
    activeBorrowers: closing(inputs['activeBorrowers']),
    activeWomenBorrowers: num(inputs['activeWomenBorrowers']),
    ruralClients: num(inputs['ruralClients']),
    voluntarySavers: num(inputs['voluntarySavers']),
    glpUsd: stock(glpClosing),
    averageGlpUsd:
      glpOpening === null || glpClosing === null ? null : stock((glpOpening + glpClosing) / 2),
    expensesUsd: expenses,
    adjustedExpensesUsd: expenses === null || adjustment === null ? null : expenses + adjustment,
  };
}

/** One target on an indicator, with its latest status and every status change. */
export interface TargetFacts {
  targetId: string;
  scopeKind: string;
  /** The institution of an institution's target, else null. */
  institutionId: string | null;
  /** The programme of a programme's target, else null. */
  programme: string | null;
  indicator: string;
  comparator: string;
  threshold: number;
  /** The due date as an instant (midnight UTC), so periods compare it like any timestamp. */
  dueAt: string;
  /** no-data, on-track, at-risk, off-track; withdrawn once withdrawn. */
  status: string;
  value: number | null;
  setAt: string;
  lastEvaluatedAt: string | null;
  withdrawn: boolean;
  /** `<evaluatedAt>|<status>` of every change, oldest first. */
  statusChanges: string[];
  /** Every status change with the value it was evaluated on, oldest first. */
  evaluations: TargetEvaluation[];
}

export interface TargetEvaluation {
  at: string;
  status: string;
  value: number | null;
}

export function evolveTargetFacts(
  current: TargetFacts | undefined,
  event: KnowledgeBaseEvent,
): TargetFacts | undefined {
  const d = event.data;
  if (event.type === T.targetSet) {
    const scope = d['scope'] as Record<string, unknown>;
    const due = str(d, 'dueDate');
    return {
      targetId: str(d, 'targetId'),
      scopeKind: String(scope['kind'] ?? ''),
      institutionId: typeof scope['institutionId'] === 'string' ? scope['institutionId'] : null,
      programme: typeof scope['programme'] === 'string' ? scope['programme'] : null,
      indicator: str(d, 'indicator'),
      comparator: str(d, 'comparator'),
      threshold: Number(d['threshold']),
      dueAt: /^\d{4}-\d{2}-\d{2}$/.test(due) ? `${due}T00:00:00.000Z` : due,
      status: 'no-data',
      value: null,
      setAt: str(d, 'setAt'),
      lastEvaluatedAt: null,
      withdrawn: false,
      statusChanges: [],
      evaluations: [],
    };
  }
  if (!current) return undefined;
  if (event.type === T.targetStatusChanged) {
    const at = str(d, 'evaluatedAt');
    const value = typeof d['value'] === 'number' ? d['value'] : null;
    return {
      ...current,
      status: str(d, 'status'),
      value,
      lastEvaluatedAt: at,
      statusChanges: [...current.statusChanges, `${at}|${str(d, 'status')}`],
      evaluations: [...(current.evaluations ?? []), { at, status: str(d, 'status'), value }],
    };
  }
  if (event.type === T.targetWithdrawn) return { ...current, status: 'withdrawn', withdrawn: true };
  return undefined;
}

/** One impact assessment of the library: when it was completed and its headline findings. */
export interface ImpactAssessmentFacts {
  assessmentId: string;
  title: string;
  summary: string;
  country: string;
  /** planned, ongoing, completed, abandoned. */
  status: string;
  /** The design's method (rct, difference-in-differences, ...). */
  design: string;
  /** Each outcome estimated and its finding (positive, null, negative, mixed). */
  findings: Array<{ outcome: string; finding: string }>;
  recordedAt: string;
  lastChangedAt: string;
  /** When a recording or revision first said it was completed, else null. */
  completedAt: string | null;
}

export function evolveImpactAssessmentFacts(
  current: ImpactAssessmentFacts | undefined,
  event: KnowledgeBaseEvent,
): ImpactAssessmentFacts | undefined {
  const d = event.data;
  const recorded = event.type === T.impactAssessmentRecorded;
  if (!recorded && (event.type !== T.impactAssessmentRevised || !current)) return undefined;
  const at = str(d, recorded ? 'recordedAt' : 'revisedAt');
  const a = obj(d['assessment']);
  const status = String(a['status'] ?? '');
  const outcomes = Array.isArray(a['outcomes']) ? (a['outcomes'] as unknown[]) : [];
  return {
    assessmentId: str(d, 'assessmentId'),
    title: String(a['title'] ?? ''),
    summary: String(a['summary'] ?? ''),
    country: String(a['country'] ?? ''),
    status,
    design: String(obj(a['design'])['method'] ?? ''),
    findings: outcomes.map((o) => ({
      outcome: String(obj(o)['outcome'] ?? ''),
      finding: String(obj(o)['finding'] ?? ''),
    })),
    recordedAt: current?.recordedAt ?? at,
    lastChangedAt: at,
    completedAt: current?.completedAt ?? (status === 'completed' ? at : null),
  };
}
