import type { HistoryEntry } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';

export type { HistoryEntry };

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
