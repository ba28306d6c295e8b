import type { Actor, RecordedEvent } from '@sfp/event-sourcing';

export interface HistoryEntry {
  streamVersion: number;
  position: number;
  /** The event name without its context, e.g. `PerformanceReportRestated`. */
  event: string;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  data: unknown;
}

/** Who did what, when: a record's stream as a history. */
export function historyOf(recorded: readonly RecordedEvent[]): HistoryEntry[] {
  return recorded.map((r) => ({
    streamVersion: r.streamVersion,
    position: r.position,
    event: r.type.replace(/^knowledge-base\./, ''),
    occurredAt: r.occurredAt,
    recordedAt: r.recordedAt,
    actor: r.actor,
    correlationId: r.correlationId,
    data: r.data,
  }));
}
