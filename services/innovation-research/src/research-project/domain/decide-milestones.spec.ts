import { deciderSpec } from '@sfp/event-sourcing/testing';
import { researchProjectDecider } from './research-project.decider';
import { MilestoneNotFoundError, ResearchRuleError } from './research-project.errors';
import {
  MilestoneCompleted,
  MilestonePlanned,
  MilestoneRescheduled,
  MilestoneSlipped,
} from './research-project.events';
import {
  at,
  commands,
  history,
  milestonePlanned,
  projectId,
  RESEARCHER,
} from './testing/research-project.fixtures';

const spec = deciderSpec(researchProjectDecider());
const MILESTONE = 'milestone-baseline-report';
/** Innovation design, the baseline report planned for 15 October 2024. */
const withMilestone = [...history['innovation-design'], milestonePlanned];

const flag = (today: string) => ({
  ...commands.FlagSlippingMilestones,
  today,
  at: `${today}T02:00:00.000Z`,
});
const slipped = (plannedOn: string, today: string, daysLate: number, milestoneId = MILESTONE) =>
  MilestoneSlipped.of({
    projectId,
    milestoneId,
    plannedOn,
    flaggedOn: today,
    daysLate,
    flaggedBy: 'system',
    flaggedAt: `${today}T02:00:00.000Z`,
  });
const rescheduled = (previousPlannedOn: string, plannedOn: string) =>
  MilestoneRescheduled.of({
    projectId,
    milestoneId: MILESTONE,
    previousPlannedOn,
    plannedOn,
    reason: commands.RescheduleMilestone.reason,
    rescheduledBy: RESEARCHER,
    rescheduledAt: commands.RescheduleMilestone.at,
  });
const complete = (completedOn: string) => ({ ...commands.CompleteMilestone, completedOn });
const completed = (completedOn: string, daysLate: number) =>
  MilestoneCompleted.of({
    projectId,
    milestoneId: MILESTONE,
    completedOn,
    daysLate,
    deliverables: commands.CompleteMilestone.deliverables,
    completedBy: RESEARCHER,
    completedAt: commands.CompleteMilestone.at,
  });

describe('research project: milestones', () => {
  it('plans a milestone for a phase', () => {
    spec
      .given(history['innovation-design'])
      .when({ ...commands.PlanMilestone, milestone: milestonePlanned.data.milestone, at: at(100) })
      .then([milestonePlanned]);
    spec
      .given(history.approved)
      .when(commands.PlanMilestone)
      .then([
        MilestonePlanned.of({
          projectId,
          milestone: commands.PlanMilestone.milestone,
          plannedBy: RESEARCHER,
          plannedAt: commands.PlanMilestone.at,
        }),
      ]);
  });

  it('refuses a milestone id already used, or a planned date that is no calendar date', () => {
    spec
      .given(withMilestone)
      .when({ ...commands.PlanMilestone, milestone: milestonePlanned.data.milestone })
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('milestoneId'));
    spec
      .given(history.approved)
      .when({
        ...commands.PlanMilestone,
        milestone: { ...commands.PlanMilestone.milestone, plannedOn: '2025-13-01' },
      })
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('plannedOn'));
  });

  it('reschedules an open milestone, with the date it had', () => {
    spec
      .given(withMilestone)
      .when(commands.RescheduleMilestone)
      .then([rescheduled('2024-10-15', '2024-11-15')]);
    spec
      .given(withMilestone)
      .when({ ...commands.RescheduleMilestone, plannedOn: '2024-10-15' })
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('plannedOn'));
  });

  it('completes a milestone with its deliverables and how many days late it was', () => {
    spec
      .given(withMilestone)
      .when(complete('2024-10-25'))
      .then([completed('2024-10-25', 10)]);
    spec
      .given(withMilestone)
      .when(complete('2024-10-15'))
      .then([completed('2024-10-15', 0)]);
    spec
      .given(withMilestone)
      .when(complete('2024-10-01'))
      .then([completed('2024-10-01', 0)]);
    spec
      .given([...withMilestone, rescheduled('2024-10-15', '2024-11-15')])
      .when(complete('2024-10-25'))
      .then([completed('2024-10-25', 0)]);
  });

  it('refuses to complete or reschedule a milestone already done', () => {
    const done = [...withMilestone, completed('2024-10-25', 10)];
    spec
      .given(done)
      .when(complete('2024-10-26'))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('milestoneId'));
    spec
      .given(done)
      .when(commands.RescheduleMilestone)
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('milestoneId'));
  });

  it('refuses an unknown milestone', () => {
    for (const command of [
      { ...commands.CompleteMilestone, milestoneId: 'milestone-unknown' },
      { ...commands.RescheduleMilestone, milestoneId: 'milestone-unknown' },
    ])
      spec
        .given(withMilestone)
        .when(command)
        .thenThrows(MilestoneNotFoundError, (e) => expect(e.milestoneId).toBe('milestone-unknown'));
  });

  describe('slippage', () => {
    it('flags an open milestone past its planned date, with the days late on the check’s day', () => {
      spec
        .given(withMilestone)
        .when(flag('2024-10-20'))
        .then([slipped('2024-10-15', '2024-10-20', 5)]);
    });

    it('flags nothing on or before the planned date, nor a milestone done', () => {
      spec.given(withMilestone).when(flag('2024-10-15')).thenNothingHappens();
      spec.given(withMilestone).when(flag('2024-10-01')).thenNothingHappens();
      spec
        .given([...withMilestone, completed('2024-10-25', 10)])
        .when(flag('2024-11-20'))
        .thenNothingHappens();
    });

    it('flags a milestone once per planned date: a second check emits nothing', () => {
      const flagged = [...withMilestone, slipped('2024-10-15', '2024-10-20', 5)];
      spec.given(flagged).when(flag('2024-10-21')).thenNothingHappens();
      spec.given(flagged).when(flag('2024-12-01')).thenNothingHappens();
    });

    it('flags a rescheduled milestone again when it slips past its new date', () => {
      const flagged = [
        ...withMilestone,
        slipped('2024-10-15', '2024-10-20', 5),
        rescheduled('2024-10-15', '2024-11-15'),
      ];
      spec.given(flagged).when(flag('2024-11-01')).thenNothingHappens();
      spec
        .given(flagged)
        .when(flag('2024-11-18'))
        .then([slipped('2024-11-15', '2024-11-18', 3)]);
    });

    it('flags each newly late milestone of the project', () => {
      const second = MilestonePlanned.of({
        projectId,
        milestone: {
          milestoneId: 'milestone-questionnaire',
          phase: 'innovation-design',
          title: 'Survey questionnaire',
          plannedOn: '2024-07-31',
        },
        plannedBy: RESEARCHER,
        plannedAt: at(101),
      });
      spec
        .given([...withMilestone, second])
        .when(flag('2024-10-20'))
        .then([
          slipped('2024-10-15', '2024-10-20', 5),
          slipped('2024-07-31', '2024-10-20', 81, 'milestone-questionnaire'),
        ]);
    });

    it('refuses a day that is no calendar date', () => {
      spec
        .given(withMilestone)
        .when(flag('2024-10-32'))
        .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('today'));
    });
  });
});
