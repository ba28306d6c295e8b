// How the programme pages name and show a programme: its scope and status as
// labels, each target as a label ("People trained — women"), its reached value
// against the target as formatted figures ("34 of 60 people (57 %)"), and a
// progress bar a screen reader announces (role="progressbar", its label and
// its figures).
import { useId } from 'react';
import type {
  ParticipantSex,
  ProgrammeIndicator,
  ProgrammeScope,
  ProgrammeScopeKind,
  ProgrammeStatus,
  ProgrammeTarget,
  ProgrammeTargetProgress,
} from '@sfp/contracts';
import { formatNumber } from '../../components/format';
import { CONSTITUENT_GROUP_LABELS, countryName, formatDay, regionName } from './training-labels';

export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, string> = {
  active: 'Active',
  closed: 'Closed',
};

export const PROGRAMME_STATUS_BADGES: Record<ProgrammeStatus, string> = {
  active: 'good',
  closed: 'warn',
};

export const SCOPE_KIND_LABELS: Record<ProgrammeScopeKind, string> = {
  organisation: 'One organisation',
  country: 'One country',
  region: 'One region',
};

export const INDICATOR_LABELS: Record<ProgrammeIndicator, string> = {
  'people-trained': 'People trained',
  'completion-rate': 'Completion rate',
  'knowledge-gain': 'Knowledge gain',
};

/** What the target's value is counted in, for its field. */
export const INDICATOR_UNITS: Record<ProgrammeIndicator, string> = {
  'people-trained': 'people',
  'completion-rate': '%',
  'knowledge-gain': 'points',
};

/** People trained of one sex, as the label says it: "People trained — women". */
const SEX_GROUPS: Record<ParticipantSex, string> = {
  female: 'women',
  male: 'men',
  other: 'other sex',
  'not-stated': 'sex not stated',
};

/** Whom a programme is for, as a reader says it. */
export function scopeLabel(scope: ProgrammeScope): string {
  switch (scope.kind) {
    case 'organisation':
      return `${scope.organisation} (${CONSTITUENT_GROUP_LABELS[scope.constituentGroup]}, ${countryName(scope.country)})`;
    case 'country':
      return countryName(scope.country);
    case 'region':
      return regionName(scope.region);
  }
}

/** "People trained — women, Workers’ organisation", "Completion rate". */
export function targetLabel(target: ProgrammeTarget): string {
  const narrowed = [
    target.sex ? SEX_GROUPS[target.sex] : undefined,
    target.constituentGroup ? CONSTITUENT_GROUP_LABELS[target.constituentGroup] : undefined,
  ].filter(Boolean);
  const base = INDICATOR_LABELS[target.indicator];
  return narrowed.length ? `${base} — ${narrowed.join(', ')}` : base;
}

const points = (value: number) => `${formatNumber(value, 1)} ${value === 1 ? 'point' : 'points'}`;
/** A gain with its sign, as the scores table writes it: "+20 points", "−5 points". */
const signedPoints = (value: number) => `${value >= 0 ? '+' : '−'}${points(Math.abs(value))}`;

/** The target alone: "60 people", "85 %", "15 points". */
export function targetValue(target: ProgrammeTarget): string {
  switch (target.indicator) {
    case 'people-trained':
      return `${formatNumber(target.value, 0)} ${target.value === 1 ? 'person' : 'people'}`;
    case 'completion-rate':
      return `${formatNumber(target.value, 1)} %`;
    case 'knowledge-gain':
      return points(target.value);
  }
}

/** Reached against the target: "34 of 60 people (57 %)", "88 % against 85 %", "+20 points against 15 points (133 %)". */
export function reachedAgainstTarget(target: ProgrammeTargetProgress): string {
  if (target.actual === null) return `Nothing to measure yet; the target is ${targetValue(target)}`;
  const share =
    target.percentOfTarget === null ? '' : ` (${formatNumber(target.percentOfTarget, 0)} %)`;
  switch (target.indicator) {
    case 'people-trained':
      return `${formatNumber(target.actual, 0)} of ${targetValue(target)}${share}`;
    case 'completion-rate':
      return `${formatNumber(target.actual, 1)} % against ${targetValue(target)}`;
    case 'knowledge-gain':
      return `${signedPoints(target.actual)} against ${targetValue(target)}${share}`;
  }
}

/** One target: its label, due day, a bar of the value reached against the target, and the figures. */
export function TargetProgressBar({ target }: { target: ProgrammeTargetProgress }) {
  const id = useId();
  const text = reachedAgainstTarget(target);
  const reached = target.actual === null ? 0 : Math.min(Math.max(target.actual, 0), target.value);
  const width = Math.min(Math.max(target.percentOfTarget ?? 0, 0), 100);
  const met = target.percentOfTarget !== null && target.percentOfTarget >= 100;
  return (
    <li className="target-progress" data-testid="programme-target" style={{ marginBottom: '1rem' }}>
      <div className="title-row" style={{ justifyContent: 'space-between' }}>
        <strong id={`${id}-label`}>{targetLabel(target)}</strong>
        <span className="sub">due {formatDay(target.dueOn)}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-figures`}
        aria-valuemin={0}
        aria-valuemax={target.value}
        aria-valuenow={reached}
        aria-valuetext={text}
        style={{
          height: '0.75rem',
          background: 'var(--bg)',
          border: '1px solid var(--line)',
          borderRadius: '0.375rem',
          overflow: 'hidden',
          margin: '0.25rem 0',
        }}
      >
        <div
          style={{
            width: `${width}%`,
            height: '100%',
            background: met ? 'var(--good)' : 'var(--accent)',
          }}
        />
      </div>
      <div id={`${id}-figures`} data-testid="programme-target-figures">
        {text}
      </div>
    </li>
  );
}
