import type { ProgrammeStatus, ProgrammeTarget } from '@sfp/contracts';
import type { Decider } from '@sfp/event-sourcing/domain';
import { TrainingRuleError } from '../../course/domain/course.errors';
import type {
  AddOfferingToProgramme,
  LaunchProgramme,
  ProgrammeCommand,
  SetProgrammeTargets,
} from './programme.commands';
import {
  OfferingAlreadyInProgrammeError,
  ProgrammeAlreadyLaunchedError,
  ProgrammeClosedError,
  ProgrammeNotFoundError,
} from './programme.errors';
import {
  OfferingAddedToProgramme,
  ProgrammeClosed,
  ProgrammeLaunched,
  ProgrammeTargetsSet,
  type ProgrammeEvent,
} from './programme.events';
import { targetKey } from './programme.targets';

export interface ExistingProgramme {
  status: ProgrammeStatus;
  programmeId: string;
  startsOn: string;
  endsOn: string;
  offeringIds: string[];
  targets: ProgrammeTarget[];
}

/** No personal data in state. */
export type ProgrammeState = { status: 'none' } | ExistingProgramme;

export function programmeDecider(): Decider<ProgrammeState, ProgrammeCommand, ProgrammeEvent> {
  return { initialState: () => ({ status: 'none' }), decide, evolve };
}

function decide(command: ProgrammeCommand, state: ProgrammeState): ProgrammeEvent[] {
  if (command.type === 'LaunchProgramme') {
    if (state.status !== 'none') throw new ProgrammeAlreadyLaunchedError(state.programmeId);
    checkPeriod(command);
    return [
      ProgrammeLaunched.of({
        programmeId: command.programmeId,
        title: command.title,
        scope: command.scope,
        startsOn: command.startsOn,
        endsOn: command.endsOn,
        launchedBy: command.by,
        launchedAt: command.at,
      }),
    ];
  }
  if (state.status === 'none') throw new ProgrammeNotFoundError();
  if (state.status === 'closed') throw new ProgrammeClosedError(state.programmeId);
  const programmeId = state.programmeId;
  switch (command.type) {
    case 'SetProgrammeTargets':
      checkTargets(command, state);
      return [
        ProgrammeTargetsSet.of({
          programmeId,
          targets: command.targets,
          setBy: command.by,
          setAt: command.at,
        }),
      ];
    case 'AddOfferingToProgramme':
      return addOffering(command, state);
    case 'CloseProgramme':
      return [
        ProgrammeClosed.of({
          programmeId,
          reason: command.reason,
          closedBy: command.by,
          closedAt: command.at,
        }),
      ];
    default:
      return assertNever(command);
  }
}

function addOffering(command: AddOfferingToProgramme, state: ExistingProgramme): ProgrammeEvent[] {
  if (state.offeringIds.includes(command.offeringId))
    throw new OfferingAlreadyInProgrammeError(state.programmeId, command.offeringId);
  return [
    OfferingAddedToProgramme.of({
      programmeId: state.programmeId,
      offeringId: command.offeringId,
      addedBy: command.by,
      addedAt: command.at,
    }),
  ];
}

export function evolve(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  if (event.type === 'training.ProgrammeLaunched') {
    return {
      status: 'active',
      programmeId: event.data.programmeId,
      startsOn: event.data.startsOn,
      endsOn: event.data.endsOn,
      offeringIds: [],
      targets: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'training.ProgrammeTargetsSet':
      return { ...state, targets: event.data.targets };
    case 'training.OfferingAddedToProgramme':
      return { ...state, offeringIds: [...state.offeringIds, event.data.offeringId] };
    case 'training.ProgrammeClosed':
      return { ...state, status: 'closed' };
    default:
      return assertNever(event);
  }
}

const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

function checkPeriod(command: LaunchProgramme): void {
  if (!isDate(command.startsOn))
    throw new TrainingRuleError('startsOn', 'The first day is a date (YYYY-MM-DD)');
  if (!isDate(command.endsOn))
    throw new TrainingRuleError('endsOn', 'The last day is a date (YYYY-MM-DD)');
  if (command.endsOn < command.startsOn)
    throw new TrainingRuleError('endsOn', 'The programme ends on or after its first day');
}

/** Each target once (by indicator, sex and group), a value the indicator can take, due within the programme. */
function checkTargets(command: SetProgrammeTargets, state: ExistingProgramme): void {
  const seen = new Set<string>();
  command.targets.forEach((target, i) => {
    const field = `targets.${i}`;
    const key = targetKey(target);
    if (seen.has(key))
      throw new TrainingRuleError(
        field,
        `A programme has one target of ${key.replace(/\//g, ', ')}`,
      );
    seen.add(key);
    if (target.indicator !== 'people-trained' && (target.sex || target.constituentGroup))
      throw new TrainingRuleError(
        field,
        'Only people trained is set by sex or constituent group; rates are over all constituents',
      );
    checkValue(target, `${field}.value`);
    if (!isDate(target.dueOn) || target.dueOn < state.startsOn || target.dueOn > state.endsOn)
      throw new TrainingRuleError(
        `${field}.dueOn`,
        `A target is due on a date of the programme (${state.startsOn} to ${state.endsOn})`,
      );
  });
}

function checkValue(target: ProgrammeTarget, field: string): void {
  switch (target.indicator) {
    case 'people-trained':
      if (!Number.isInteger(target.value) || target.value < 1)
        throw new TrainingRuleError(field, 'People trained is a whole number of at least 1');
      return;
    case 'completion-rate':
      if (!(target.value > 0 && target.value <= 100))
        throw new TrainingRuleError(field, 'A completion rate is a percentage above 0, up to 100');
      return;
    case 'knowledge-gain':
      if (!(target.value > 0 && target.value <= 100))
        throw new TrainingRuleError(field, 'A knowledge gain is above 0, up to 100 points');
      return;
    default:
      return assertNever(target.indicator);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected ${JSON.stringify(value)}`);
}
