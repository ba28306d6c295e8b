import type { InstitutionDetails } from './institution-details';

/** Every command carries its time (`at`) and who gives it (`by`); the domain reads no clock. */
interface Timed {
  at: string;
  by: string;
}

export interface RegisterInstitution extends Timed, InstitutionDetails {
  type: 'RegisterInstitution';
  institutionId: string;
}

export interface ActivateInstitution extends Timed {
  type: 'ActivateInstitution';
}

export interface SuspendInstitution extends Timed {
  type: 'SuspendInstitution';
  reason: string;
}

export interface ReinstateInstitution extends Timed {
  type: 'ReinstateInstitution';
}

export interface CloseInstitution extends Timed {
  type: 'CloseInstitution';
  reason: string;
}

export interface LinkInstitutionToProgramme extends Timed {
  type: 'LinkInstitutionToProgramme';
  programme: string;
}

export type InstitutionCommand =
  | RegisterInstitution
  | ActivateInstitution
  | SuspendInstitution
  | ReinstateInstitution
  | CloseInstitution
  | LinkInstitutionToProgramme;
