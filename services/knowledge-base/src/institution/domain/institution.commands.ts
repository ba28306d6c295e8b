import type { InstitutionKind, LegalType, Region } from '../../shared/domain/reference-data';

/** Every command carries its time (`at`) and who gives it (`by`); the domain reads no clock. */
interface Timed {
  at: string;
  by: string;
}

export interface RegisterInstitution extends Timed {
  type: 'RegisterInstitution';
  institutionId: string;
  name: string;
  kind: InstitutionKind;
  legalType: LegalType;
  country: string;
  region: Region;
  programmes: string[];
  reportingDepartment?: string;
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
