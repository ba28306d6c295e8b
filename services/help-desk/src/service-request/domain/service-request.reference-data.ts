/**
 * Reference data of the help desk. The single definition is the platform's
 * contracts (libs/contracts/src/help-desk): the console offers the same lists.
 * Add a value there and it is accepted everywhere.
 */
export {
  CANCELLED_BY,
  CONSTITUENT_GROUPS,
  GLOBAL_INITIATIVES,
  ORIGINS,
  PRIORITIES,
  REFERRAL_TARGETS,
  REGIONS,
  REQUEST_KINDS,
  THEMES,
} from '@sfp/contracts';
export type {
  CancelledBy,
  ConstituentGroup,
  GlobalInitiative,
  Origin,
  Priority,
  ReferralTarget,
  Region,
  RequestKind,
  Theme,
} from '@sfp/contracts';
