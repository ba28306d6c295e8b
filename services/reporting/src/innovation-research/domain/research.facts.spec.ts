import { scriptedResearchHistory } from '../research-history.fixture';
import { researchReportData } from '../research-rows.fixture';
import { statusAt, analysisBefore } from './research.facts';
import { researchShapeProblems } from './research.public-events';

describe('the research facts', () => {
  const data = researchReportData(scriptedResearchHistory().events);
  const project = (id: string) => data.projects.find((p) => p.projectId === id);

  it('keeps each project with its status and when each status began', () => {
    expect(data.projects.map((p) => [p.projectId, p.status])).toEqual([
      ['p4', 'closed'],
      ['p3', 'abandoned'],
      ['p1', 'findings-published'],
      ['p2', 'baseline-survey'],
      ['p5', 'proposed'],
      ['p6', 'proposed'],
    ]);
    const p2 = project('p2');
    expect(p2 && statusAt(p2, '2026-01-01T00:00:00.000Z')).toBe('suspended');
    expect(p2 && statusAt(p2, '2026-01-20T00:00:00.000Z')).toBe('innovation-design');
    expect(p2 && statusAt(p2, '2025-05-01T00:00:00.000Z')).toBeNull();
    expect(project('p3')).toMatchObject({
      abandonedAt: '2025-12-05T09:00:00.000Z',
      abandonedInPhase: 'pilot',
      abandonedReason: 'The partner bank withdrew the loan product',
      innovationKind: 'product',
      design: 'before-after',
      deficits: ['occupational-safety-and-health', 'informality'],
    });
  });

  it('does not keep the team', () => {
    expect(JSON.stringify(data)).not.toContain('Amina Diallo');
  });

  it('keeps each milestone: rescheduled, slipped, completed and how late', () => {
    expect(data.milestones.find((m) => m.milestoneId === 'm4')).toMatchObject({
      projectId: 'p2',
      firstPlannedOn: '2025-10-31',
      plannedOn: '2026-01-31',
      reschedules: 1,
      timesSlipped: 1,
      slippedOn: null,
      status: 'done',
      completedOn: '2026-02-05',
      daysLate: 5,
    });
    expect(data.milestones.find((m) => m.milestoneId === 'm6')).toMatchObject({
      status: 'slipping',
      completedOn: null,
    });
  });

  it('keeps each publication version with its findings by verdict', () => {
    expect(
      data.publications.map((p) => [
        p.publicationId,
        p.correction,
        p.outcome,
        p.findings,
        p.supported,
        p.notSupported,
        p.inconclusive,
      ]),
    ).toEqual([
      ['p4/v1', false, 'completed', 3, 2, 1, 0],
      ['p4/v2', true, 'completed', 3, 1, 2, 0],
      ['p3/v1', false, 'abandoned', 0, 0, 0, 0],
      ['p1/v1', false, 'completed', 3, 1, 1, 1],
    ]);
  });

  it('keeps every cost-benefit analysis and finds the latest before an instant', () => {
    const p1 = data.costBenefit.find((c) => c.projectId === 'p1');
    expect(p1).toMatchObject({ analyses: 2, netPresentValue: 190000, benefitCostRatio: 1.9 });
    expect(p1 && analysisBefore(p1, '2026-04-01T00:00:00.000Z')).toMatchObject({
      netPresentValue: 182500,
      benefitCostRatio: 1.84,
    });
    expect(p1 && analysisBefore(p1, '2026-01-01T00:00:00.000Z')).toBeUndefined();
  });

  it('refuses a payload without the fields reporting reads', () => {
    expect(
      researchShapeProblems('innovation-research.ResearchProjectAbandoned', {
        projectId: 'p3',
        phase: 'pilot',
        abandonedAt: '2025-12-05T09:00:00.000Z',
      }),
    ).toEqual([{ field: 'data.reason', messages: ['must be a non-empty string'] }]);
    expect(
      researchShapeProblems('innovation-research.FindingsPublished', {
        publication: { projectId: 'p1', title: 'T', outcome: 'completed' },
        publishedAt: '2026-03-05T09:00:00.000Z',
      }),
    ).toEqual([{ field: 'data.publication.version', messages: ['must be a number'] }]);
    const valid = scriptedResearchHistory().events.map((e) =>
      researchShapeProblems(e.type, e.data),
    );
    expect(valid.flat()).toEqual([]);
  });
});
