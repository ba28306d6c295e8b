/** Targets set on an indicator: for whom, which way, and how they stand. */

/** One institution, the institutions of a programme, or the whole portfolio. */
export const TARGET_SCOPE_KINDS = ['institution', 'programme', 'portfolio'] as const;
export type TargetScopeKind = (typeof TARGET_SCOPE_KINDS)[number];

export const COMPARATORS = ['at-least', 'at-most'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** How a target stands: met, missed within its tolerance band, missed beyond it, or not known yet. */
export const TARGET_STATUSES = ['no-data', 'on-track', 'at-risk', 'off-track'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
