import {
  addBusinessHours,
  businessHoursBetween,
  hoursPerDay,
  type BusinessCalendar,
} from '../../business-hours/business-calendar';
import type { Priority } from './service-request.reference-data';

/** How long the help desk has to resolve a request, and how long a resolution can be reopened. */
export interface SlaPolicy {
  /** Days from submission to the due date, per priority (business days of the calendar, when there is one). */
  resolutionDays: Record<Priority, number>;
  /** Days after resolution during which the requester or an operator may reopen. */
  reopenWindowDays: number;
  /** The business hours SLA time counts in (none: every hour of every day). */
  calendar?: BusinessCalendar;
  /** The share of the SLA (0–1) past which an open request escalates as approaching its breach (none: only a breach). */
  approachingShare?: number;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  resolutionDays: { urgent: 2, high: 5, normal: 10, low: 20 },
  reopenWindowDays: 14,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function dueDate(policy: SlaPolicy, submittedAt: string, priority: Priority): string {
  const { calendar } = policy;
  if (calendar)
    return addBusinessHours(
      submittedAt,
      policy.resolutionDays[priority] * hoursPerDay(calendar),
      calendar,
    );
  return new Date(Date.parse(submittedAt) + policy.resolutionDays[priority] * DAY_MS).toISOString();
}

/** The share of the SLA span [from, dueAt] used at `at`, in the policy's business hours (1 or more: due). */
export function slaShareUsed(policy: SlaPolicy, from: string, dueAt: string, at: string): number {
  if (!policy.calendar) {
    const span = Date.parse(dueAt) - Date.parse(from);
    return span > 0 ? (Date.parse(at) - Date.parse(from)) / span : 1;
  }
  const span = businessHoursBetween(from, dueAt, policy.calendar);
  return span > 0 ? businessHoursBetween(from, at, policy.calendar) / span : 1;
}

export function reopenDeadline(policy: SlaPolicy, resolvedAt: string): string {
  return new Date(Date.parse(resolvedAt) + policy.reopenWindowDays * DAY_MS).toISOString();
}
