import { parseReportPeriod } from '../../report/domain/report-period';
import { scriptedQualityHistory } from '../quality-history.fixture';
import { qualityReportData } from '../quality-rows.fixture';
import { QUALITY_BREAKDOWN_KEYS, QUALITY_METRIC_LABELS } from './quality.metric-labels';
import { qualityMonitoringReportSection } from './quality.report-section';

describe('the labels of the quality-monitoring figures', () => {
  it('label every figure of the section and head every breakdown', () => {
    const section = qualityMonitoringReportSection(
      parseReportPeriod('2026-Q1'),
      qualityReportData(scriptedQualityHistory().events),
    );
    for (const figure of section.figures) {
      expect({ metric: figure.metric, labelled: figure.metric in QUALITY_METRIC_LABELS }).toEqual({
        metric: figure.metric,
        labelled: true,
      });
      const by = /By(\w+)$/.exec(figure.metric)?.[1];
      if (by) expect(QUALITY_BREAKDOWN_KEYS).toHaveProperty(by);
    }
    expect(QUALITY_METRIC_LABELS['previousPeriodRedFlagsFound']).toBe(
      'Red flags found, previous period',
    );
  });
});
