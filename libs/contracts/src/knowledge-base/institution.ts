/**
 * Finance institutions: what they are, and the life of their record. The
 * knowledge base's institution decider refuses a command with
 * ILLEGAL_TRANSITION by INSTITUTION_COMMAND_ALLOWED_FROM, so the status
 * changes the console offers cannot drift from what the API accepts.
 * Registering creates the record: it is not in the table.
 */
import type { Region } from '../shared/regions';

/** What kind of provider or instrument an institution is. */
export const INSTITUTION_KINDS = [
  'microfinance-institution',
  'savings-and-credit-cooperative',
  'guarantee-fund',
  'microinsurance-scheme',
  'payment-and-remittance-service',
  'fund-instrument',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** Legal type, as peer groups use it (MIX / MicroBanking Bulletin classes). */
export const LEGAL_TYPES = [
  'bank',
  'rural-bank',
  'nbfi',
  'cooperative',
  'ngo',
  'public-fund',
  'other',
] as const;
export type LegalType = (typeof LEGAL_TYPES)[number];

/**
 * What an institution is registered with, and what each of its reports
 * records of it: the knowledge base's commands, events and views are built
 * from it, and its API answers with these fields.
 */
export interface InstitutionDetails {
  name: string;
  kind: InstitutionKind;
  legalType: LegalType;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region: Region;
  /** Programmes of the organisation the institution takes part in. */
  programmes: string[];
  /** The department or regional office that reports on it; its integration clients may file its reports. */
  reportingDepartment?: string;
}

/** registered → active → suspended ⇄ active → closed (closed from any status). */
export const INSTITUTION_STATUSES = ['registered', 'active', 'suspended', 'closed'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

/** The commands given on a registered institution. */
export const INSTITUTION_COMMANDS = [
  'ActivateInstitution',
  'SuspendInstitution',
  'ReinstateInstitution',
  'CloseInstitution',
  'LinkInstitutionToProgramme',
] as const;
export type InstitutionCommandType = (typeof INSTITUTION_COMMANDS)[number];

/** The statuses each command is allowed from; any other status refuses it. */
export const INSTITUTION_COMMAND_ALLOWED_FROM: Readonly<
  Record<InstitutionCommandType, readonly InstitutionStatus[]>
> = {
  ActivateInstitution: ['registered'],
  SuspendInstitution: ['active'],
  ReinstateInstitution: ['suspended'],
  CloseInstitution: ['registered', 'active', 'suspended'],
  LinkInstitutionToProgramme: ['registered', 'active', 'suspended'],
};

/** The commands that change the status, in the order the console offers them. */
export const INSTITUTION_STATUS_CHANGES = [
  'ActivateInstitution',
  'SuspendInstitution',
  'ReinstateInstitution',
  'CloseInstitution',
] as const satisfies readonly InstitutionCommandType[];
export type InstitutionStatusChange = (typeof INSTITUTION_STATUS_CHANGES)[number];

/** Each status change's endpoint: POST /institutions/{id}/{action}. */
export const INSTITUTION_STATUS_CHANGE_ACTIONS = {
  ActivateInstitution: 'activate',
  SuspendInstitution: 'suspend',
  ReinstateInstitution: 'reinstate',
  CloseInstitution: 'close',
} as const satisfies Record<InstitutionStatusChange, string>;

/** The status changes that carry a reason (kept in the institution's history). */
export const INSTITUTION_STATUS_CHANGES_WITH_REASON = [
  'SuspendInstitution',
  'CloseInstitution',
] as const satisfies readonly InstitutionStatusChange[];

export function isInstitutionCommandAllowed(
  command: InstitutionCommandType,
  status: InstitutionStatus,
): boolean {
  return INSTITUTION_COMMAND_ALLOWED_FROM[command].includes(status);
}

/** The status changes an institution in this status accepts, in INSTITUTION_STATUS_CHANGES order. */
export function institutionStatusChangesAllowedIn(
  status: InstitutionStatus,
): InstitutionStatusChange[] {
  return INSTITUTION_STATUS_CHANGES.filter((command) =>
    isInstitutionCommandAllowed(command, status),
  );
}
