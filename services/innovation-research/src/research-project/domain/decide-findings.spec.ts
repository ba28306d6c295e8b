import { costBenefitOf, Z_95, type CostBenefitInput, type ResearchFinding } from '@sfp/contracts';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import type { RecordFinding } from './research-project.commands';
import { confidenceIntervalOf, researchProjectDecider } from './research-project.decider';
import { HypothesisNotFoundError, ResearchRuleError } from './research-project.errors';
import {
  CostBenefitAnalysed,
  RecommendationsRecorded,
  type ResearchProjectEvent,
} from './research-project.events';
import {
  at,
  commands,
  costBenefitInput,
  findingH1,
  findingH2,
  findingRecorded,
  history,
  projectId,
  recommendations,
  RESEARCHER,
} from './testing/research-project.fixtures';

const decider = researchProjectDecider();
const spec = deciderSpec(decider);
type Entered = RecordFinding['finding'];
const recording = (finding: Entered): RecordFinding => ({ ...commands.RecordFinding, finding });
/** H1 expects a decrease in child work; H2 an increase in income. */
const onH1 = (effect: Entered['effect'], verdict: Entered['verdict'] = 'supported'): Entered => ({
  ...findingH1,
  verdict,
  effect,
});
const recordedEffect = (events: ResearchProjectEvent[]) => {
  const [event] = events;
  if (event?.type !== 'innovation-research.FindingRecorded') throw new Error('No finding recorded');
  return event.data.finding.effect;
};
const fieldOf = (field: string) => (e: ResearchRuleError) => expect(e.field).toBe(field);

describe('research project: findings', () => {
  const analysing = history['impact-analysis'];

  it('records a finding with its interval as entered', () => {
    spec
      .given(analysing)
      .when(recording(findingH2))
      .then([findingRecorded(findingH2, 700)]);
  });

  it('computes the 95 % interval from a standard error alone: size ± Z_95·SE', () => {
    const entered = onH1({ size: -2.4, unit: 'hours per week', standardError: 0.8 });
    const effect = recordedEffect(
      decider.decide(recording(entered), analysing.reduce(decider.evolve, decider.initialState())),
    );
    expect(effect.standardError).toBe(0.8);
    expect(effect.confidenceInterval.lower).toBeCloseTo(-2.4 - 1.959963984540054 * 0.8, 9);
    expect(effect.confidenceInterval.upper).toBeCloseTo(-2.4 + 1.959963984540054 * 0.8, 9);
    expect(Math.abs(effect.confidenceInterval.lower - -3.9679711876320432)).toBeLessThan(1e-9);
    expect(Math.abs(effect.confidenceInterval.upper - -0.8320288123679568)).toBeLessThan(1e-9);
    expect(confidenceIntervalOf({ size: 0.12, unit: 'log points', standardError: 0.05 })).toEqual({
      lower: 0.12 - Z_95 * 0.05,
      upper: 0.12 + Z_95 * 0.05,
    });
    expect(
      Math.abs(
        confidenceIntervalOf({ size: 0.12, unit: 'log points', standardError: 0.05 }).lower -
          0.0220018007729973,
      ),
    ).toBeLessThan(1e-9);
  });

  it('keeps an entered interval over one computed from the standard error', () => {
    const effect = {
      size: -2.4,
      unit: 'hours',
      standardError: 0.8,
      confidenceInterval: { lower: -4, upper: -0.5 },
    };
    expect(confidenceIntervalOf(effect)).toEqual({ lower: -4, upper: -0.5 });
  });

  it('refuses a finding without an interval or a standard error', () => {
    spec
      .given(analysing)
      .when(recording(onH1({ size: -2.4, unit: 'hours per week' }, 'inconclusive')))
      .thenThrows(ResearchRuleError, fieldOf('effect.confidenceInterval'));
  });

  it('refuses an interval that does not contain the size, or runs backwards', () => {
    spec
      .given(analysing)
      .when(
        recording(onH1({ size: -2.4, unit: 'h', confidenceInterval: { lower: -2, upper: -1 } })),
      )
      .thenThrows(ResearchRuleError, fieldOf('effect.confidenceInterval'));
    spec
      .given(analysing)
      .when(
        recording(onH1({ size: -2.4, unit: 'h', confidenceInterval: { lower: -1, upper: -3 } })),
      )
      .thenThrows(ResearchRuleError, fieldOf('effect.confidenceInterval'));
  });

  it('refuses a negative standard error', () => {
    spec
      .given(analysing)
      .when(recording(onH1({ size: -2.4, unit: 'h', standardError: -0.8 })))
      .thenThrows(ResearchRuleError, fieldOf('effect.standardError'));
  });

  it('refuses "supported" when the interval crosses zero or lies on the wrong side', () => {
    spec
      .given(analysing)
      .when(
        recording(onH1({ size: -1, unit: 'h', confidenceInterval: { lower: -2.5, upper: 0.5 } })),
      )
      .thenThrows(ResearchRuleError, fieldOf('verdict'));
    spec
      .given(analysing)
      .when(recording(onH1({ size: -1, unit: 'h', standardError: 0.6 })))
      .thenThrows(ResearchRuleError, fieldOf('verdict'));
    spec
      .given(analysing)
      .when(
        recording(onH1({ size: 1.5, unit: 'h', confidenceInterval: { lower: 0.5, upper: 2.5 } })),
      )
      .thenThrows(ResearchRuleError, fieldOf('verdict'));
    spec
      .given(analysing)
      .when(recording({ ...findingH2, verdict: 'supported' }))
      .thenThrows(ResearchRuleError, fieldOf('verdict'));
  });

  it('accepts "supported" for an increase with the interval above zero', () => {
    const supported = {
      ...findingH2,
      verdict: 'supported' as const,
      effect: { size: 80, unit: 'GHS per year', confidenceInterval: { lower: 12, upper: 148 } },
    };
    spec
      .given(analysing)
      .when(recording(supported))
      .then([findingRecorded(supported, 700)]);
  });

  it('records null and inconclusive results whose interval crosses zero', () => {
    const inconclusive: ResearchFinding = {
      ...findingH1,
      verdict: 'inconclusive',
      effect: { size: -1, unit: 'hours per week', confidenceInterval: { lower: -2.5, upper: 0.5 } },
    };
    spec
      .given(analysing)
      .when(recording(inconclusive))
      .then([findingRecorded(inconclusive, 700)]);
  });

  it('refuses sample sizes below 1 in either arm', () => {
    spec
      .given(analysing)
      .when(recording({ ...findingH2, sample: { treatment: 0, comparison: 1098 } }))
      .thenThrows(ResearchRuleError, fieldOf('sample.treatment'));
    spec
      .given(analysing)
      .when(recording({ ...findingH2, sample: { treatment: 1105, comparison: 0 } }))
      .thenThrows(ResearchRuleError, fieldOf('sample.comparison'));
  });

  it('refuses a survey round that is no recorded follow-up', () => {
    for (const surveyRound of [0, 2])
      spec
        .given(analysing)
        .when(recording({ ...findingH2, surveyRound }))
        .thenThrows(ResearchRuleError, fieldOf('surveyRound'));
  });

  it('refuses an unknown hypothesis', () => {
    spec
      .given(analysing)
      .when(recording({ ...findingH2, hypothesisId: 'H9' }))
      .thenThrows(HypothesisNotFoundError, (e) => expect(e.hypothesisId).toBe('H9'));
  });

  it('replaces the previous finding on the same hypothesis', () => {
    const revisedH2 = {
      ...findingH2,
      verdict: 'inconclusive' as const,
      note: 'Attrition too high',
    };
    const state = [
      ...analysing,
      findingRecorded(findingH2, 700),
      findingRecorded(revisedH2, 720),
    ].reduce(decider.evolve, decider.initialState());
    if (state.status === 'none') throw new Error('no project');
    expect(state.findings['H2']).toEqual(revisedH2);
    expect(Object.keys(state.findings)).toEqual(['H2']);
  });
});

describe('research project: cost-benefit and recommendations', () => {
  const analysing = history['cost-benefit-analysis'];
  const recordingCostBenefit = (input: CostBenefitInput) => ({
    ...commands.RecordCostBenefit,
    input,
  });

  it('records the flows with what they come to, computed', () => {
    spec
      .given(analysing)
      .when(commands.RecordCostBenefit)
      .then([
        CostBenefitAnalysed.of({
          projectId,
          input: costBenefitInput,
          result: costBenefitOf(costBenefitInput),
          analysedBy: RESEARCHER,
          analysedAt: at(760),
        }),
      ]);
  });

  it('refuses a flow outside the horizon, a rate outside 0..1, or an unknown currency', () => {
    spec
      .given(analysing)
      .when(recordingCostBenefit({ ...costBenefitInput, horizonYears: 2 }))
      .thenThrows(ResearchRuleError, fieldOf('benefits.2.year'));
    spec
      .given(analysing)
      .when(
        recordingCostBenefit({
          ...costBenefitInput,
          costs: [{ party: 'donor', label: 'Subsidy', year: -1, amount: 100 }],
        }),
      )
      .thenThrows(ResearchRuleError, fieldOf('costs.0.year'));
    for (const discountRate of [-0.01, 1.5])
      spec
        .given(analysing)
        .when(recordingCostBenefit({ ...costBenefitInput, discountRate }))
        .thenThrows(ResearchRuleError, fieldOf('discountRate'));
    spec
      .given(analysing)
      .when(recordingCostBenefit({ ...costBenefitInput, currency: 'GHC' }))
      .thenThrows(ResearchRuleError, fieldOf('currency'));
  });

  it('records the recommendations, which replace those before', () => {
    spec
      .given(history['impact-analysis'])
      .when(commands.RecordRecommendations)
      .then([
        RecommendationsRecorded.of({
          projectId,
          recommendations,
          recordedBy: RESEARCHER,
          recordedAt: at(765),
        }),
      ]);
    spec
      .given(analysing)
      .when({ ...commands.RecordRecommendations, recommendations: [] })
      .thenThrows(ResearchRuleError, fieldOf('recommendations'));
  });
});

describe('research project: fixtures are consistent', () => {
  it('the fixture finding on H1 carries the interval its standard error gives (to 3 decimals)', () => {
    const computed = confidenceIntervalOf({ ...findingH1.effect, confidenceInterval: undefined });
    expect(computed.lower).toBeCloseTo(findingH1.effect.confidenceInterval.lower, 3);
    expect(computed.upper).toBeCloseTo(findingH1.effect.confidenceInterval.upper, 3);
  });
});
