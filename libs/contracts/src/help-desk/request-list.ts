/** The vocabulary of the help desk's request list (GET /service-requests): filters and sorts. */

/** Where an open request stands against its due date. */
export const SLA_STATUSES = ['on-track', 'due-soon', 'overdue', 'breached'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

/** `-` first: descending. */
export const REQUEST_SORTS = [
  'dueAt',
  '-dueAt',
  'priority',
  '-priority',
  'submittedAt',
  '-submittedAt',
  'lastActivityAt',
  '-lastActivityAt',
] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];
