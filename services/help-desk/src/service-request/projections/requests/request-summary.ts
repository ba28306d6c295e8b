import type { Requester, RequestSubject } from '@sfp/contracts';
import type { ServiceRequestStatus } from '../../domain/service-request.decider';
import type { EscalationReason } from '../../domain/service-request.events';
import type { Priority, Theme } from '../../domain/service-request.reference-data';
import { THEMES } from '../../domain/service-request.reference-data';

/**
 * One row of the help desk's request list: what the queue, the filters and the
 * statistics need. No personal data (the requester's origin and organisation
 * only), so an erasure leaves nothing here to purge.
 */
export interface RequestSummary
  extends Omit<RequestSubject, 'description'>,
    Pick<Requester, 'origin' | 'organisation'> {
  requestId: string;
  status: ServiceRequestStatus;
  /** Active: submitted, triaged, assigned, in progress or referred. */
  open: boolean;
  /** urgent 4, high 3, normal 2, low 1: sorts by priority. */
  priorityRank: number;
  /** The department whose person or system filed the request (integration clients see only theirs). */
  department?: string;
  assignee?: string;
  submittedAt: string;
  /** `YYYY-MM` of submission, for monthly volumes. */
  submittedMonth: string;
  dueAt: string;
  slaBreached: boolean;
  /** Ever breached, even if a reopening reset the current flag: for the breach rate. */
  slaEverBreached: boolean;
  firstResponseAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  /** Hours from submission to the first triage. */
  hoursToFirstResponse?: number;
  /** Hours from submission to the (latest) resolution. */
  hoursToResolution?: number;
  lastActivityAt: string;
  /** Escalated to the team lead in the current SLA span: as approaching its breach, or breached. */
  escalation?: EscalationReason;
  /** The team lead it escalated to. */
  escalatedTo?: string;
  /** The requester's satisfaction (1–5) after resolution, once answered. */
  satisfactionRating?: number;
  /** One boolean per theme (`theme_youth`...), so lists filter by theme. */
  [themeFlag: `theme_${string}`]: boolean;
}

export const PRIORITY_RANK: Record<Priority, number> = { low: 1, normal: 2, high: 3, urgent: 4 };

export function themeFlag(theme: Theme): `theme_${string}` {
  return `theme_${theme.replace(/-/g, '_')}`;
}

export function themeFlags(themes: readonly Theme[]): Record<`theme_${string}`, boolean> {
  const flags: Record<string, boolean> = {};
  for (const theme of THEMES) flags[themeFlag(theme)] = themes.includes(theme);
  return flags;
}

export function hoursBetween(from: string, to: string): number {
  return Math.round(((Date.parse(to) - Date.parse(from)) / 3_600_000) * 100) / 100;
}
