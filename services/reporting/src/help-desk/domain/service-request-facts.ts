import { HELP_DESK_EVENT_TYPES as T } from './help-desk.public-events';

/**
 * What reporting keeps of one service request: the facts a Governing Body
 * report and an analyst need, no personal data. Kind and themes are the
 * latest (triage may correct them); resolution times count from submission
 * to the FIRST resolution, so a period's figures do not change when a
 * request is reopened later.
 */
export interface ServiceRequestFacts {
  requestId: string;
  kind: string;
  themes: string[];
  globalInitiative: string | null;
  region: string;
  country: string;
  priority: string;
  origin: string | null;
  constituentGroup: string | null;
  /** submitted, triaged, assigned, in-progress, referred, resolved, closed, cancelled. */
  status: string;
  /** Not resolved, closed or cancelled. */
  open: boolean;
  submittedAt: string;
  firstResponseAt: string | null;
  hoursToFirstResponse: number | null;
  firstResolvedAt: string | null;
  hoursToFirstResolution: number | null;
  lastResolvedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  reopenCount: number;
  referralCount: number;
  slaBreachCount: number;
  /** When each SLA breach was detected (one per due date). */
  slaBreachDetectedAt: string[];
  slaBreached: boolean;
  lastEventAt: string;
}

/** The part of a public event the fold reads. */
export interface HelpDeskEvent {
  type: string;
  data: Record<string, unknown>;
}

const HOUR_MS = 3_600_000;

/** Hours between two ISO timestamps, to 2 decimals. */
export function hoursBetween(from: string, to: string): number {
  return Math.round(((Date.parse(to) - Date.parse(from)) / HOUR_MS) * 100) / 100;
}

const str = (data: Record<string, unknown>, field: string): string => String(data[field]);
const optional = (data: Record<string, unknown>, field: string): string | null =>
  typeof data[field] === 'string' ? (data[field] as string) : null;

/**
 * The facts after one event (pure). Returns undefined when the event changes
 * nothing reporting keeps (an unknown type, or an event of a request whose
 * submission was never seen).
 */
export function evolveServiceRequestFacts(
  current: ServiceRequestFacts | undefined,
  event: HelpDeskEvent,
): ServiceRequestFacts | undefined {
  const d = event.data;
  if (event.type === T.submitted) {
    const requester = (d['requester'] ?? {}) as Record<string, unknown>;
    return {
      requestId: str(d, 'requestId'),
      kind: str(d, 'kind'),
      themes: [...(d['themes'] as string[])],
      globalInitiative: optional(d, 'globalInitiative'),
      region: str(d, 'region'),
      country: str(d, 'country'),
      priority: str(d, 'priority'),
      origin: optional(requester, 'origin'),
      constituentGroup: optional(requester, 'constituentGroup'),
      status: 'submitted',
      open: true,
      submittedAt: str(d, 'submittedAt'),
      firstResponseAt: null,
      hoursToFirstResponse: null,
      firstResolvedAt: null,
      hoursToFirstResolution: null,
      lastResolvedAt: null,
      closedAt: null,
      cancelledAt: null,
      reopenCount: 0,
      referralCount: 0,
      slaBreachCount: 0,
      slaBreachDetectedAt: [],
      slaBreached: false,
      lastEventAt: str(d, 'submittedAt'),
    };
  }
  if (!current) return undefined;
  switch (event.type) {
    case T.triaged: {
      const at = str(d, 'triagedAt');
      return {
        ...current,
        status: 'triaged',
        kind: str(d, 'kind'),
        themes: [...(d['themes'] as string[])],
        globalInitiative: optional(d, 'globalInitiative'),
        priority: str(d, 'priority'),
        firstResponseAt: current.firstResponseAt ?? at,
        hoursToFirstResponse: current.hoursToFirstResponse ?? hoursBetween(current.submittedAt, at),
        lastEventAt: at,
      };
    }
    case T.assigned:
      return {
        ...current,
        status: current.status === 'in-progress' ? 'in-progress' : 'assigned',
        lastEventAt: str(d, 'assignedAt'),
      };
    case T.workStarted:
      return { ...current, status: 'in-progress', lastEventAt: str(d, 'startedAt') };
    case T.referred:
      return {
        ...current,
        status: 'referred',
        referralCount: current.referralCount + 1,
        lastEventAt: str(d, 'referredAt'),
      };
    case T.resolved: {
      const at = str(d, 'resolvedAt');
      return {
        ...current,
        status: 'resolved',
        open: false,
        firstResolvedAt: current.firstResolvedAt ?? at,
        hoursToFirstResolution:
          current.hoursToFirstResolution ?? hoursBetween(current.submittedAt, at),
        lastResolvedAt: at,
        lastEventAt: at,
      };
    }
    case T.closed:
      return {
        ...current,
        status: 'closed',
        open: false,
        closedAt: str(d, 'closedAt'),
        lastEventAt: str(d, 'closedAt'),
      };
    case T.reopened:
      return {
        ...current,
        status: 'in-progress',
        open: true,
        closedAt: null,
        reopenCount: current.reopenCount + 1,
        lastEventAt: str(d, 'reopenedAt'),
      };
    case T.cancelled:
      return {
        ...current,
        status: 'cancelled',
        open: false,
        cancelledAt: str(d, 'cancelledAt'),
        lastEventAt: str(d, 'cancelledAt'),
      };
    case T.commented:
      return { ...current, lastEventAt: str(d, 'commentedAt') };
    case T.slaBreached:
      return {
        ...current,
        slaBreached: true,
        slaBreachCount: current.slaBreachCount + 1,
        slaBreachDetectedAt: [...current.slaBreachDetectedAt, str(d, 'detectedAt')],
      };
    default:
      return undefined;
  }
}
