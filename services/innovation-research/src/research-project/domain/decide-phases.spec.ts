import type { ResearchPhase } from '@sfp/contracts';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import { phaseOf, researchProjectDecider, statusOf } from './research-project.decider';
import type { RecordSurveyRound } from './research-project.commands';
import { PhaseGuardError, ResearchRuleError } from './research-project.errors';
import {
  ResearchProjectAbandoned,
  ResearchProjectClosed,
  ResearchProjectResumed,
  ResearchProjectSuspended,
  type ResearchProjectEvent,
} from './research-project.events';
import {
  at,
  baselineRound,
  closed,
  commands,
  designApproved,
  findingH1,
  findingRecorded,
  followUpRound,
  history,
  phaseStarted,
  projectId,
  RESEARCHER,
} from './testing/research-project.fixtures';

const decider = researchProjectDecider();
const spec = deciderSpec(decider);
const stateAfter = (events: ResearchProjectEvent[]) =>
  events.reduce(decider.evolve, decider.initialState());
const advance = (to: ResearchPhase, day: number) => ({
  ...commands.AdvancePhase,
  to,
  at: at(day),
});
const round = (change: Partial<RecordSurveyRound['round']>, day = 200): RecordSurveyRound => ({
  ...commands.RecordSurveyRound,
  round: { ...baselineRound.data.round, ...change },
  at: at(day),
});
const followUp = (number: number, completedOn: string) =>
  round(
    { kind: 'follow-up', number, completedOn, sample: { treatment: 1105, comparison: 1098 } },
    585,
  );

describe('research project: phases', () => {
  it('moves to the next phase, which the command names', () => {
    spec
      .given(history.approved)
      .when(advance('diagnostic-survey', 30))
      .then([phaseStarted('approved', 'diagnostic-survey', 30)]);
    spec
      .given(history['diagnostic-survey'])
      .when(advance('innovation-design', 75))
      .then([phaseStarted('diagnostic-survey', 'innovation-design', 75)]);
    spec
      .given(history.pilot)
      .when(advance('follow-up-survey', 560))
      .then([phaseStarted('pilot', 'follow-up-survey', 560)]);
  });

  it('refuses to skip a phase or to go back (RULE_VIOLATED on to)', () => {
    for (const to of ['innovation-design', 'approved', 'closed'] as const)
      spec
        .given(history.approved)
        .when(advance(to, 30))
        .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('to'));
  });

  it('starts the baseline survey only with an approved design', () => {
    spec
      .given(history['innovation-design'])
      .when(advance('baseline-survey', 121))
      .thenThrows(PhaseGuardError, (e) => expect(e.code).toBe('PHASE_GUARD'));
    spec
      .given([...history['innovation-design'], designApproved])
      .when(advance('baseline-survey', 121))
      .then([phaseStarted('innovation-design', 'baseline-survey', 121)]);
  });

  it('approves the design once; a second approval changes nothing', () => {
    spec
      .given(history['innovation-design'])
      .when({ ...commands.ApproveInnovationDesign, at: at(120) })
      .then([designApproved]);
    spec
      .given([...history['innovation-design'], designApproved])
      .when(commands.ApproveInnovationDesign)
      .thenNothingHappens();
  });

  it('starts the pilot only with the baseline recorded', () => {
    spec.given(history['baseline-survey']).when(advance('pilot', 205)).thenThrows(PhaseGuardError);
    spec
      .given([...history['baseline-survey'], baselineRound])
      .when(advance('pilot', 205))
      .then([phaseStarted('baseline-survey', 'pilot', 205)]);
  });

  it('starts the impact analysis only with the baseline and a follow-up', () => {
    spec
      .given(history['follow-up-survey'])
      .when(advance('impact-analysis', 590))
      .thenThrows(PhaseGuardError, (e) => expect(e.message).toContain('follow-up'));
    spec
      .given([...history['follow-up-survey'], followUpRound(1, '2025-10-10', 585)])
      .when(advance('impact-analysis', 590))
      .then([phaseStarted('follow-up-survey', 'impact-analysis', 590)]);
  });

  it('starts the cost-benefit analysis only with a finding on every hypothesis', () => {
    spec
      .given([...history['impact-analysis'], findingRecorded(findingH1, 700)])
      .when(advance('cost-benefit-analysis', 710))
      .thenThrows(PhaseGuardError, (e) => expect(e.message).toContain('H2'));
    spec
      .given(history['cost-benefit-analysis'].slice(0, -1))
      .when(advance('cost-benefit-analysis', 710))
      .then([phaseStarted('impact-analysis', 'cost-benefit-analysis', 710)]);
  });
});

describe('research project: survey rounds', () => {
  it('records the baseline, number 0, in the baseline survey', () => {
    spec.given(history['baseline-survey']).when(round({})).then([baselineRound]);
  });

  it('refuses a second baseline, or a baseline numbered otherwise', () => {
    spec
      .given([...history['baseline-survey'], baselineRound])
      .when(round({}))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('kind'));
    spec
      .given(history['baseline-survey'])
      .when(round({ number: 1 }))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('number'));
  });

  it('refuses a follow-up in the baseline survey and a baseline in the follow-up survey', () => {
    spec
      .given([...history['baseline-survey'], baselineRound])
      .when(followUp(1, '2025-10-10'))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('kind'));
    spec
      .given(history['follow-up-survey'])
      .when(round({ completedOn: '2025-10-10' }))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('kind'));
  });

  it('numbers follow-ups 1, 2, … in order', () => {
    spec
      .given(history['follow-up-survey'])
      .when(followUp(1, '2025-10-10'))
      .then([followUpRound(1, '2025-10-10', 585)]);
    for (const number of [0, 2])
      spec
        .given(history['follow-up-survey'])
        .when(followUp(number, '2025-10-10'))
        .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('number'));
    spec
      .given([...history['follow-up-survey'], followUpRound(1, '2025-10-10', 585)])
      .when(followUp(2, '2026-01-20'))
      .then([followUpRound(2, '2026-01-20', 585)]);
    spec
      .given([...history['follow-up-survey'], followUpRound(1, '2025-10-10', 585)])
      .when(followUp(3, '2026-01-20'))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('number'));
  });

  it('refuses a round completed before the previous one, or on no calendar date', () => {
    spec
      .given(history['follow-up-survey'])
      .when(followUp(1, '2024-09-19'))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('completedOn'));
    spec
      .given(history['follow-up-survey'])
      .when(followUp(1, '2025-02-29'))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('completedOn'));
    spec
      .given(history['follow-up-survey'])
      .when(followUp(1, '2024-09-20'))
      .then([followUpRound(1, '2024-09-20', 585)]);
  });

  it('refuses a sample arm below 1', () => {
    spec
      .given(history['baseline-survey'])
      .when(round({ sample: { treatment: 1210, comparison: 0 } }))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('sample.comparison'));
  });
});

describe('research project: suspension, abandonment, closing', () => {
  const suspended = (phase: ResearchPhase) =>
    ResearchProjectSuspended.of({
      projectId,
      phase,
      reason: commands.SuspendProject.reason,
      suspendedBy: RESEARCHER,
      suspendedAt: at(300),
    });

  it('suspends a project in the phase it is in, and resumes it there', () => {
    spec
      .given(history.pilot)
      .when(commands.SuspendProject)
      .then([suspended('pilot')]);
    const state = stateAfter(history.suspended);
    expect(statusOf(state)).toBe('suspended');
    expect(phaseOf(state)).toBe('pilot');
    const resumed = ResearchProjectResumed.of({
      projectId,
      phase: 'pilot',
      resumedBy: RESEARCHER,
      resumedAt: at(340),
    });
    spec.given(history.suspended).when(commands.ResumeProject).then([resumed]);
    expect(statusOf(stateAfter([...history.suspended, resumed]))).toBe('pilot');
  });

  it('abandons a project with the phase it was in, or had when suspended', () => {
    const abandoned = (phase: ResearchPhase) =>
      ResearchProjectAbandoned.of({
        projectId,
        phase,
        reason: commands.AbandonProject.reason,
        abandonedBy: RESEARCHER,
        abandonedAt: at(320),
      });
    spec
      .given(history.proposed)
      .when(commands.AbandonProject)
      .then([abandoned('proposed')]);
    spec
      .given(history['impact-analysis'])
      .when(commands.AbandonProject)
      .then([abandoned('impact-analysis')]);
    spec
      .given(history.suspended)
      .when(commands.AbandonProject)
      .then([abandoned('pilot')]);
    const state = stateAfter(history.abandoned);
    expect(statusOf(state)).toBe('abandoned');
    expect(phaseOf(state)).toBe('pilot');
  });

  it('closes a project whose findings are published', () => {
    spec.given(history['findings-published']).when(commands.CloseProject).then([closed]);
    spec
      .given(history['findings-published'])
      .when({ ...commands.CloseProject, note: 'Final report delivered' })
      .then([ResearchProjectClosed.of({ ...closed.data, note: 'Final report delivered' })]);
    expect(statusOf(stateAfter(history.closed))).toBe('closed');
  });
});
