// Who did what, when: one entry per event of a record's stream, newest first,
// each naming the actor (a user, an integration client or the platform).
import type { HistoryEntry } from '@sfp/contracts';
import { useDirectory } from '../session';
import { formatDateTime } from './format';

export function Timeline(props: {
  heading: string;
  history: readonly HistoryEntry[];
  /** What happened, in a few words ('Assigned'). */
  title: (entry: HistoryEntry) => string;
  /** The event's facts a reader needs, one line each. */
  summary?: (entry: HistoryEntry) => string[];
}) {
  const nameOf = useDirectory();
  return (
    <section aria-label={props.heading}>
      <h2>{props.heading}</h2>
      <ol className="timeline" aria-label="Timeline">
        {[...props.history].reverse().map((entry) => {
          const lines = props.summary?.(entry) ?? [];
          return (
            <li key={entry.streamVersion} data-event={entry.event}>
              <div className="when">
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
              </div>
              <div>
                <strong>{props.title(entry)}</strong> by{' '}
                <span className="actor">{nameOf(entry.actor?.kind, entry.actor?.id)}</span>
                {entry.actor?.department ? (
                  <span className="sub"> for {entry.actor.department}</span>
                ) : null}
                {lines.length ? (
                  <div className="event-summary">
                    {lines.map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The facts an event carries, by name (none when it carries none). */
export function eventData(entry: HistoryEntry): Record<string, unknown> {
  return typeof entry.data === 'object' && entry.data !== null
    ? (entry.data as Record<string, unknown>)
    : {};
}

/** The event's name without its context and record: 'helpdesk.ServiceRequestAssigned' → 'ServiceRequestAssigned'. */
export function eventName(entry: HistoryEntry): string {
  return entry.event.replace(/^.*\./, '');
}
