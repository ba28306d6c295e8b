/**
 * Reference data of the help desk. Kinds follow the focal point's help desk
 * and service function; themes and global initiatives are reference lists
 * that grow (add a value here and the help desk accepts it everywhere, and
 * the console offers it). Regions are shared (see ../shared/regions).
 */

export const REQUEST_KINDS = [
  'advocacy-internal',
  'advocacy-external',
  'referral',
  'global-initiative-coordination',
  'tool-development',
  'programme-guidance',
  'fund-instrument-guidelines',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Global initiatives whose responses the focal point coordinates Office-wide. */
export const GLOBAL_INITIATIVES = [
  'cgap',
  'microcredit-summit-campaign',
  'social-performance-task-force',
  'microinsurance-network',
  'smart-campaign',
  'financial-inclusion-forum',
  'other',
] as const;
export type GlobalInitiative = (typeof GLOBAL_INITIATIVES)[number];

/** The themes of a request (the knowledge base's library has its own: LIBRARY_THEMES). */
export const THEMES = [
  'youth',
  'gender',
  'poverty',
  'informal-economy',
  'child-labour',
  'migration-and-remittances',
  'social-protection',
  'microinsurance',
  'cooperatives',
  'green-finance',
  'crisis-response',
  'disability',
] as const;
export type Theme = (typeof THEMES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Where a request comes from. */
export const ORIGINS = ['unit', 'department', 'regional-office', 'constituent'] as const;
export type Origin = (typeof ORIGINS)[number];

export const CONSTITUENT_GROUPS = [
  'government',
  'employers-organisation',
  'workers-organisation',
  'partner-institution',
] as const;
export type ConstituentGroup = (typeof CONSTITUENT_GROUPS)[number];

export const REFERRAL_TARGETS = ['internal-unit', 'external-body'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export const CANCELLED_BY = ['requester', 'operator'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];
