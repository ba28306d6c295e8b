import { scriptedKnowledgeBaseHistory } from '../../../test/support/knowledge-base-history';
import {
  figuresByName,
  foldFacts,
  KNOWLEDGE_MANAGEMENT_FIGURES_2026_Q1,
  KNOWLEDGE_MANAGEMENT_FIGURES_EMPTY,
} from '../../../test/support/report-figures';
import { parseReportPeriod } from '../../report/domain/report-period';
import {
  evolveInstitutionFacts,
  evolvePerformanceReportFacts,
  evolveTargetFacts,
  type KnowledgeBaseEvent,
} from './knowledge-base.facts';
import { knowledgeBaseShapeProblems } from './knowledge-base.public-events';
import { knowledgeManagementReportSection } from './knowledge-management.report-section';

function fold<T>(
  evolve: (c: T | undefined, e: KnowledgeBaseEvent) => T | undefined,
  idField: string,
): T[] {
  return foldFacts(scriptedKnowledgeBaseHistory().events, evolve, idField);
}

function figures(period: string): Record<string, number | null> {
  const section = knowledgeManagementReportSection(parseReportPeriod(period), {
    institutions: fold(evolveInstitutionFacts, 'institutionId'),
    reports: fold(evolvePerformanceReportFacts, 'reportId'),
    targets: fold(evolveTargetFacts, 'targetId'),
    assessments: [],
  });
  return figuresByName(section.figures);
}

describe('knowledge management section of the progress report (figures worked by hand)', () => {
  it('2026-Q1: I2 I3 registered; I1 and I2 reporting (R1 R2 R3); one restatement; T1 T2 due; three status changes', () => {
    expect(figures('2026-Q1')).toEqual(KNOWLEDGE_MANAGEMENT_FIGURES_2026_Q1);
  });

  it('2026-Q2: I3 reporting (R4), R1 restated again, T4 due and off track', () => {
    expect(figures('2026-Q2')).toEqual({
      ...KNOWLEDGE_MANAGEMENT_FIGURES_EMPTY,
      institutionsReporting: 1,
      performanceReportsFiled: 1,
      performanceReportsRestated: 1,
      targetsDue: 1,
      'institutionsReportingByRegion.africa': 1,
      'targetsDueByStatus.off-track': 1,
      'targetsDueByIndicator.oss': 1,
      'targetsDueByTrend.no-previous': 1, // T4: one evaluation
    });
  });

  it('an empty period has zeros and no breakdowns', () => {
    expect(figures('2024')).toEqual(KNOWLEDGE_MANAGEMENT_FIGURES_EMPTY);
  });

  it('follows institutions, reports and targets', () => {
    const institutions = fold(evolveInstitutionFacts, 'institutionId');
    expect(institutions.find((i) => i.institutionId === 'I1')).toMatchObject({
      status: 'active',
      region: 'africa',
    });
    const r1 = fold(evolvePerformanceReportFacts, 'reportId').find((r) => r.reportId === 'R1');
    expect(r1).toMatchObject({
      version: 3,
      restatementCount: 2,
      filedAt: '2026-01-20T00:00:00.000Z',
      periodEnd: '2025-12-31',
    });
    const targets = fold(evolveTargetFacts, 'targetId');
    expect(targets.find((t) => t.targetId === 'T1')).toMatchObject({
      status: 'at-risk',
      value: 0.95,
      dueAt: '2026-03-31T00:00:00.000Z',
    });
    expect(targets.find((t) => t.targetId === 'T3')).toMatchObject({
      status: 'withdrawn',
      withdrawn: true,
    });
  });

  it('names the payload fields it cannot use', () => {
    expect(
      knowledgeBaseShapeProblems('knowledge-base.PerformanceReportFiled', {
        reportId: 'R',
        institutionId: 'I',
        version: '1',
        period: {},
        year: 2025,
        institution: {},
        filedAt: 'x',
      }).map((p) => p.field),
    ).toEqual(['data.version', 'data.filedAt', 'data.institution.region']);
    expect(knowledgeBaseShapeProblems('knowledge-base.PerformanceReportFiled', null)).toEqual([
      { field: 'data', messages: ['must be an object'] },
    ]);
    expect(knowledgeBaseShapeProblems('knowledge-base.GniReferenceRecorded', 42)).toEqual([]);
  });
});
