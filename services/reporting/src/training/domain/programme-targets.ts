import type { TargetStatus } from '@sfp/contracts';
import type { ReportPeriod } from '../../report/domain/report-period';
import type { ProgrammeFacts, ProgrammeTargetFacts } from './programme.facts';
import type { ParticipationFacts } from './training.facts';
import { CONSTITUENT_GROUP_LABELS, labelOf, SEX_LABELS } from './training.labels';

/** The knowledge base's words for how a target stands (libs/contracts TARGET_STATUSES), as read. */
export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, string>> = {
  'no-data': 'No data',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
};

/** What each indicator of a programme measures, as the report's other figures name it. */
export const PROGRAMME_INDICATOR_LABELS: Readonly<Record<string, string>> = {
  'people-trained': 'Constituents trained (people)',
  'completion-rate': 'Completion rate (%)',
  'knowledge-gain': 'Knowledge gain, mean (post-test minus pre-test, points)',
};

/**
 * At risk: below what is expected by now, but at least this share of it
 * (80 %); off track below that.
 */
export const AT_RISK_SHARE = 0.8;

/** One programme target evaluated at the end of a report's period. */
export interface ProgrammeTargetResult {
  programmeId: string;
  programmeTitle: string;
  indicator: string;
  /** The indicator as a reader reads it, e.g. "Constituents trained (people), Female". */
  label: string;
  target: number;
  dueOn: string;
  /** The value reached by the end of the period; null when there is nothing to measure yet. */
  actual: number | null;
  /** What is expected by the end of the period (the target, pro rata for people trained). */
  expected: number;
  /** The due date has passed at the end of the period: the target is met or missed. */
  due: boolean;
  status: TargetStatus;
}

const DAY = 86_400_000;
const dayStart = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** The label of a target: its indicator, narrowed by sex and constituent group when it is. */
export function programmeTargetLabel(target: ProgrammeTargetFacts): string {
  const base = labelOf(PROGRAMME_INDICATOR_LABELS, target.indicator);
  const narrowed = [
    target.sex === null ? null : labelOf(SEX_LABELS, target.sex),
    target.constituentGroup === null
      ? null
      : labelOf(CONSTITUENT_GROUP_LABELS, target.constituentGroup),
  ].filter((part): part is string => part !== null);
  return [base, ...narrowed].join(', ');
}

/**
 * The value of a target's indicator over `results` (participations of the
 * programme's constituents with a result): distinct people who completed
 * (of the target's sex and group), the completion rate in per cent, or the
 * mean knowledge gain in points. null when there is nothing to measure.
 */
function actualOf(
  target: ProgrammeTargetFacts,
  results: readonly ParticipationFacts[],
): number | null {
  switch (target.indicator) {
    case 'people-trained':
      return new Set(
        results
          .filter(
            (p) =>
              p.result === 'completed' &&
              (target.sex === null || p.sex === target.sex) &&
              (target.constituentGroup === null || p.constituentGroup === target.constituentGroup),
          )
          .map((p) => p.personId),
      ).size;
    case 'completion-rate':
      return results.length === 0
        ? null
        : oneDecimal(
            (results.filter((p) => p.result === 'completed').length / results.length) * 100,
          );
    case 'knowledge-gain': {
      const gains = results
        .map((p) => p.knowledgeGain)
        .filter((g): g is number => typeof g === 'number');
      return gains.length === 0
        ? null
        : oneDecimal(gains.reduce((s, g) => s + g, 0) / gains.length);
    }
    default:
      return null;
  }
}

/**
 * How a target stands at instant `asOf` (pure), in the knowledge base's words
 * (results count up to `asOf`, or up to the due date once it has passed):
 *  - no data: the programme has not started, or there is nothing to measure yet (no result);
 *  - once its due date has passed: on track when met (actual ≥ target), off track when missed;
 *  - before: the actual is set against what is expected by now, the target for a rate
 *    (completion rate, knowledge gain) and, for people trained, the target times the share
 *    of the time from the programme's first day to the target's due date that has elapsed:
 *    on track at or above it, at risk from 80 % of it, off track below.
 */
export function evaluateProgrammeTarget(
  programme: ProgrammeFacts,
  target: ProgrammeTargetFacts,
  results: readonly ParticipationFacts[],
  asOf: string,
): ProgrammeTargetResult {
  const now = Date.parse(asOf);
  const start = dayStart(programme.startsOn);
  const end = dayStart(target.dueOn) + DAY;
  const due = now >= end;
  const elapsed = Math.min(1, Math.max(0, (now - start) / (end - start)));
  const expected = target.indicator === 'people-trained' ? target.value * elapsed : target.value;
  // A target is met or missed by its due date: later results do not count towards it.
  const cutoff = new Date(Math.min(now, end)).toISOString();
  const counted = results.filter((p) => p.resultAt !== null && p.resultAt < cutoff);
  const actual = now <= start ? null : actualOf(target, counted);
  const status: TargetStatus =
    actual === null
      ? 'no-data'
      : due
        ? actual >= target.value
          ? 'on-track'
          : 'off-track'
        : actual >= expected
          ? 'on-track'
          : actual >= expected * AT_RISK_SHARE
            ? 'at-risk'
            : 'off-track';
  return {
    programmeId: programme.programmeId,
    programmeTitle: programme.title,
    indicator: target.indicator,
    label: programmeTargetLabel(target),
    target: target.value,
    dueOn: target.dueOn,
    actual,
    expected: oneDecimal(expected),
    due,
    status,
  };
}

/**
 * Every target of every programme at the end of `period` (pure): results are
 * the programme's offerings' constituents (not staff) whose result was
 * recorded before the period's end.
 */
export function programmeTargetResults(
  period: ReportPeriod,
  programmes: readonly ProgrammeFacts[],
  participations: readonly ParticipationFacts[],
): ProgrammeTargetResult[] {
  const asOf = period.to;
  return [...programmes]
    .filter((p) => p.launchedAt < asOf)
    .sort((a, b) => a.title.localeCompare(b.title) || a.programmeId.localeCompare(b.programmeId))
    .flatMap((programme) => {
      const offerings = new Set(programme.offeringIds);
      const results = participations.filter(
        (p) =>
          offerings.has(p.offeringId) &&
          !p.staff &&
          p.result !== null &&
          p.resultAt !== null &&
          p.resultAt < asOf,
      );
      return programme.targets.map((t) => evaluateProgrammeTarget(programme, t, results, asOf));
    });
}

/** One target's result in a sentence: "Programme — label: 1 of 5 by 2026-12-31 (1.2 expected by now): At risk." */
export function programmeTargetSentence(r: ProgrammeTargetResult): string {
  const actual = r.actual === null ? 'nothing to measure yet' : String(r.actual);
  const by = r.due
    ? `due ${r.dueOn}, ${r.status === 'on-track' ? 'met' : r.status === 'off-track' ? 'missed' : 'not measured'}`
    : `due ${r.dueOn}, ${r.expected} expected by the end of the period`;
  return `${r.programmeTitle} — ${r.label}: ${actual} against a target of ${r.target} (${by}): ${TARGET_STATUS_LABELS[r.status]}.`;
}
