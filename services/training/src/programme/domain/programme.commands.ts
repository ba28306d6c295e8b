import type { NewProgramme, ProgrammeTarget } from '@sfp/contracts';

/** Every command carries its time (`at`) and who gives it (`by`); the domain reads no clock. */
interface Timed {
  at: string;
  by: string;
}

export interface LaunchProgramme extends Timed, NewProgramme {
  type: 'LaunchProgramme';
  programmeId: string;
}

export interface SetProgrammeTargets extends Timed {
  type: 'SetProgrammeTargets';
  targets: ProgrammeTarget[];
}

/** The application checks that the offering exists before it gives this command. */
export interface AddOfferingToProgramme extends Timed {
  type: 'AddOfferingToProgramme';
  offeringId: string;
}

export interface CloseProgramme extends Timed {
  type: 'CloseProgramme';
  reason: string;
}

export type ProgrammeCommand =
  | LaunchProgramme
  | SetProgrammeTargets
  | AddOfferingToProgramme
  | CloseProgramme;
