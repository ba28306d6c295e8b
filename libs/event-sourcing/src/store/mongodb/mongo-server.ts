import type { Connection } from 'mongoose';

/**
 * Whether the server behind a connection is FerretDB (its buildInfo names a
 * `ferretdbVersion`). FerretDB v1 answers every query by a scan, except a
 * lookup by `_id`: a secondary index there only costs writes (unique ones
 * still enforce their rule), so the stores leave out those that only serve
 * reads.
 */
export async function isFerretDb(connection: Connection): Promise<boolean> {
  const db = connection.db;
  if (!db) return false;
  const info = await db.admin().command({ buildInfo: 1 });
  return typeof info['ferretdbVersion'] === 'string';
}
