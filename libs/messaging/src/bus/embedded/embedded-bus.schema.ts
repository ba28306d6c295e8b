/** Tables of the embedded bus: a partitioned, append-only log and each group's cursor. */
export const EMBEDDED_BUS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS bus_topics (
    name        TEXT PRIMARY KEY,
    partitions  INTEGER NOT NULL,
    config      TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TABLE IF NOT EXISTS bus_messages (
    topic       TEXT NOT NULL,
    partition   INTEGER NOT NULL,
    offset      INTEGER NOT NULL,
    key         TEXT,
    value       TEXT,
    headers     TEXT NOT NULL,
    timestamp   TEXT NOT NULL,
    PRIMARY KEY (topic, partition, offset)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS bus_group_offsets (
    group_id    TEXT NOT NULL,
    topic       TEXT NOT NULL,
    partition   INTEGER NOT NULL,
    next_offset INTEGER NOT NULL,
    PRIMARY KEY (group_id, topic, partition)
  ) WITHOUT ROWID;
`;
