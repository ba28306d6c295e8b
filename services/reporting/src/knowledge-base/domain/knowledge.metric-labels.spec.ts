import { foldFacts } from '../../../test/support/report-figures';
import { parseReportPeriod } from '../../report/domain/report-period';
import { REPORT_LABELS } from '../../report/report-labels';
import { knowledgeOutcomesHistory } from '../knowledge-outcomes.fixture';
import {
  evolveImpactAssessmentFacts,
  evolveInstitutionFacts,
  evolvePerformanceReportFacts,
  evolveTargetFacts,
} from './knowledge-base.facts';
import { knowledgeManagementReportSection } from './knowledge-management.report-section';
import { KNOWLEDGE_BREAKDOWN_KEYS, KNOWLEDGE_METRIC_LABELS } from './knowledge.metric-labels';

describe('the labels of the knowledge management figures', () => {
  const events = knowledgeOutcomesHistory().events;
  const sections = ['2025', '2026'].map((period) =>
    knowledgeManagementReportSection(parseReportPeriod(period), {
      institutions: foldFacts(events, evolveInstitutionFacts, 'institutionId'),
      reports: foldFacts(events, evolvePerformanceReportFacts, 'reportId'),
      targets: foldFacts(events, evolveTargetFacts, 'targetId'),
      assessments: foldFacts(events, evolveImpactAssessmentFacts, 'assessmentId'),
    }),
  );

  it('label every figure of the section and head every breakdown', () => {
    for (const figure of sections.flatMap((s) => s.figures)) {
      expect({ metric: figure.metric, labelled: figure.metric in KNOWLEDGE_METRIC_LABELS }).toEqual(
        { metric: figure.metric, labelled: true },
      );
      const by = /By(\w+)$/.exec(figure.metric)?.[1];
      if (by) expect(KNOWLEDGE_BREAKDOWN_KEYS).toHaveProperty(by);
    }
  });

  it('the report says every breakdown key in words (regions, statuses, indicators, trends, results)', () => {
    const keys = sections.flatMap((s) => s.figures).flatMap((f) => (f.key === null ? [] : [f.key]));
    expect(
      Object.fromEntries([...new Set(keys)].sort().map((k) => [k, REPORT_LABELS.key(k)])),
    ).toEqual({
      africa: 'Africa',
      americas: 'Americas',
      'asia-pacific': 'Asia and the Pacific',
      'at-risk': 'At risk',
      improving: 'Improving',
      mixed: 'Mixed',
      'no-previous': 'No earlier value',
      null: 'No effect found (null result)',
      'off-track': 'Off track',
      'on-track': 'On track',
      oss: 'Operational self-sufficiency (OSS)',
      par30: 'Portfolio at risk > 30 days (PAR30)',
      positive: 'Positive',
      steady: 'Steady',
      womenBorrowersShare: 'Women borrowers share',
      worsening: 'Worsening',
    });
    expect(REPORT_LABELS.breakdownKey('targetsDueByTrend')).toBe('Trend');
    expect(REPORT_LABELS.breakdownKey('impactFindingsByFinding')).toBe('Result');
  });
});
