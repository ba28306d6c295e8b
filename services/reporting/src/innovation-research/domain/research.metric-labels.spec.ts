import { parseReportPeriod } from '../../report/domain/report-period';
import { scriptedResearchHistory } from '../research-history.fixture';
import { researchReportData } from '../research-rows.fixture';
import { RESEARCH_BREAKDOWN_KEYS, RESEARCH_METRIC_LABELS } from './research.metric-labels';
import { innovationResearchReportSection } from './research.report-section';

describe('the labels of the research figures', () => {
  it('label every figure of the section and head every breakdown', () => {
    const section = innovationResearchReportSection(
      parseReportPeriod('2026-Q1'),
      researchReportData(scriptedResearchHistory().events),
    );
    for (const figure of section.figures) {
      expect({ metric: figure.metric, labelled: figure.metric in RESEARCH_METRIC_LABELS }).toEqual({
        metric: figure.metric,
        labelled: true,
      });
      const by = /By(\w+)$/.exec(figure.metric)?.[1];
      if (by) expect(RESEARCH_BREAKDOWN_KEYS).toHaveProperty(by);
    }
    expect(RESEARCH_METRIC_LABELS['previousPeriodNullResults']).toBe(
      'Null results (not supported or inconclusive), previous period',
    );
  });
});
