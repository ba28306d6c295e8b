import type { ReadModelFilter } from '@sfp/projections';
import type { Theme } from '../../domain/service-request.reference-data';
import type { RequestListQueryDto, RequestStatisticsQueryDto } from './request-list.query.dto';
import { themeFlag } from './request-summary';

const DAY_MS = 86_400_000;

/** Turns validated query parameters into a read-model filter (declared fields only, no operators from clients). */
export function requestListFilter(
  query: RequestListQueryDto | RequestStatisticsQueryDto,
  now: Date,
): ReadModelFilter {
  const filter: ReadModelFilter = {};
  const list = query as RequestListQueryDto;
  if (list.status?.length) filter['status'] = { in: list.status };
  if (list.open !== undefined) filter['open'] = list.open;
  if (list.assignee) filter['assignee'] = list.assignee;
  if (list.unassigned) filter['assignee'] = null;
  if (list.priority?.length) filter['priority'] = { in: list.priority };
  if (query.kind?.length) filter['kind'] = { in: query.kind };
  if (query.region?.length) filter['region'] = { in: query.region };
  if (list.country) filter['country'] = list.country;
  if (list.origin) filter['origin'] = list.origin;
  if (list.escalation) filter['escalation'] = list.escalation;
  if (query.theme) filter[themeFlag(query.theme as Theme)] = true;
  if (query.from || query.to) {
    filter['submittedAt'] = {
      ...(query.from ? { gte: isoStart(query.from) } : {}),
      ...(query.to ? { lt: isoStart(query.to) } : {}),
    };
  }
  const nowIso = now.toISOString();
  const soon = new Date(now.getTime() + DAY_MS).toISOString();
  switch (list.sla) {
    case 'breached':
      filter['slaBreached'] = true;
      break;
    case 'overdue':
      Object.assign(filter, { open: true, slaBreached: false, dueAt: { lt: nowIso } });
      break;
    case 'due-soon':
      Object.assign(filter, { open: true, slaBreached: false, dueAt: { gte: nowIso, lt: soon } });
      break;
    case 'on-track':
      Object.assign(filter, { open: true, slaBreached: false, dueAt: { gte: soon } });
      break;
    default:
      break;
  }
  return filter;
}

/** The SLA status of one open request against `now`, as the list filter computes it. */
export function slaStatusOf(
  request: { open: boolean; slaBreached: boolean; dueAt: string },
  now: Date,
): 'on-track' | 'due-soon' | 'overdue' | 'breached' | 'closed' {
  if (request.slaBreached) return 'breached';
  if (!request.open) return 'closed';
  const due = Date.parse(request.dueAt);
  if (due < now.getTime()) return 'overdue';
  return due < now.getTime() + DAY_MS ? 'due-soon' : 'on-track';
}

function isoStart(value: string): string {
  return value.length === 10 ? `${value}T00:00:00.000Z` : new Date(value).toISOString();
}

export function sortOf(sort: RequestListQueryDto['sort'] = '-submittedAt'): {
  field: string;
  direction: 'asc' | 'desc';
} {
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const name = sort.replace(/^-/, '');
  return { field: name === 'priority' ? 'priorityRank' : name, direction };
}
