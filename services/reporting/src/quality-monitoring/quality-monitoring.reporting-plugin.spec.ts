import { figuresByName } from '../../test/support/report-figures';
import type { Condition } from '../query/domain/analyst-query';
import type { Row } from '../registry/reporting-view';
import { parseReportPeriod } from '../report/domain/report-period';
import { defaultReportingPlugins } from '../reporting.plugins';
import { qualityShapeProblems } from './domain/quality.public-events';
import {
  QUALITY_DECISIONS_VIEW,
  QUALITY_LINKAGES_VIEW,
  QUALITY_PORTFOLIO_VIEW,
  QUALITY_PROPOSALS_VIEW,
  qualityMonitoringReporting,
} from './quality-monitoring.reporting-plugin';
import { QUALITY_FIGURES_2026_Q1, scriptedQualityHistory } from './quality-history.fixture';
import { qualityRows } from './quality-rows.fixture';

/** A reader of the views' documents, recording what it was asked. */
function reader(rows: Record<string, Row[]>) {
  const reads: Array<[string, readonly Condition[]]> = [];
  const documents = async (view: string, conditions: readonly Condition[]) => {
    reads.push([view, conditions]);
    return rows[view] ?? [];
  };
  return { reads, documents };
}

describe('the quality-monitoring reporting plugin', () => {
  const events = scriptedQualityHistory().events;
  const period = parseReportPeriod('2026-Q1');

  it('is one of the default plugins, reporting the quality-monitoring function', () => {
    expect(defaultReportingPlugins()).toContain(qualityMonitoringReporting);
    expect(qualityMonitoringReporting.sections.map((s) => s.function)).toEqual([
      'quality-monitoring',
    ]);
    expect(qualityMonitoringReporting.views.map((v) => v.name)).toEqual([
      'quality-proposals',
      'quality-decisions',
      'quality-portfolio',
      'quality-linkages',
    ]);
  });

  it('computes the section from its views, as they stood before the end of the period', async () => {
    const { reads, documents } = reader(qualityRows(events));
    const section = await qualityMonitoringReporting.sections[0]?.compute(period, documents);
    expect(figuresByName(section?.figures ?? [])).toMatchObject(QUALITY_FIGURES_2026_Q1);
    expect(reads).toEqual([
      [QUALITY_PROPOSALS_VIEW, [{ field: 'submittedAt', op: 'lt', value: period.to }]],
      [QUALITY_DECISIONS_VIEW, [{ field: 'reviewStartedAt', op: 'lt', value: period.to }]],
      [QUALITY_PORTFOLIO_VIEW, [{ field: 'submittedAt', op: 'lt', value: period.to }]],
      [QUALITY_LINKAGES_VIEW, [{ field: 'acceptedAt', op: 'lt', value: period.to }]],
    ]);
  });

  it('as of a date, leaves out what was recorded after it', async () => {
    const asOf = '2026-02-28T00:00:00.000Z';
    const { documents } = reader(qualityRows(events.filter((e) => e.recordedAt <= asOf)));
    const section = await qualityMonitoringReporting.sections[0]?.compute(period, documents);
    expect(figuresByName(section?.figures ?? [])).toMatchObject({
      proposalsSubmitted: 2, // p-e, p-c
      proposalDecisions: 2, // p-b twice; p-c is decided on 03-10
      redFlagsFound: 2,
      linkagesMade: 2,
      approvedAmountUsd: 500_000,
    });
  });

  it('declares only fields its documents have, and no one’s name', () => {
    const rows = qualityRows(events);
    for (const view of qualityMonitoringReporting.views) {
      expect(view.name).toMatch(/^quality-/);
      expect(view.projection.name).toBe(`reporting-${view.name}`);
      for (const doc of rows[view.name] ?? []) {
        expect(JSON.stringify(doc)).not.toMatch(/Amina|Lars|Marta/);
        for (const name of Object.keys(view.fields))
          expect({ view: view.name, name, has: name in doc }).toEqual({
            view: view.name,
            name,
            has: true,
          });
      }
    }
  });

  it('refuses events it could not use', () => {
    const [submitted] = events;
    expect(qualityShapeProblems(submitted?.type ?? '', submitted?.data)).toEqual([]);
    expect(
      qualityShapeProblems('quality-monitoring.ProposalSubmitted', {
        proposalId: 'p',
        version: 1,
        proposal: { title: 'x' },
        submittedAt: '2026-01-01T00:00:00.000Z',
      }).map((p) => p.field),
    ).toContain('data.proposal.budgetUsd');
    expect(
      qualityShapeProblems('quality-monitoring.ProposalDecided', { proposalId: 'p' }).length,
    ).toBeGreaterThan(0);
  });
});
