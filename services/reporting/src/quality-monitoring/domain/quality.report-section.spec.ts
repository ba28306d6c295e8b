import { figuresByName } from '../../../test/support/report-figures';
import { parseReportPeriod } from '../../report/domain/report-period';
import {
  QUALITY_FIGURES_2025_Q4,
  QUALITY_FIGURES_2026_Q1,
  scriptedQualityHistory,
} from '../quality-history.fixture';
import { qualityReportData } from '../quality-rows.fixture';
import {
  qualityFigures,
  qualityMonitoringReportSection,
  qualityPreviousPeriodMetric,
} from './quality.report-section';

const prefixed = (figures: Record<string, number | null>) =>
  Object.fromEntries(
    Object.entries(figures).map(([name, value]) => [qualityPreviousPeriodMetric(name), value]),
  );

describe('the Quality monitoring section', () => {
  const data = qualityReportData(scriptedQualityHistory().events);
  const q1 = parseReportPeriod('2026-Q1');

  it('counts the period: proposals reviewed, decisions, red flags, turnaround, linkages', () => {
    expect(figuresByName(qualityFigures(q1, data))).toEqual(QUALITY_FIGURES_2026_Q1);
  });

  it('shows the previous period beside it, under the same names prefixed', () => {
    const section = qualityMonitoringReportSection(q1, data);
    expect(section.function).toBe('quality-monitoring');
    expect(section.context).toBe('quality-monitoring');
    expect(figuresByName(section.figures)).toEqual({
      ...QUALITY_FIGURES_2026_Q1,
      ...prefixed(QUALITY_FIGURES_2025_Q4),
    });
  });

  it('keys the breakdowns by labels, never codes', () => {
    const keys = qualityMonitoringReportSection(q1, data)
      .figures.filter((f) => f.key !== null)
      .map((f) => f.key);
    for (const code of ['revise-and-resubmit', 'direct-lending', 'research-project', 'course'])
      expect(keys).not.toContain(code);
    expect(keys).toEqual(expect.arrayContaining(['Revise and resubmit', 'Training course']));
  });

  it('says each figure in words, formatted, with the previous period and the change', () => {
    const notes = qualityMonitoringReportSection(q1, data).notes;
    expect(notes).toEqual(
      expect.arrayContaining([
        'Proposals reviewed: 2, in 3 decisions (Approved 0, Approved with conditions 1, Revise and resubmit 1, Rejected 1); approval rate 33 %.',
        'Red flags found: 3, in 2 decisions (Direct lending by the project 1, No exit strategy 1, Partner PAR30 above the threshold 1).',
        "Turnaround: median 26 working days from a version's submission to its decision; 33 % decided within the service level.",
        'Linkages made: 2 (Practice note 1, Research project 1).',
        'Financial components approved: 1, USD 500,000.',
        'Proposals reviewed (decided): 2 (previous period 1; change +1).',
        'Median turnaround (working days): 26 (previous period 9; change +17).',
        'Red flags found: 3 (previous period 0; change +3).',
        expect.stringMatching(/^Previous period: 2025-Q4 \(from 2025-10-01 to before 2026-01-01\)/),
      ]),
    );
  });

  it('has nothing to measure in a period without decisions, and says so', () => {
    const empty = figuresByName(qualityFigures(parseReportPeriod('2025-Q2'), data));
    expect(empty).toEqual({
      proposalsSubmitted: 0,
      proposalsReviewed: 0,
      proposalDecisions: 0,
      approvalRatePercent: null,
      redFlagsFound: 0,
      decisionsWithRedFlags: 0,
      turnaroundMedianWorkingDays: null,
      withinServiceLevelPercent: null,
      linkagesMade: 0,
      approvedComponents: 0,
      approvedAmountUsd: 0,
    });
  });
});
