import { figuresByName } from '../../test/support/report-figures';
import type { Condition } from '../query/domain/analyst-query';
import type { Row } from '../registry/reporting-view';
import { parseReportPeriod } from '../report/domain/report-period';
import { defaultReportingPlugins } from '../reporting.plugins';
import {
  RESEARCH_COST_BENEFIT_VIEW,
  RESEARCH_MILESTONES_VIEW,
  RESEARCH_PORTFOLIO_VIEW,
  RESEARCH_PUBLICATIONS_VIEW,
  innovationResearchReporting,
} from './innovation-research.reporting-plugin';
import { RESEARCH_FIGURES_2026_Q1, scriptedResearchHistory } from './research-history.fixture';
import { researchRows } from './research-rows.fixture';

/** A reader of the views' documents, recording what it was asked. */
function reader(rows: Record<string, Row[]>) {
  const reads: Array<[string, readonly Condition[]]> = [];
  const documents = async (view: string, conditions: readonly Condition[]) => {
    reads.push([view, conditions]);
    return rows[view] ?? [];
  };
  return { reads, documents };
}

describe('the innovation-research reporting plugin', () => {
  const events = scriptedResearchHistory().events;
  const period = parseReportPeriod('2026-Q1');

  it('is one of the default plugins, reporting the innovation function', () => {
    expect(defaultReportingPlugins()).toContain(innovationResearchReporting);
    expect(innovationResearchReporting.sections.map((s) => s.function)).toEqual(['innovation']);
    expect(innovationResearchReporting.views.map((v) => v.name)).toEqual([
      'research-portfolio',
      'research-milestone-record',
      'research-publications',
      'research-cost-benefit-record',
    ]);
  });

  it('computes the section from its views, as they stood before the end of the period', async () => {
    const { reads, documents } = reader(researchRows(events));
    const [section] = await Promise.all(
      innovationResearchReporting.sections.map((s) => s.compute(period, documents)),
    );
    expect(figuresByName(section?.figures ?? [])).toMatchObject(RESEARCH_FIGURES_2026_Q1);
    expect(reads).toEqual([
      [RESEARCH_PORTFOLIO_VIEW, [{ field: 'proposedAt', op: 'lt', value: period.to }]],
      [RESEARCH_MILESTONES_VIEW, [{ field: 'plannedAt', op: 'lt', value: period.to }]],
      [RESEARCH_PUBLICATIONS_VIEW, [{ field: 'publishedAt', op: 'lt', value: period.to }]],
      [RESEARCH_COST_BENEFIT_VIEW, [{ field: 'firstAnalysedAt', op: 'lt', value: period.to }]],
    ]);
  });

  it('as of a date, leaves out what was recorded after it', async () => {
    const asOf = '2026-03-01T00:00:00.000Z';
    const { documents } = reader(researchRows(events.filter((e) => e.recordedAt <= asOf)));
    const section = await innovationResearchReporting.sections[0]?.compute(period, documents);
    expect(figuresByName(section?.figures ?? [])).toMatchObject({
      researchProjects: 5,
      publications: 1, // p3 only: p1 published on 2026-03-05
      publicationCorrections: 1,
      findingsPublished: 3,
      nullResults: 2,
      milestonesSlippedOpen: 0, // m5 planned for 2026-03-20 is not late yet
      costBenefitProjectsAnalysed: 2,
      'researchProjectsByPhase.Cost-benefit analysis': 1,
    });
    expect(figuresByName(section?.figures ?? [])).not.toHaveProperty(
      'researchProjectsByPhase.Findings published',
    );
  });

  it('declares only fields its documents have, and no one’s name', () => {
    const rows = researchRows(events);
    for (const view of innovationResearchReporting.views) {
      expect(view.name).toMatch(/^research-/);
      expect(view.projection.name).toBe(`reporting-${view.name}`);
      for (const doc of rows[view.name] ?? [])
        for (const name of Object.keys(view.fields))
          expect({ view: view.name, name, has: name in doc }).toEqual({
            view: view.name,
            name,
            has: true,
          });
    }
  });
});
