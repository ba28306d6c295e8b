import type { Priority } from './service-request.reference-data';

/** How long the help desk has to resolve a request, and how long a resolution can be reopened. */
export interface SlaPolicy {
  /** Calendar days from submission to the due date, per priority. */
  resolutionDays: Record<Priority, number>;
  /** Days after resolution during which the requester or an operator may reopen. */
  reopenWindowDays: number;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  resolutionDays: { urgent: 2, high: 5, normal: 10, low: 20 },
  reopenWindowDays: 14,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function dueDate(policy: SlaPolicy, submittedAt: string, priority: Priority): string {
  return new Date(Date.parse(submittedAt) + policy.resolutionDays[priority] * DAY_MS).toISOString();
}

export function reopenDeadline(policy: SlaPolicy, resolvedAt: string): string {
  return new Date(Date.parse(resolvedAt) + policy.reopenWindowDays * DAY_MS).toISOString();
}
