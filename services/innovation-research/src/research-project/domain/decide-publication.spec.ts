import { costBenefitOf } from '@sfp/contracts';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import { researchProjectDecider, statusOf } from './research-project.decider';
import { PhaseGuardError, ResearchRuleError } from './research-project.errors';
import { FindingsPublished, type ResearchProjectEvent } from './research-project.events';
import {
  baselineRound,
  commands,
  costBenefitInput,
  definition,
  findingH1,
  findingH2,
  findingRecorded,
  H1,
  H2,
  firstPublication,
  followUpRound,
  history,
  readyToPublish,
  recommendations,
  recommendationsRecorded,
  RESEARCHER,
} from './testing/research-project.fixtures';

const decider = researchProjectDecider();
const spec = deciderSpec(decider);
const stateAfter = (events: ResearchProjectEvent[]) =>
  events.reduce(decider.evolve, decider.initialState());
const publishing = (correctionReason?: string, at = '2026-04-06T10:00:00.000Z') => ({
  ...commands.PublishFindings,
  at,
  ...(correctionReason !== undefined ? { correctionReason } : {}),
});
const CORRECTION = 'H2 re-estimated with the attrition weights of the 2025 follow-up';
const correction = (version: number, at: string) =>
  FindingsPublished.of({
    publication: {
      ...firstPublication.data.publication,
      version,
      correctionReason: CORRECTION,
      publishedOn: at.slice(0, 10),
    },
    publishedBy: RESEARCHER,
    publishedAt: at,
  });

describe('research project: publication', () => {
  it('publishes version 1 from the cost-benefit analysis, built from the whole project', () => {
    spec.given(readyToPublish).when(publishing()).then([firstPublication]);
  });

  it('puts every hypothesis with its latest finding, the rounds, the cost-benefit and the recommendations in it', () => {
    const [event] = decider.decide(publishing(), stateAfter(readyToPublish));
    if (event?.type !== 'innovation-research.FindingsPublished') throw new Error('not published');
    const p = event.data.publication;
    expect(p).toMatchObject({
      projectId: firstPublication.data.publication.projectId,
      version: 1,
      outcome: 'completed',
      title: definition.title,
      countries: ['GH', 'CI'],
      partnerInstitutionIds: ['institution-gh-sinapi', 'institution-ci-advans'],
      publishedOn: '2026-04-06',
      recommendations,
    });
    expect(p.hypotheses.map((h) => [h.hypothesisId, h.finding])).toEqual([
      ['H1', findingH1],
      ['H2', findingH2],
    ]);
    expect(p.surveyRounds.map((r) => [r.kind, r.number])).toEqual([
      ['baseline', 0],
      ['follow-up', 1],
    ]);
    expect(p.costBenefit).toEqual({
      input: costBenefitInput,
      result: costBenefitOf(costBenefitInput),
    });
    expect(p).not.toHaveProperty('correctionReason');
    expect(p).not.toHaveProperty('abandonedReason');
  });

  it('moves the project to findings-published', () => {
    expect(statusOf(stateAfter([...readyToPublish, firstPublication]))).toBe('findings-published');
  });

  it('refuses the first publication without the cost-benefit analysis', () => {
    const withoutCostBenefit = readyToPublish.filter(
      (e) => e.type !== 'innovation-research.CostBenefitAnalysed',
    );
    spec
      .given(withoutCostBenefit)
      .when(publishing())
      .thenThrows(PhaseGuardError, (e) => expect(e.message).toContain('cost-benefit'));
  });

  it('refuses a correction reason on the first publication', () => {
    spec
      .given(readyToPublish)
      .when(publishing(CORRECTION))
      .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('correctionReason'));
  });

  it('publishes a correction as version 2 with its reason, keeping the status', () => {
    const at = '2026-05-12T09:30:00.000Z';
    spec
      .given(history['findings-published'])
      .when(publishing(CORRECTION, at))
      .then([correction(2, at)]);
    expect(statusOf(stateAfter([...history['findings-published'], correction(2, at)]))).toBe(
      'findings-published',
    );
    const later = '2026-07-01T09:30:00.000Z';
    spec
      .given(history.closed)
      .when(publishing(CORRECTION, later))
      .then([correction(2, later)]);
    expect(statusOf(stateAfter([...history.closed, correction(2, later)]))).toBe('closed');
    spec
      .given([...history.closed, correction(2, later)])
      .when(publishing(CORRECTION, '2026-08-03T09:30:00.000Z'))
      .then([correction(3, '2026-08-03T09:30:00.000Z')]);
  });

  it('refuses a correction without its reason', () => {
    for (const reason of [undefined, '  '])
      spec
        .given(history['findings-published'])
        .when(publishing(reason, '2026-05-12T09:30:00.000Z'))
        .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('correctionReason'));
  });

  it('carries a corrected finding in the correction', () => {
    const corrected = {
      ...findingH2,
      verdict: 'inconclusive' as const,
      note: 'Attrition-weighted',
    };
    const [event] = decider.decide(
      publishing(CORRECTION, '2026-05-12T09:30:00.000Z'),
      stateAfter([...history['findings-published'], findingRecorded(corrected, 800)]),
    );
    if (event?.type !== 'innovation-research.FindingsPublished') throw new Error('not published');
    expect(event.data.publication.hypotheses[1]?.finding).toEqual(corrected);
    expect(event.data.publication.version).toBe(2);
  });

  describe('an abandoned project', () => {
    it('publishes what it learnt, as abandoned with its reason', () => {
      const abandoned = history.abandoned.at(-1);
      if (abandoned?.type !== 'innovation-research.ResearchProjectAbandoned')
        throw new Error('fixture');
      const events = [
        ...history['impact-analysis'],
        findingRecorded(findingH1, 700),
        recommendationsRecorded,
        { ...abandoned, data: { ...abandoned.data, phase: 'impact-analysis' as const } },
      ];
      const at = '2025-12-01T10:00:00.000Z';
      const { costBenefit: _none, ...completed } = firstPublication.data.publication;
      spec
        .given(events)
        .when(publishing(undefined, at))
        .then([
          FindingsPublished.of({
            publication: {
              ...completed,
              outcome: 'abandoned',
              abandonedReason: 'The insurer withdrew the product',
              hypotheses: [{ ...H1, finding: findingH1 }, H2],
              surveyRounds: [
                baselineRound.data.round,
                followUpRound(1, '2025-10-10', 585).data.round,
              ],
              publishedOn: '2025-12-01',
            },
            publishedBy: RESEARCHER,
            publishedAt: at,
          }),
        ]);
      expect(statusOf(stateAfter(events))).toBe('abandoned');
    });

    it('refuses to publish when it learnt nothing: no finding, no recommendation', () => {
      spec
        .given(history.abandoned)
        .when(publishing())
        .thenThrows(PhaseGuardError, (e) => expect(e.code).toBe('PHASE_GUARD'));
    });

    it('publishes with recommendations alone, and corrects with a reason', () => {
      const events = [...history.abandoned, recommendationsRecorded];
      const [first] = decider.decide(publishing(), stateAfter(events));
      if (first?.type !== 'innovation-research.FindingsPublished') throw new Error('not published');
      expect(first.data.publication).toMatchObject({
        version: 1,
        outcome: 'abandoned',
        recommendations,
      });
      expect(first.data.publication.hypotheses.every((h) => h.finding === undefined)).toBe(true);
      spec
        .given([...events, first])
        .when(publishing(undefined, '2026-05-12T09:30:00.000Z'))
        .thenThrows(ResearchRuleError, (e) => expect(e.field).toBe('correctionReason'));
      const [second] = decider.decide(
        publishing(CORRECTION, '2026-05-12T09:30:00.000Z'),
        stateAfter([...events, first]),
      );
      if (second?.type !== 'innovation-research.FindingsPublished')
        throw new Error('not published');
      expect(second.data.publication).toMatchObject({
        version: 2,
        correctionReason: CORRECTION,
        outcome: 'abandoned',
      });
      expect(statusOf(stateAfter([...events, first, second]))).toBe('abandoned');
    });
  });
});
