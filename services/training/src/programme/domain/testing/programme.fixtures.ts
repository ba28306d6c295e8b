import type { ProgrammeTarget } from '@sfp/contracts';
import type { ProgrammeCommand, LaunchProgramme } from '../programme.commands';
import {
  OfferingAddedToProgramme,
  ProgrammeClosed,
  ProgrammeLaunched,
  ProgrammeTargetsSet,
} from '../programme.events';

/** One programme for the domain's specs: launched on T0 for the year 2026; dates are days after T0. */
export const programmeId = 'programme-7b2e9a41-5c3d-4e8f-a1b2-c3d4e5f60718';
export const T0 = '2025-12-01T09:00:00.000Z';
export const at = (days: number) => new Date(Date.parse(T0) + days * 86_400_000).toISOString();

export const launch: LaunchProgramme = {
  type: 'LaunchProgramme',
  programmeId,
  title: 'Social finance capacity for the Kenyan ministry of labour',
  scope: { kind: 'country', country: 'KE' },
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  at: T0,
  by: 'user-programme-officer-1',
};

export const targets: ProgrammeTarget[] = [
  { indicator: 'people-trained', value: 60, dueOn: '2026-12-31' },
  { indicator: 'people-trained', value: 30, sex: 'female', dueOn: '2026-12-31' },
  {
    indicator: 'people-trained',
    value: 20,
    constituentGroup: 'workers-organisation',
    dueOn: '2026-12-31',
  },
  { indicator: 'completion-rate', value: 80, dueOn: '2026-12-31' },
  { indicator: 'knowledge-gain', value: 15, dueOn: '2026-12-31' },
];

export const launched = ProgrammeLaunched.of({
  programmeId,
  title: launch.title,
  scope: launch.scope,
  startsOn: launch.startsOn,
  endsOn: launch.endsOn,
  launchedBy: launch.by,
  launchedAt: T0,
});

export const targetsSet = ProgrammeTargetsSet.of({
  programmeId,
  targets,
  setBy: 'user-programme-officer-1',
  setAt: at(2),
});

export const offeringAdded = (offeringId: string, days: number) =>
  OfferingAddedToProgramme.of({
    programmeId,
    offeringId,
    addedBy: 'user-programme-officer-1',
    addedAt: at(days),
  });

export const closed = ProgrammeClosed.of({
  programmeId,
  reason: 'The year is over',
  closedBy: 'user-programme-officer-1',
  closedAt: at(400),
});

/** A well-formed command of each type given on a programme: only its state can refuse it. */
export const commands: Record<
  Exclude<ProgrammeCommand['type'], 'LaunchProgramme'>,
  ProgrammeCommand
> = {
  SetProgrammeTargets: {
    type: 'SetProgrammeTargets',
    targets,
    at: at(2),
    by: 'user-programme-officer-1',
  },
  AddOfferingToProgramme: {
    type: 'AddOfferingToProgramme',
    offeringId: 'offering-nairobi-2026-03',
    at: at(5),
    by: 'user-programme-officer-1',
  },
  CloseProgramme: {
    type: 'CloseProgramme',
    reason: 'The year is over',
    at: at(400),
    by: 'user-programme-officer-1',
  },
};
