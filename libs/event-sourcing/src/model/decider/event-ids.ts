import { createHash } from 'node:crypto';
import type { DomainEvent } from '../event-type/event-type.definition';

/**
 * A UUID-shaped id derived from a key (the SHA-256 of the key, laid out as a UUID
 * with the given version digit and variant `a`): the same key always gives the
 * same id. For ids that must survive a redelivery, e.g. the id of the record an
 * inbound message creates (`4`) or of the events it appends (`5`, eventIdsFrom).
 * The layout is stored data: changing it would make a redelivered message new.
 */
export function uuidFromKey(key: string, version: 4 | 5 = 5): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Deterministic event ids from an idempotency key (an inbound message id): the
 * i-th event of the command gets `uuidFromKey(key#i)`, so a redelivered message's
 * append is a DuplicateEventError instead of a second copy of its events. A key
 * that several streams' commands share must name the stream.
 */
export function eventIdsFrom(key: string): (event: DomainEvent, index: number) => string {
  return (_event, index) => uuidFromKey(`${key}#${index}`);
}
