import {
  MilestoneCompleted,
  MilestoneRescheduled,
  MilestoneSlipped,
  type ResearchProjectEvent,
} from '../domain/research-project.events';
import {
  firstPublication,
  H2,
  history,
  milestonePlanned,
  projectId,
  RESEARCHER,
} from '../domain/testing/research-project.fixtures';
import { evolveCostBenefit } from './research-cost-benefit.projection';
import { findingsOf, findingEntryOf } from './research-findings.projection';
import { evolveMilestone } from './research-milestones.projection';
import {
  applyResearchProjectEvent,
  type ResearchProjectDocument,
} from './research-project.document';
import { detailAsOf } from './research-reports';

const fail = (why: string): never => {
  throw new Error(why);
};

const fold = (events: ResearchProjectEvent[]) =>
  events.reduce<ResearchProjectDocument | undefined>(
    (doc, event, i) => applyResearchProjectEvent(doc, event, i + 1),
    undefined,
  );

const milestoneId = milestonePlanned.data.milestone.milestoneId;
const slipped = MilestoneSlipped.of({
  projectId,
  milestoneId,
  plannedOn: '2024-10-15',
  flaggedOn: '2024-10-20',
  daysLate: 5,
  flaggedBy: 'system',
  flaggedAt: '2024-10-20T02:00:00.000Z',
});
const rescheduled = MilestoneRescheduled.of({
  projectId,
  milestoneId,
  previousPlannedOn: '2024-10-15',
  plannedOn: '2024-11-15',
  reason: 'Enumerators recruited late',
  rescheduledBy: RESEARCHER,
  rescheduledAt: '2024-10-21T09:00:00.000Z',
});
const completed = MilestoneCompleted.of({
  projectId,
  milestoneId,
  completedOn: '2024-11-18',
  daysLate: 3,
  deliverables: [{ title: 'Baseline report', kind: 'report', url: 'https://example.org/b.pdf' }],
  completedBy: RESEARCHER,
  completedAt: '2024-11-18T15:00:00.000Z',
});

describe('research-projects documents', () => {
  it('follows the project through its phases to closing, with its timeline and version', () => {
    const doc = fold(history.closed);
    expect(doc?.status).toBe('closed');
    expect(doc?.detail.version).toBe(history.closed.length);
    expect(doc?.detail.timeline.map((t) => t.phase)).toEqual([
      'proposed',
      'approved',
      'diagnostic-survey',
      'innovation-design',
      'baseline-survey',
      'pilot',
      'follow-up-survey',
      'impact-analysis',
      'cost-benefit-analysis',
      'findings-published',
      'closed',
    ]);
    expect(doc?.publicationVersion).toBe(1);
    expect(doc?.detail.hypotheses.every((h) => h.finding)).toBe(true);
    expect(doc?.detail.costBenefit?.result.netPresentValue).toBe(
      firstPublication.data.publication.costBenefit?.result.netPresentValue,
    );
    expect(doc?.theme_child_labour).toBe(true);
    expect(doc?.titleWords).toContain('microinsurance');
  });

  it('keeps the phase a suspended or abandoned project had', () => {
    expect(fold(history.suspended)).toMatchObject({ status: 'suspended', phase: 'pilot' });
    expect(fold(history.abandoned)?.detail.abandonment?.reason).toBe(
      'The insurer withdrew the product',
    );
  });

  it('flags a slipping milestone, clears it on rescheduling, and computes days late from today', () => {
    const slipping = fold([...history['baseline-survey'], milestonePlanned, slipped]);
    expect(slipping?.slippingMilestones).toBe(1);
    const asOf = detailAsOf(slipping?.detail ?? fail('no detail'), '2024-10-25');
    expect(asOf.milestones[0]).toMatchObject({ state: 'slipping', daysLate: 10 });
    const moved = fold([...history['baseline-survey'], milestonePlanned, slipped, rescheduled]);
    expect(moved?.slippingMilestones).toBe(0);
    expect(moved?.detail.milestones[0]).toMatchObject({
      state: 'planned',
      plannedOn: '2024-11-15',
    });
    const done = fold([...history['baseline-survey'], milestonePlanned, rescheduled, completed]);
    expect(detailAsOf(done?.detail ?? fail('no detail'), '2025-01-01').milestones[0]).toMatchObject(
      { state: 'done', completedOn: '2024-11-18', daysLate: 3 },
    );
  });

  it('writes nothing for an event of a project it does not know', () => {
    expect(applyResearchProjectEvent(undefined, slipped, 1)).toBeUndefined();
  });
});

describe('research-milestones documents', () => {
  it('is planned, slips once per planned date, and is done with its days late', () => {
    const planned = evolveMilestone(undefined, milestonePlanned, 'Cocoa insurance');
    expect(planned).toMatchObject({ state: 'planned', projectTitle: 'Cocoa insurance' });
    const slipping = evolveMilestone(planned, slipped, '');
    expect(slipping?.state).toBe('slipping');
    expect(evolveMilestone(slipping, slipped, '')).toBeUndefined();
    const moved = evolveMilestone(slipping, rescheduled, '');
    expect(moved).toMatchObject({ state: 'planned', plannedOn: '2024-11-15' });
    expect(evolveMilestone(moved, completed, '')).toMatchObject({ state: 'done', daysLate: 3 });
  });
});

describe('research-findings documents', () => {
  it('makes one entry per hypothesis with a finding, the null result included', () => {
    const findings = findingsOf(firstPublication.data.publication);
    expect(findings.map((f) => f.hypothesisId)).toEqual(['H1', 'H2']);
    const h2 = findings.find((f) => f.hypothesisId === H2.hypothesisId);
    expect(h2?.words).toEqual(expect.arrayContaining(['income', 'farm']));
    const entry = findingEntryOf(h2 ?? fail('no H2'));
    expect(entry).not.toHaveProperty('docType');
    expect(Object.keys(entry).some((k) => k.startsWith('theme_'))).toBe(false);
    expect(entry.publicationVersion).toBe(1);
  });

  it('leaves out a hypothesis without a finding', () => {
    const publication = {
      ...firstPublication.data.publication,
      hypotheses: firstPublication.data.publication.hypotheses.map((h) =>
        h.hypothesisId === 'H1' ? h : { ...H2 },
      ),
    };
    expect(findingsOf(publication).map((f) => f.hypothesisId)).toEqual(['H1']);
  });
});

describe('research-cost-benefit documents', () => {
  it('becomes an analysis with the computed NPV and B/C, and follows a new title', () => {
    const [proposed] = history.proposed;
    const known = evolveCostBenefit(undefined, proposed ?? fail('no proposal'));
    expect(known?.docType).toBe('project');
    const analysed = history['findings-published'].find(
      (e) => e.type === 'innovation-research.CostBenefitAnalysed',
    );
    const doc = evolveCostBenefit(known, analysed ?? fail('no analysis'));
    expect(doc).toMatchObject({
      docType: 'analysis',
      netPresentValue: firstPublication.data.publication.costBenefit?.result.netPresentValue,
      benefitCostRatio: firstPublication.data.publication.costBenefit?.result.benefitCostRatio,
    });
  });
});
