/**
 * One table holds the whole log. `position` is the global order: an
 * AUTOINCREMENT rowid, so a number is never handed out twice (even after a
 * rollback or a delete) and, as SQLite has one writer at a time, positions
 * become visible in order. UNIQUE (stream_id, stream_version) is the
 * concurrency rule's last line (the version is also checked inside the write
 * transaction) and serves readStream and the version lookup; UNIQUE (event_id)
 * makes an eventId storable once. Event data is JSON text, so any JSON value
 * round-trips exactly.
 */
export const SQLITE_EVENT_STORE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS es_events (
    position         INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id        TEXT    NOT NULL,
    stream_version   INTEGER NOT NULL,
    event_id         TEXT    NOT NULL,
    type             TEXT    NOT NULL,
    schema_version   INTEGER NOT NULL,
    occurred_at      TEXT    NOT NULL,
    recorded_at      TEXT    NOT NULL,
    correlation_id   TEXT    NOT NULL,
    causation_id     TEXT,
    actor_kind       TEXT    NOT NULL,
    actor_id         TEXT    NOT NULL,
    actor_department TEXT,
    data             TEXT    NOT NULL,
    imported         INTEGER,
    UNIQUE (stream_id, stream_version),
    UNIQUE (event_id)
  );
`;

/** The columns of a RecordedEvent, in the order readAll and readStream select them. */
export const SQLITE_EVENT_COLUMNS = `position, stream_id, stream_version, event_id, type, schema_version,
  occurred_at, recorded_at, correlation_id, causation_id, actor_kind, actor_id, actor_department, data,
  imported`;

/** A log written before imported past facts existed gets their column (NULL: recorded as it happened). */
export const SQLITE_EVENT_STORE_MIGRATIONS: ReadonlyArray<{ column: string; add: string }> = [
  { column: 'imported', add: 'ALTER TABLE es_events ADD COLUMN imported INTEGER' },
];

export interface SqliteEventRow {
  position: number;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  correlation_id: string;
  causation_id: string | null;
  actor_kind: string;
  actor_id: string;
  actor_department: string | null;
  data: string;
  /** 1 for an imported past fact, else NULL. */
  imported: number | null;
}
