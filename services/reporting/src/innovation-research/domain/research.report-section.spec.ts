import { figuresByName } from '../../../test/support/report-figures';
import { parseReportPeriod } from '../../report/domain/report-period';
import {
  RESEARCH_FIGURES_2025_Q4,
  RESEARCH_FIGURES_2026_Q1,
  scriptedResearchHistory,
} from '../research-history.fixture';
import { researchReportData } from '../research-rows.fixture';
import {
  innovationResearchReportSection,
  researchFigures,
  researchPreviousPeriodMetric,
} from './research.report-section';

const prefixed = (figures: Record<string, number | null>) =>
  Object.fromEntries(
    Object.entries(figures).map(([name, value]) => [researchPreviousPeriodMetric(name), value]),
  );

describe('the Innovation and action research section', () => {
  const data = researchReportData(scriptedResearchHistory().events);
  const q1 = parseReportPeriod('2026-Q1');

  it('counts the period from the documents: phases, milestones, findings, abandonments, cost-benefit', () => {
    expect(figuresByName(researchFigures(q1, data))).toEqual(RESEARCH_FIGURES_2026_Q1);
  });

  it('shows the previous period beside it, under the same names prefixed', () => {
    const section = innovationResearchReportSection(q1, data);
    expect(section.function).toBe('innovation');
    expect(section.context).toBe('innovation-research');
    expect(figuresByName(section.figures)).toEqual({
      ...RESEARCH_FIGURES_2026_Q1,
      ...prefixed(RESEARCH_FIGURES_2025_Q4),
    });
  });

  it('keys the breakdowns by labels, never codes', () => {
    const keys = innovationResearchReportSection(q1, data)
      .figures.filter((f) => f.metric.endsWith('ByPhase'))
      .map((f) => f.key);
    expect(keys).not.toContain('baseline-survey');
    const all = innovationResearchReportSection(q1, data).figures.map((f) => f.key);
    expect(all).not.toEqual(expect.arrayContaining(['rct']));
    expect(all).not.toEqual(expect.arrayContaining(['delivery-channel']));
    expect(all).not.toEqual(expect.arrayContaining(['social-protection-gaps']));
    expect(keys).toEqual(expect.arrayContaining(['Baseline survey', 'Follow-up survey']));
  });

  it('says each figure in words, formatted, with the previous period and the change', () => {
    const notes = innovationResearchReportSection(q1, data).notes;
    expect(notes).toEqual(
      expect.arrayContaining([
        'Milestones met in the period: 2, of which 50 % on time; 1 planned in the period slipped and are still open.',
        'Findings published: 6 (Supported 2; null results 4: Not supported 3, Inconclusive 1), in 2 publications and 1 corrections.',
        'Cost-benefit: 2 projects analysed by the end of the period, median benefit-cost ratio 1.38; total net present value EUR -12,500, USD 182,500.',
        'Findings published: 6 (previous period 3; change +3).',
        'Projects abandoned: 0 (previous period 1; change -1).',
        expect.stringMatching(/^Previous period: 2025-Q4 \(from 2025-10-01 to before 2026-01-01\)/),
      ]),
    );
  });

  it('names the projects abandoned in the period with their reasons', () => {
    const notes = innovationResearchReportSection(parseReportPeriod('2025-Q4'), data).notes;
    expect(notes).toContain(
      'Abandoned: Occupational safety loans for small workshops (in Pilot, on 2025-12-05): The partner bank withdrew the loan product.',
    );
    expect(notes.filter((n) => n.startsWith('Abandoned:'))).toHaveLength(1);
  });

  it('reports a period with nothing in it as zeros, with nothing to measure as n/a', () => {
    const figures = figuresByName(researchFigures(parseReportPeriod('2024-Q1'), data));
    expect(figures).toEqual({
      researchProjects: 0,
      milestonesMetOnTime: 0,
      milestonesMetLate: 0,
      milestonesSlippedOpen: 0,
      milestonesMetOnTimePercent: null,
      publications: 0,
      publicationCorrections: 0,
      findingsPublished: 0,
      findingsSupported: 0,
      findingsNotSupported: 0,
      findingsInconclusive: 0,
      nullResults: 0,
      projectsAbandoned: 0,
      costBenefitProjectsAnalysed: 0,
      costBenefitMedianRatio: null,
    });
  });
});
