// What the home dashboard reads, from the contexts' existing query routes:
// the help desk's open queue, the knowledge base's targets and institutions,
// and reporting's progress report. Each is read whole (up to a limit) and
// summed here: the dashboard shows a few figures, not the lists.
import { queryOptions } from '@tanstack/react-query';
import type { SlaStatus } from '@sfp/contracts';
import { get, queryString } from '../../api/client';
import type { Page } from '../../api/types';
import type { RequestSummary } from '../help-desk/help-desk.api';
import type { Institution, Target } from '../knowledge-base/knowledge-base.api';

/** At most this many records are read per list (a page of the API's largest size). */
export const DASHBOARD_LIMIT = 1000;

export interface Counted<T> {
  items: T[];
  /** More records than DASHBOARD_LIMIT: the figures are "at least". */
  more: boolean;
}

async function firstPage<T>(path: string, filters: Record<string, string>): Promise<Counted<T>> {
  const page = await get<Page<T>>(`${path}${queryString({ ...filters, limit: DASHBOARD_LIMIT })}`);
  return { items: page.items, more: Boolean(page.nextCursor) };
}

export interface AssigneeLoad {
  assignee: string | null;
  open: number;
  atRisk: number;
  late: number;
}

export interface HelpDeskSummary {
  open: number;
  bySla: Record<SlaStatus, number>;
  byAssignee: AssigneeLoad[];
  more: boolean;
}

/** The open queue summed: by SLA status, and by assignee (most open first, the unassigned last). */
export function summariseQueue(queue: Counted<RequestSummary>): HelpDeskSummary {
  const bySla: Record<SlaStatus, number> = {
    'on-track': 0,
    'due-soon': 0,
    overdue: 0,
    breached: 0,
  };
  const loads = new Map<string | null, AssigneeLoad>();
  for (const r of queue.items) {
    const sla: SlaStatus = r.slaStatus ?? (r.slaBreached ? 'breached' : 'on-track');
    bySla[sla] += 1;
    const who = r.assignee ?? null;
    const load = loads.get(who) ?? { assignee: who, open: 0, atRisk: 0, late: 0 };
    load.open += 1;
    if (sla === 'due-soon') load.atRisk += 1;
    if (sla === 'overdue' || sla === 'breached') load.late += 1;
    loads.set(who, load);
  }
  const byAssignee = [...loads.values()].sort(
    (a, b) =>
      Number(a.assignee === null) - Number(b.assignee === null) ||
      b.open - a.open ||
      (a.assignee ?? '').localeCompare(b.assignee ?? ''),
  );
  return { open: queue.items.length, bySla, byAssignee, more: queue.more };
}

/** The first day of the quarter `now` is in (UTC), as YYYY-MM-DD. */
export function quarterStart(now: Date): string {
  const month = Math.floor(now.getUTCMonth() / 3) * 3;
  return new Date(Date.UTC(now.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
}

export interface KnowledgeBaseSummary {
  /** Active institutions without a report for a period ending in the last full quarter (or later). */
  reportsDue: Institution[];
  atRisk: Target[];
  offTrack: Target[];
  /** Active targets due within 90 days (not yet past). */
  dueSoon: Target[];
  /** Institutions' names by id (for the targets' rows). */
  names: Record<string, string>;
  more: boolean;
}

const DAY = 86_400_000;

export function summariseKnowledgeBase(
  institutions: Counted<Institution>,
  targets: Counted<Target>,
  now: Date,
): KnowledgeBaseSummary {
  const lastQuarterEnd = new Date(Date.parse(quarterStart(now)) - DAY).toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + 90 * DAY).toISOString().slice(0, 10);
  const active = targets.items.filter((t) => t.active);
  return {
    reportsDue: institutions.items.filter(
      (i) =>
        i.status === 'active' &&
        (!i.latestPeriodEnd || i.latestPeriodEnd.slice(0, 10) < lastQuarterEnd),
    ),
    atRisk: active.filter((t) => t.status === 'at-risk'),
    offTrack: active.filter((t) => t.status === 'off-track'),
    dueSoon: active
      .filter((t) => t.dueDate >= today && t.dueDate <= horizon)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    names: Object.fromEntries(institutions.items.map((i) => [i.institutionId, i.name])),
    more: institutions.more || targets.more,
  };
}

export const homeQueries = {
  queue: () =>
    queryOptions({
      queryKey: ['help-desk', 'dashboard', 'queue'],
      queryFn: async () =>
        summariseQueue(await firstPage<RequestSummary>('/api/help-desk/queue', {})),
    }),
  knowledgeBase: () =>
    queryOptions({
      queryKey: ['knowledge-base', 'dashboard'],
      queryFn: async () => {
        const [institutions, targets] = await Promise.all([
          firstPage<Institution>('/api/knowledge-base/institutions', {}),
          firstPage<Target>('/api/knowledge-base/targets', { active: 'true' }),
        ]);
        return summariseKnowledgeBase(institutions, targets, new Date());
      },
    }),
};
