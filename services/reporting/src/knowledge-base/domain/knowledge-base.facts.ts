import { KNOWLEDGE_BASE_EVENT_TYPES as T } from './knowledge-base.public-events';

/** The part of a public event the folds read. */
export interface KnowledgeBaseEvent {
  type: string;
  data: Record<string, unknown>;
}

const str = (d: Record<string, unknown>, f: string) => String(d[f]);

/** One institution of the knowledge base, as reporting keeps it. */
export interface InstitutionFacts {
  institutionId: string;
  name: string;
  kind: string;
  legalType: string;
  country: string;
  region: string;
  programmes: string[];
  /** registered, active, suspended, closed. */
  status: string;
  registeredAt: string;
  lastChangedAt: string;
}

export function evolveInstitutionFacts(
  current: InstitutionFacts | undefined,
  event: KnowledgeBaseEvent,
): InstitutionFacts | undefined {
  const d = event.data;
  if (event.type === T.institutionRegistered) {
    return {
      institutionId: str(d, 'institutionId'),
      name: str(d, 'name'),
      kind: str(d, 'kind'),
      legalType: str(d, 'legalType'),
      country: str(d, 'country'),
      region: str(d, 'region'),
      programmes: [...(d['programmes'] as string[])],
      status: 'registered',
      registeredAt: str(d, 'registeredAt'),
      lastChangedAt: str(d, 'registeredAt'),
    };
  }
  if (!current) return undefined;
  const status: Record<string, string> = {
    [T.institutionActivated]: 'active',
    [T.institutionReinstated]: 'active',
    [T.institutionSuspended]: 'suspended',
    [T.institutionClosed]: 'closed',
  };
  const next = status[event.type];
  return next ? { ...current, status: next, lastChangedAt: str(d, 'at') } : undefined;
}

/** One performance report (all its versions folded): who reported, for which period, when. */
export interface PerformanceReportFacts {
  reportId: string;
  institutionId: string;
  institutionName: string;
  institutionKind: string;
  region: string;
  country: string;
  periodStart: string;
  periodEnd: string;
  year: number;
  version: number;
  filedAt: string;
  restatementCount: number;
  /** When each restatement was recorded. */
  restatedAt: string[];
}

export function evolvePerformanceReportFacts(
  current: PerformanceReportFacts | undefined,
  event: KnowledgeBaseEvent,
): PerformanceReportFacts | undefined {
  if (event.type !== T.reportFiled && event.type !== T.reportRestated) return undefined;
  const d = event.data;
  const institution = d['institution'] as Record<string, unknown>;
  const period = d['period'] as Record<string, unknown>;
  const version = {
    institutionName: String(institution['name'] ?? ''),
    institutionKind: String(institution['kind'] ?? ''),
    region: String(institution['region']),
    country: String(institution['country'] ?? ''),
    periodStart: String(period['start'] ?? ''),
    periodEnd: String(period['end'] ?? ''),
    year: Number(d['year']),
    version: Number(d['version']),
  };
  if (event.type === T.reportFiled) {
    return {
      reportId: str(d, 'reportId'),
      institutionId: str(d, 'institutionId'),
      ...version,
      filedAt: str(d, 'filedAt'),
      restatementCount: 0,
      restatedAt: [],
    };
  }
  if (event.type === T.reportRestated && current) {
    return {
      ...current,
      ...version,
      restatementCount: current.restatementCount + 1,
      restatedAt: [...current.restatedAt, str(d, 'restatedAt')],
    };
  }
  return undefined;
}

/** One target on an indicator, with its latest status and every status change. */
export interface TargetFacts {
  targetId: string;
  scopeKind: string;
  indicator: string;
  comparator: string;
  threshold: number;
  /** The due date as an instant (midnight UTC), so periods compare it like any timestamp. */
  dueAt: string;
  /** no-data, on-track, at-risk, off-track; withdrawn once withdrawn. */
  status: string;
  value: number | null;
  setAt: string;
  lastEvaluatedAt: string | null;
  withdrawn: boolean;
  /** `<evaluatedAt>|<status>` of every change, oldest first. */
  statusChanges: string[];
}

export function evolveTargetFacts(
  current: TargetFacts | undefined,
  event: KnowledgeBaseEvent,
): TargetFacts | undefined {
  const d = event.data;
  if (event.type === T.targetSet) {
    const scope = d['scope'] as Record<string, unknown>;
    const due = str(d, 'dueDate');
    return {
      targetId: str(d, 'targetId'),
      scopeKind: String(scope['kind'] ?? ''),
      indicator: str(d, 'indicator'),
      comparator: str(d, 'comparator'),
      threshold: Number(d['threshold']),
      dueAt: /^\d{4}-\d{2}-\d{2}$/.test(due) ? `${due}T00:00:00.000Z` : due,
      status: 'no-data',
      value: null,
      setAt: str(d, 'setAt'),
      lastEvaluatedAt: null,
      withdrawn: false,
      statusChanges: [],
    };
  }
  if (!current) return undefined;
  if (event.type === T.targetStatusChanged) {
    const at = str(d, 'evaluatedAt');
    return {
      ...current,
      status: str(d, 'status'),
      value: typeof d['value'] === 'number' ? d['value'] : null,
      lastEvaluatedAt: at,
      statusChanges: [...current.statusChanges, `${at}|${str(d, 'status')}`],
    };
  }
  if (event.type === T.targetWithdrawn) return { ...current, status: 'withdrawn', withdrawn: true };
  return undefined;
}
