import { figuresByName, foldFacts } from '../../../test/support/report-figures';
import { previousReportPeriod } from '../../report/domain/previous-period';
import { sectionTables } from '../../report/domain/progress-report';
import { parseReportPeriod } from '../../report/domain/report-period';
import { REPORT_LABELS } from '../../report/report-labels';
import { knowledgeOutcomesHistory } from '../knowledge-outcomes.fixture';
import {
  evolveImpactAssessmentFacts,
  evolveInstitutionFacts,
  evolvePerformanceReportFacts,
  evolveTargetFacts,
  type KnowledgeBaseEvent,
} from './knowledge-base.facts';
import { knowledgeManagementReportSection } from './knowledge-management.report-section';
import { targetTrend } from './targets-against-results';

function fold<T>(
  evolve: (c: T | undefined, e: KnowledgeBaseEvent) => T | undefined,
  idField: string,
): T[] {
  return foldFacts(knowledgeOutcomesHistory().events, evolve, idField);
}

function section(period: string) {
  return knowledgeManagementReportSection(parseReportPeriod(period), {
    institutions: fold(evolveInstitutionFacts, 'institutionId'),
    reports: fold(evolvePerformanceReportFacts, 'reportId'),
    targets: fold(evolveTargetFacts, 'targetId'),
    assessments: fold(evolveImpactAssessmentFacts, 'assessmentId'),
  });
}

const table = (period: string, id: string) => {
  const found = section(period).tables?.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found.rows;
};

/*
 * The dataset (knowledge-outcomes.fixture.ts), worked by hand.
 *
 * 2025: the reports whose period ends last in 2025, per institution: A-25FY (not A-25H1, which
 * ends earlier) and B-25FY as restated (PAR30 8 %); C has none. USD: A at 500 XOF per USD.
 *   institution  borrowers women rural savers  depth  OSS   weight(expenses USD)  FSS  adj. USD
 *   A            1,000     600   400   2,000   0.5    1.2   150,000,000/500 = 300,000   1.0  350,000
 *   B            3,000     1,500 2,400 0       1.2    1.0   400,000                n/a  —
 *                PAR30  GLP end USD   write-off  average GLP USD
 *   A            0.04   700,000       0.01       300,000,000/500 = 600,000
 *   B            0.08   1,100,000     0.03       1,000,000
 *   borrowers: 1,000 + 3,000 = 4,000, median 2,000; savers 2,000, median 1,000
 *   women: (600 + 1,500) / 4,000 = 52.5 %, median of 60 % and 50 % = 55 %
 *   rural: (400 + 2,400) / 4,000 = 70 %, median of 40 % and 80 % = 60 %
 *   depth: (0.5 × 1,000 + 1.2 × 3,000) / 4,000 = 1.025, median 0.85
 *   OSS: (1.2 × 300,000 + 1.0 × 400,000) / 700,000 = 108.571… → 108.57 %, median 110 %
 *   FSS: only A: 100 %, median 100 %, n 1
 *   PAR30: (0.04 × 700,000 + 0.08 × 1,100,000) / 1,800,000 = 116,000 / 1,800,000 = 6.44 %, median 6 %
 *   write-off: (0.01 × 600,000 + 0.03 × 1,000,000) / 1,600,000 = 2.25 %, median 2 %
 *   filed in 2025: A-25H1 only (A, africa); restated: none; registered: B
 *   impact: IA1 completed 2025-10-01 (income positive, consumption null)
 *   targets due: TE (A women ≥ 60 %), judged on A's reports up to its due date: A-25FY 60 %
 *     against A-25H1 60 % → steady; on track
 *     (TF withdrawn); status changes: TE on-track
 *
 * 2026: the first-half reports A-26H1, B-26H1, C-26H1 (flows × 2 to a year)
 *   institution  borrowers women rural savers  depth  OSS   expenses USD ×2   FSS  adj. USD ×2
 *   A            1,200     780   480   2,400   0.6    1.25  200,000 × 2 = 400,000  1.1  440,000
 *   B            2,800     1,400 2,100 0       1.3    1.05  200,000 × 2 = 400,000  n/a  —
 *   C            1,000     900   100   500     0.25   0.8   100,000 × 2 = 200,000  0.7  250,000
 *                PAR30  GLP end USD   write-off  average GLP USD
 *   A            0.05   900,000       0.02       800,000
 *   B            0.06   1,300,000     0.025      1,200,000
 *   C            0.12   300,000       0          200,000
 *   borrowers 5,000, median 1,200; savers 2,900, median 500
 *   women: 3,080 / 5,000 = 61.6 %, median of 65, 50, 90 = 65 %
 *   rural: 2,680 / 5,000 = 53.6 %, median of 40, 75, 10 = 40 %
 *   depth: (720 + 3,640 + 250) / 5,000 = 0.922, median 0.6
 *   OSS: (500,000 + 420,000 + 160,000) / 1,000,000 = 108 %, median 105 %
 *   FSS: (1.1 × 440,000 + 0.7 × 250,000) / 690,000 = 659,000 / 690,000 = 95.51 %, median 90 %, n 2
 *   PAR30: (45,000 + 78,000 + 36,000) / 2,500,000 = 6.36 %, median 6 %
 *   write-off: (16,000 + 30,000 + 0) / 2,200,000 = 2.09 %, median 2 %, n 3 (0 is a value)
 *   filed in 2026: A-25FY, B-25FY, A-26H1, B-26H1, C-26H1 = 5 by A, B, C; restated: B-25FY once;
 *   registered: C; impact: IA2 (mixed); IA1's revision in 2026 does not complete it again; IA3 planned
 *   targets due, by due date: TB (B PAR30 ≤ 5 %: 6 % now, 8 % before → improving; at risk since 08-11),
 *     TC (C PAR30 ≤ 10 %: 12 %, no earlier report; off track), TA (A OSS ≥ 110 %: 125 % against
 *     120 % → improving; on track), TD (portfolio OSS ≥ 110 %: evaluations 1.12 then 1.08 →
 *     worsening; at risk); status changes: TA on, TD on, TB off, TB at-risk, TC off, TD at-risk = 6
 */
describe('knowledge management section: outreach, sustainability, impact, targets (worked by hand)', () => {
  it('2025: two institutions with a report covering the year, weighted by the right denominators', () => {
    expect(figuresByName(section('2025').figures)).toEqual({
      institutionsRegistered: 1,
      institutionsReporting: 1,
      performanceReportsFiled: 1,
      performanceReportsRestated: 0,
      institutionsWithFigures: 2,
      activeBorrowersTotal: 4000,
      activeBorrowersMedian: 2000,
      activeBorrowersInstitutions: 2,
      activeSaversTotal: 2000,
      activeSaversMedian: 1000,
      activeSaversInstitutions: 2,
      womenBorrowersPercentWeighted: 52.5,
      womenBorrowersPercentMedian: 55,
      womenBorrowersInstitutions: 2,
      ruralClientsPercentWeighted: 70,
      ruralClientsPercentMedian: 60,
      ruralClientsInstitutions: 2,
      depthRatioWeighted: 1.025,
      depthRatioMedian: 0.85,
      depthInstitutions: 2,
      ossPercentWeighted: 108.57,
      ossPercentMedian: 110,
      ossInstitutions: 2,
      fssPercentWeighted: 100,
      fssPercentMedian: 100,
      fssInstitutions: 1,
      par30PercentWeighted: 6.44,
      par30PercentMedian: 6,
      par30Institutions: 2,
      writeOffPercentWeighted: 2.25,
      writeOffPercentMedian: 2,
      writeOffInstitutions: 2,
      impactAssessmentsCompleted: 1,
      targetsDue: 1,
      targetStatusChanges: 1,
      'institutionsReportingByRegion.africa': 1,
      'impactFindingsByFinding.null': 1,
      'impactFindingsByFinding.positive': 1,
      'targetsDueByStatus.on-track': 1,
      'targetsDueByIndicator.womenBorrowersShare': 1,
      'targetsDueByTrend.steady': 1,
      'targetStatusChangesByStatus.on-track': 1,
    });
  });

  it('2026: three institutions from their first-half reports (flows annualised), a restated report as restated', () => {
    expect(figuresByName(section('2026').figures)).toEqual({
      institutionsRegistered: 1,
      institutionsReporting: 3,
      performanceReportsFiled: 5,
      performanceReportsRestated: 1,
      institutionsWithFigures: 3,
      activeBorrowersTotal: 5000,
      activeBorrowersMedian: 1200,
      activeBorrowersInstitutions: 3,
      activeSaversTotal: 2900,
      activeSaversMedian: 500,
      activeSaversInstitutions: 3,
      womenBorrowersPercentWeighted: 61.6,
      womenBorrowersPercentMedian: 65,
      womenBorrowersInstitutions: 3,
      ruralClientsPercentWeighted: 53.6,
      ruralClientsPercentMedian: 40,
      ruralClientsInstitutions: 3,
      depthRatioWeighted: 0.922,
      depthRatioMedian: 0.6,
      depthInstitutions: 3,
      ossPercentWeighted: 108,
      ossPercentMedian: 105,
      ossInstitutions: 3,
      fssPercentWeighted: 95.51,
      fssPercentMedian: 90,
      fssInstitutions: 2,
      par30PercentWeighted: 6.36,
      par30PercentMedian: 6,
      par30Institutions: 3,
      writeOffPercentWeighted: 2.09,
      writeOffPercentMedian: 2,
      writeOffInstitutions: 3,
      impactAssessmentsCompleted: 1,
      targetsDue: 4,
      targetStatusChanges: 6,
      'institutionsReportingByRegion.africa': 1,
      'institutionsReportingByRegion.americas': 1,
      'institutionsReportingByRegion.asia-pacific': 1,
      'impactFindingsByFinding.mixed': 1,
      'targetsDueByStatus.at-risk': 2,
      'targetsDueByStatus.off-track': 1,
      'targetsDueByStatus.on-track': 1,
      'targetsDueByIndicator.oss': 2,
      'targetsDueByIndicator.par30': 2,
      'targetsDueByTrend.improving': 2,
      'targetsDueByTrend.no-previous': 1,
      'targetsDueByTrend.worsening': 1,
      'targetStatusChangesByStatus.at-risk': 2,
      'targetStatusChangesByStatus.off-track': 2,
      'targetStatusChangesByStatus.on-track': 2,
    });
  });

  it('every figure carries its unit and a label, never a code', () => {
    const figures = section('2026').figures;
    const unitOf = (metric: string) => figures.find((f) => f.metric === metric)?.unit;
    expect(unitOf('activeBorrowersTotal')).toBe('count');
    expect(unitOf('ossPercentWeighted')).toBe('percent');
    expect(unitOf('depthRatioWeighted')).toBe('ratio');
    expect(unitOf('par30Institutions')).toBe('count');
    for (const f of figures) {
      expect(f.label).toMatch(/^[A-Z]/);
      expect(f.label).not.toBe(f.metric);
    }
    expect(figures.find((f) => f.metric === 'ossPercentWeighted')?.label).toBe(
      'Operational self-sufficiency (OSS, %, weighted by expenses)',
    );
  });

  it('targets against results: institution, indicator, target, actual, status and trend, in words', () => {
    expect(table('2026', 'targets-against-results')).toEqual([
      {
        institution: 'Bayan Credit',
        indicator: 'Portfolio at risk > 30 days (PAR30)',
        comparator: 'At most',
        target: 5,
        actual: 6,
        previous: 8,
        unit: 'percent',
        status: 'At risk',
        trend: 'Improving',
        dueDate: '2026-06-30',
        institutionId: 'B',
        targetId: 'TB',
      },
      expect.objectContaining({
        institution: 'Caribe Fondo',
        target: 10,
        actual: 12,
        previous: null,
        status: 'Off track',
        trend: 'No earlier value',
        targetId: 'TC',
      }),
      expect.objectContaining({
        institution: 'Alpha Microfinance',
        indicator: 'Operational self-sufficiency (OSS)',
        comparator: 'At least',
        target: 110,
        actual: 125,
        previous: 120,
        status: 'On track',
        trend: 'Improving',
        targetId: 'TA',
      }),
      expect.objectContaining({
        institution: 'Whole portfolio',
        target: 110,
        actual: 108,
        previous: 112,
        status: 'At risk',
        trend: 'Worsening',
        institutionId: null,
        targetId: 'TD',
      }),
    ]);
    expect(table('2025', 'targets-against-results')).toEqual([
      expect.objectContaining({
        institution: 'Alpha Microfinance',
        indicator: 'Women borrowers share',
        target: 60,
        actual: 60,
        previous: 60,
        status: 'On track',
        trend: 'Steady',
      }),
    ]);
  });

  it('a target is judged on the reports up to its due date, whenever they were filed', () => {
    // TB is due 2026-06-30: B-26H1 (filed in August) ends on the due date and is its actual
    // (6 %, against 8 % in B-25FY); the knowledge base's latest status (at risk) is shown.
    expect(table('2026-Q2', 'targets-against-results')).toEqual([
      expect.objectContaining({
        targetId: 'TB',
        status: 'At risk',
        actual: 6,
        previous: 8,
        trend: 'Improving',
      }),
    ]);
    // TE is due 2025-12-31: A-26H1 (2026) is after its due date, A-25FY is its actual.
    expect(table('2025', 'targets-against-results')[0]).toMatchObject({ actual: 60 });
  });

  it('outreach and sustainability table: aggregate, median, n and what weighs each figure', () => {
    const rows = table('2026', 'outreach-and-sustainability');
    expect(rows.map((r) => [r['figure'], r['aggregate'], r['median'], r['institutions']])).toEqual([
      ['Active borrowers', 5000, 1200, 3],
      ['Active voluntary savers', 2900, 500, 3],
      ['Women borrowers (% of active borrowers)', 61.6, 65, 3],
      ['Rural clients (% of active borrowers)', 53.6, 40, 3],
      ['Depth (average loan balance / GNI per capita)', 0.922, 0.6, 3],
      ['Operational self-sufficiency (OSS)', 108, 105, 3],
      ['Financial self-sufficiency (FSS)', 95.51, 90, 2],
      ['Portfolio at risk > 30 days (PAR30)', 6.36, 6, 3],
      ['Write-off ratio', 2.09, 2, 3],
    ]);
    expect(rows[7]?.['weightedBy']).toBe('Gross loan portfolio at period end (USD)');
  });

  it('lists the institutions behind the figures, each with its latest report and values', () => {
    expect(table('2025', 'institutions-reporting')).toEqual([
      {
        institution: 'Alpha Microfinance',
        region: 'Africa',
        reportPeriod: '2025-01-01 to 2025-12-31',
        activeBorrowers: 1000,
        activeSavers: 2000,
        womenPercent: 60,
        ruralPercent: 40,
        depth: 0.5,
        ossPercent: 120,
        fssPercent: 100,
        par30Percent: 4,
        writeOffPercent: 1,
        institutionId: 'A',
        reportId: 'A-25FY',
      },
      expect.objectContaining({
        institution: 'Bayan Credit',
        region: 'Asia and the Pacific',
        fssPercent: null,
        par30Percent: 8,
        reportId: 'B-25FY',
      }),
    ]);
  });

  it("the report writes each cell of the tables in its row's unit: per cent, counts, ratios", () => {
    const period = parseReportPeriod('2026');
    const tables = sectionTables(
      'knowledge-management',
      [],
      section('2026').tables ?? [],
      { period, previous: previousReportPeriod(period) },
      REPORT_LABELS,
    );
    const rows = (id: string) =>
      tables.find((t) => t.id === `knowledge-management.${id}`)?.rows ?? [];
    expect(rows('targets-against-results')[0]).toMatchObject({
      target: { value: 5, formatted: '5%' },
      actual: { value: 6, formatted: '6%' },
      status: { value: 'At risk', formatted: 'At risk' },
    });
    expect(rows('targets-against-results')[1]?.['previous']).toEqual({
      value: null,
      formatted: 'n/a',
    });
    expect(
      rows('outreach-and-sustainability').map((r) => [
        r['aggregate']?.formatted,
        r['median']?.formatted,
      ]),
    ).toEqual([
      ['5,000', '1,200'],
      ['2,900', '500'],
      ['61.6%', '65%'],
      ['53.6%', '40%'],
      ['0.92', '0.6'],
      ['108%', '105%'],
      ['95.5%', '90%'],
      ['6.4%', '6%'],
      ['2.1%', '2%'],
    ]);
  });

  it('impact assessments completed in the period, with their headline findings in words', () => {
    expect(table('2025', 'impact-assessments-completed')).toEqual([
      {
        title: 'Savings groups in Senegal',
        summary: 'Savings groups in Senegal: summary',
        country: 'SN',
        design: 'Randomised controlled trial',
        findings: 'Income: Positive; Consumption: No effect found (null result)',
        completedOn: '2025-10-01',
        assessmentId: 'IA1',
      },
    ]);
    expect(table('2026', 'impact-assessments-completed').map((r) => r['findings'])).toEqual([
      "Women's decision-making: Mixed",
    ]);
  });

  it('a period with no report has no aggregate (n/a, not zero) and n = 0', () => {
    const figures = figuresByName(section('2024').figures);
    expect(figures['ossPercentWeighted']).toBeNull();
    expect(figures['ossPercentMedian']).toBeNull();
    expect(figures['ossInstitutions']).toBe(0);
    expect(figures['activeBorrowersTotal']).toBeNull();
  });

  it('trend: towards the target is improving, within 0.5 % steady, away worsening', () => {
    expect(targetTrend('at-least', 1.2, 1.1)).toBe('improving');
    expect(targetTrend('at-least', 1.1, 1.2)).toBe('worsening');
    expect(targetTrend('at-most', 0.04, 0.05)).toBe('improving');
    expect(targetTrend('at-most', 0.05, 0.04)).toBe('worsening');
    expect(targetTrend('at-least', 1.004, 1.0)).toBe('steady');
    expect(targetTrend('at-least', 1.0, null)).toBe('no-previous');
  });
});
