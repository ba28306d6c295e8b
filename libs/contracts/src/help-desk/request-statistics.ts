/** The help desk's statistics (GET /statistics) of the requests its list's filters select. */

/** How long requests took to reach a step, in hours. */
export interface DurationStats {
  /** Requests that have the duration (e.g. were triaged). */
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface RequestStatistics {
  total: number;
  byKind: Record<string, number>;
  byTheme: Record<string, number>;
  byRegion: Record<string, number>;
  byMonth: Record<string, number>;
  byStatus: Record<string, number>;
  /** From submission to the first triage. */
  firstResponse: DurationStats;
  /** From submission to the (latest) resolution. */
  resolution: DurationStats;
  sla: {
    /** Requests whose SLA is decided: resolved, closed, or breached. */
    evaluated: number;
    breached: number;
    /** breached / evaluated, null when nothing is evaluated yet. */
    breachRate: number | null;
  };
  /** Requester satisfaction (CSAT): answers, mean rating and answers per rating "1".."5". */
  satisfaction: {
    responses: number;
    mean: number | null;
    distribution: Record<string, number>;
  };
}
