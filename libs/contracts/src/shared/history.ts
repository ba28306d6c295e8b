/**
 * A record's history, as the services' detail views answer it: one entry per
 * event of its stream (who did what, when).
 */

/** Who caused an event: a person, a department's system (an integration client) or the platform. */
export interface Actor {
  kind: 'person' | 'integration-client' | 'system';
  id: string;
  /** The department or office the actor acts for, when known. */
  department?: string;
}

export interface HistoryEntry {
  streamVersion: number;
  position: number;
  /** The event name without its context, e.g. `ServiceRequestTriaged`. */
  event: string;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  data: unknown;
}
