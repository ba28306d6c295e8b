import type { RecordedEvent } from '@sfp/event-sourcing';
import { PublicEventHistory, type EventData } from '../../test/support/public-event-history';

/** What a fixture report gives: the inputs the section reads and the ratios the knowledge base computed. */
export interface FixtureReport {
  period: { start: string; end: string };
  currency: string;
  /** Units of the currency per USD (one rate for stocks and flows, to keep the arithmetic short). */
  rate: number;
  borrowers: { opening: number; closing: number };
  women: number;
  rural: number;
  savers: number;
  glp: { opening: number; closing: number };
  /** Financial, impairment and operating expense of the period. */
  expenses: [number, number, number];
  /** Subsidised funding cost and in-kind subsidies (absent: no FSS). */
  adjustments?: [number, number];
  ratios: Record<string, number | null>;
}

interface FixtureInstitution {
  name: string;
  country: string;
  region: string;
}

/**
 * Builds knowledge base public events with real report figures, in the shape
 * of services/knowledge-base's events (PerformanceReportFiled and Restated,
 * TargetSet and StatusChanged, ImpactAssessmentRecorded and Revised).
 */
export class KnowledgeOutcomesHistory extends PublicEventHistory {
  private readonly institutions = new Map<string, FixtureInstitution>();

  constructor() {
    super('knowledge-base', 'analyst-1');
  }

  register(institutionId: string, at: string, i: FixtureInstitution): RecordedEvent {
    this.institutions.set(institutionId, i);
    return this.record(`institution-${institutionId}`, 'InstitutionRegistered', at, {
      institutionId,
      ...i,
      kind: 'mfi',
      legalType: 'ngo',
      programmes: ['youth-employment'],
      registeredBy: 'analyst-1',
      registeredAt: at,
    });
  }

  private version(reportId: string, institutionId: string, version: number, r: FixtureReport) {
    const i = this.institutions.get(institutionId);
    const [financialExpense, impairmentExpense, operatingExpense] = r.expenses;
    return {
      reportId,
      institutionId,
      version,
      period: r.period,
      year: Number(r.period.end.slice(0, 4)),
      currency: r.currency,
      fx: { periodAverage: r.rate, periodEnd: r.rate },
      inputs: {
        totalAssets: { opening: r.glp.opening * 1.2, closing: r.glp.closing * 1.2 },
        equity: { opening: r.glp.opening * 0.3, closing: r.glp.closing * 0.3 },
        grossLoanPortfolio: r.glp,
        impairmentAllowance: 0,
        voluntarySavings: r.savers * 10,
        par30Balance: 0,
        renegotiatedLoans: 0,
        writeOffs: 0,
        financialRevenue: 0,
        portfolioRevenue: 0,
        financialExpense,
        impairmentExpense,
        operatingExpense,
        netOperatingIncomeAfterTaxes: 0,
        ...(r.adjustments
          ? {
              adjustments: {
                subsidisedFundingCost: r.adjustments[0],
                inKindSubsidies: r.adjustments[1],
                inflationOnEquity: 0,
                impairmentLoss: 0,
              },
            }
          : {}),
        activeBorrowers: r.borrowers,
        activeWomenBorrowers: r.women,
        ruralClients: r.rural,
        voluntarySavers: r.savers,
        loanOfficers: 10,
        personnel: 20,
      },
      ratios: Object.fromEntries(
        Object.entries(r.ratios).map(([k, v]) => [
          k,
          v === null ? { value: null, reason: 'not given' } : { value: v },
        ]),
      ),
      institution: { ...i, kind: 'mfi', legalType: 'ngo', programmes: ['youth-employment'] },
    };
  }

  file(reportId: string, institutionId: string, at: string, r: FixtureReport): RecordedEvent {
    return this.record(`performance-report-${reportId}`, 'PerformanceReportFiled', at, {
      ...this.version(reportId, institutionId, 1, r),
      filedBy: 'analyst-1',
      filedAt: at,
    });
  }

  restate(
    reportId: string,
    institutionId: string,
    at: string,
    version: number,
    r: FixtureReport,
  ): RecordedEvent {
    return this.record(`performance-report-${reportId}`, 'PerformanceReportRestated', at, {
      ...this.version(reportId, institutionId, version, r),
      previousVersion: version - 1,
      reason: 'Audited figures',
      changedRatios: ['par30'],
      restatedBy: 'analyst-1',
      restatedAt: at,
    });
  }

  setTarget(
    targetId: string,
    at: string,
    target: {
      scope: EventData;
      indicator: string;
      comparator: 'at-least' | 'at-most';
      threshold: number;
      dueDate: string;
    },
  ): RecordedEvent {
    return this.record(`target-${targetId}`, 'TargetSet', at, {
      targetId,
      ...target,
      tolerance: 0.1,
      setBy: 'analyst-1',
      setAt: at,
    });
  }

  targetStatus(
    targetId: string,
    at: string,
    change: { previousStatus: string; status: string; value: number | null },
  ): RecordedEvent {
    return this.record(`target-${targetId}`, 'TargetStatusChanged', at, {
      targetId,
      scope: { kind: 'portfolio' },
      indicator: 'oss',
      comparator: 'at-least',
      threshold: 1,
      tolerance: 0.1,
      ...change,
      basis: { reportIds: [], versions: [] },
      evaluatedAt: at,
    });
  }

  withdraw(targetId: string, at: string): RecordedEvent {
    return this.record(`target-${targetId}`, 'TargetWithdrawn', at, {
      targetId,
      scope: { kind: 'portfolio' },
      reason: 'Replaced',
      withdrawnBy: 'analyst-1',
      withdrawnAt: at,
    });
  }

  private assessment(status: string, title: string, outcomes: Array<[string, string]>) {
    return {
      title,
      summary: `${title}: summary`,
      investigators: ['A. Researcher'],
      country: 'SN',
      status,
      surveyRounds: [],
      design: { method: 'rct' },
      sample: {},
      outcomes: outcomes.map(([outcome, finding]) => ({
        outcome,
        estimator: 'ITT',
        effectSize: 0.1,
        finding,
      })),
      links: [],
      themes: ['gender'],
      tags: [],
    };
  }

  recordAssessment(
    assessmentId: string,
    at: string,
    status: string,
    title: string,
    outcomes: Array<[string, string]> = [],
  ): RecordedEvent {
    return this.record(`impact-assessment-${assessmentId}`, 'ImpactAssessmentRecorded', at, {
      assessmentId,
      assessment: this.assessment(status, title, outcomes),
      recordedBy: 'analyst-1',
      recordedAt: at,
    });
  }

  reviseAssessment(
    assessmentId: string,
    at: string,
    revision: number,
    status: string,
    title: string,
    outcomes: Array<[string, string]> = [],
  ): RecordedEvent {
    return this.record(`impact-assessment-${assessmentId}`, 'ImpactAssessmentRevised', at, {
      assessmentId,
      revision,
      assessment: this.assessment(status, title, outcomes),
      reason: 'Endline results',
      revisedBy: 'analyst-1',
      revisedAt: at,
    });
  }
}

const FY = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });
const H1 = (year: number) => ({ start: `${year}-01-01`, end: `${year}-06-30` });

/**
 * Three institutions over 2025 and 2026 (the figures are worked by hand in
 * knowledge-outcomes.report-section.spec.ts):
 *  A "Alpha Microfinance" (africa, XOF at 500 per USD), registered 2024-06-01:
 *    A-25H1 (first half 2025, filed 2025-08-01), A-25FY (2025, filed 2026-02-05),
 *    A-26H1 (first half 2026, filed 2026-08-10);
 *  B "Bayan Credit" (asia-pacific, USD), registered 2025-01-10:
 *    B-25FY (2025, filed 2026-02-15, restated 2026-02-19: PAR30 10 % → 8 %), B-26H1 (filed 2026-08-10);
 *  C "Caribe Fondo" (americas, USD), registered 2026-01-20: C-26H1 (filed 2026-08-11).
 *  Targets: TE A women ≥ 60 % due 2025-12-31 (on-track 2025-08-02);
 *           TF B OSS due 2025-06-30, withdrawn 2025-05-01;
 *           TA A OSS ≥ 110 % due 2026-12-31 (on-track 2026-02-10);
 *           TB B PAR30 ≤ 5 % due 2026-06-30 (off-track 2026-02-20, at-risk 2026-08-11);
 *           TC C PAR30 ≤ 10 % due 2026-09-30 (off-track 2026-08-12);
 *           TD portfolio OSS ≥ 110 % due 2026-12-31 (on-track 1.12 2026-02-10, at-risk 1.08 2026-08-12).
 *  Impact assessments: IA1 ongoing 2025-03-01, completed 2025-10-01 (income positive,
 *    consumption null), revised again 2026-04-01; IA2 completed when recorded 2026-02-01
 *    (women's decision-making mixed); IA3 planned 2026-03-01.
 */
export function knowledgeOutcomesHistory(): KnowledgeOutcomesHistory {
  const h = new KnowledgeOutcomesHistory();
  h.register('A', '2024-06-01T00:00:00.000Z', {
    name: 'Alpha Microfinance',
    country: 'SN',
    region: 'africa',
  });
  h.register('B', '2025-01-10T00:00:00.000Z', {
    name: 'Bayan Credit',
    country: 'PH',
    region: 'asia-pacific',
  });
  h.setTarget('TE', '2025-01-15T00:00:00.000Z', {
    scope: { kind: 'institution', institutionId: 'A' },
    indicator: 'womenBorrowersShare',
    comparator: 'at-least',
    threshold: 0.6,
    dueDate: '2025-12-31',
  });
  h.setTarget('TF', '2025-01-15T00:00:00.000Z', {
    scope: { kind: 'institution', institutionId: 'B' },
    indicator: 'oss',
    comparator: 'at-least',
    threshold: 1,
    dueDate: '2025-06-30',
  });
  h.recordAssessment('IA1', '2025-03-01T00:00:00.000Z', 'ongoing', 'Savings groups in Senegal');
  h.withdraw('TF', '2025-05-01T00:00:00.000Z');
  h.file('A-25H1', 'A', '2025-08-01T00:00:00.000Z', {
    period: H1(2025),
    currency: 'XOF',
    rate: 500,
    borrowers: { opening: 900, closing: 950 },
    women: 570,
    rural: 300,
    savers: 1800,
    glp: { opening: 250_000_000, closing: 300_000_000 },
    expenses: [20_000_000, 5_000_000, 40_000_000],
    ratios: { oss: 0.5, par30: 0.2, writeOffRatio: 0.1, depth: 0.9, womenBorrowersShare: 0.6 },
  });
  h.targetStatus('TE', '2025-08-02T00:00:00.000Z', {
    previousStatus: 'no-data',
    status: 'on-track',
    value: 0.6,
  });
  h.reviseAssessment(
    'IA1',
    '2025-10-01T00:00:00.000Z',
    1,
    'completed',
    'Savings groups in Senegal',
    [
      ['income', 'positive'],
      ['consumption', 'null'],
    ],
  );
  h.register('C', '2026-01-20T00:00:00.000Z', {
    name: 'Caribe Fondo',
    country: 'HN',
    region: 'americas',
  });
  h.setTarget('TA', '2026-01-25T00:00:00.000Z', {
    scope: { kind: 'institution', institutionId: 'A' },
    indicator: 'oss',
    comparator: 'at-least',
    threshold: 1.1,
    dueDate: '2026-12-31',
  });
  h.setTarget('TB', '2026-01-25T00:00:00.000Z', {
    scope: { kind: 'institution', institutionId: 'B' },
    indicator: 'par30',
    comparator: 'at-most',
    threshold: 0.05,
    dueDate: '2026-06-30',
  });
  h.setTarget('TC', '2026-01-25T00:00:00.000Z', {
    scope: { kind: 'institution', institutionId: 'C' },
    indicator: 'par30',
    comparator: 'at-most',
    threshold: 0.1,
    dueDate: '2026-09-30',
  });
  h.setTarget('TD', '2026-01-25T00:00:00.000Z', {
    scope: { kind: 'portfolio' },
    indicator: 'oss',
    comparator: 'at-least',
    threshold: 1.1,
    dueDate: '2026-12-31',
  });
  h.recordAssessment(
    'IA2',
    '2026-02-01T00:00:00.000Z',
    'completed',
    'Credit with gender training in Peru',
    [['womens-decision-making', 'mixed']],
  );
  h.file('A-25FY', 'A', '2026-02-05T00:00:00.000Z', {
    period: FY(2025),
    currency: 'XOF',
    rate: 500,
    borrowers: { opening: 900, closing: 1000 },
    women: 600,
    rural: 400,
    savers: 2000,
    glp: { opening: 250_000_000, closing: 350_000_000 },
    expenses: [50_000_000, 10_000_000, 90_000_000],
    adjustments: [25_000_000, 0],
    ratios: {
      oss: 1.2,
      fss: 1.0,
      par30: 0.04,
      writeOffRatio: 0.01,
      depth: 0.5,
      womenBorrowersShare: 0.6,
    },
  });
  h.targetStatus('TA', '2026-02-10T00:00:00.000Z', {
    previousStatus: 'no-data',
    status: 'on-track',
    value: 1.2,
  });
  h.targetStatus('TD', '2026-02-10T00:00:00.000Z', {
    previousStatus: 'no-data',
    status: 'on-track',
    value: 1.12,
  });
  const b25: FixtureReport = {
    period: FY(2025),
    currency: 'USD',
    rate: 1,
    borrowers: { opening: 3000, closing: 3000 },
    women: 1500,
    rural: 2400,
    savers: 0,
    glp: { opening: 900_000, closing: 1_100_000 },
    expenses: [100_000, 20_000, 280_000],
    ratios: { oss: 1.0, fss: null, par30: 0.1, writeOffRatio: 0.03, depth: 1.2 },
  };
  h.file('B-25FY', 'B', '2026-02-15T00:00:00.000Z', b25);
  h.restate('B-25FY', 'B', '2026-02-19T00:00:00.000Z', 2, {
    ...b25,
    ratios: { ...b25.ratios, par30: 0.08 },
  });
  h.targetStatus('TB', '2026-02-20T00:00:00.000Z', {
    previousStatus: 'no-data',
    status: 'off-track',
    value: 0.08,
  });
  h.recordAssessment('IA3', '2026-03-01T00:00:00.000Z', 'planned', 'Youth loans in Kenya');
  h.reviseAssessment(
    'IA1',
    '2026-04-01T00:00:00.000Z',
    2,
    'completed',
    'Savings groups in Senegal',
    [
      ['income', 'positive'],
      ['consumption', 'null'],
    ],
  );
  h.file('A-26H1', 'A', '2026-08-10T00:00:00.000Z', {
    period: H1(2026),
    currency: 'XOF',
    rate: 500,
    borrowers: { opening: 1000, closing: 1200 },
    women: 780,
    rural: 480,
    savers: 2400,
    glp: { opening: 350_000_000, closing: 450_000_000 },
    expenses: [30_000_000, 5_000_000, 65_000_000],
    adjustments: [10_000_000, 0],
    ratios: {
      oss: 1.25,
      fss: 1.1,
      par30: 0.05,
      writeOffRatio: 0.02,
      depth: 0.6,
      womenBorrowersShare: 0.65,
    },
  });
  h.file('B-26H1', 'B', '2026-08-10T00:00:00.000Z', {
    period: H1(2026),
    currency: 'USD',
    rate: 1,
    borrowers: { opening: 3000, closing: 2800 },
    women: 1400,
    rural: 2100,
    savers: 0,
    glp: { opening: 1_100_000, closing: 1_300_000 },
    expenses: [60_000, 10_000, 130_000],
    ratios: { oss: 1.05, fss: null, par30: 0.06, writeOffRatio: 0.025, depth: 1.3 },
  });
  h.targetStatus('TB', '2026-08-11T00:00:00.000Z', {
    previousStatus: 'off-track',
    status: 'at-risk',
    value: 0.06,
  });
  h.file('C-26H1', 'C', '2026-08-11T00:00:00.000Z', {
    period: H1(2026),
    currency: 'USD',
    rate: 1,
    borrowers: { opening: 0, closing: 1000 },
    women: 900,
    rural: 100,
    savers: 500,
    glp: { opening: 100_000, closing: 300_000 },
    expenses: [10_000, 5_000, 85_000],
    adjustments: [0, 25_000],
    ratios: { oss: 0.8, fss: 0.7, par30: 0.12, writeOffRatio: 0, depth: 0.25 },
  });
  h.targetStatus('TC', '2026-08-12T00:00:00.000Z', {
    previousStatus: 'no-data',
    status: 'off-track',
    value: 0.12,
  });
  h.targetStatus('TD', '2026-08-12T00:00:00.000Z', {
    previousStatus: 'on-track',
    status: 'at-risk',
    value: 1.08,
  });
  return h;
}
