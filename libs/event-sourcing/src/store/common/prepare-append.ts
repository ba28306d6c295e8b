import type { NewEvent } from '../../envelope/event-envelope';
import { DuplicateEventError, InvalidAppendError } from '../event-store.errors';
import type { ExpectedVersion } from '../event-store.port';
import { assertExpectedVersion } from './expected-version';

/** A validated event with its data already turned into JSON text, as every adapter stores it. */
export interface PreparedEvent {
  event: NewEvent;
  dataJson: string;
}

/**
 * Stream ids starting with `$` are the store's own (the MongoDB adapter's
 * `$void-<position>` documents); refusing them everywhere keeps the adapters alike.
 */
export const RESERVED_STREAM_PREFIX = '$';

/**
 * Checks an append before any I/O and serialises its data once. The same rules on
 * every adapter, so that an append refused by one is refused by all:
 *  - a non-empty stream id, not starting with `$`;
 *  - at least one event; each with a non-empty eventId and type, an integer
 *    schemaVersion >= 1, metadata with correlationId, occurredAt and an actor;
 *  - no eventId twice in the same append (DuplicateEventError, as across appends);
 *  - data that JSON represents exactly (see assertJsonData).
 */
export function prepareAppend(
  streamId: string,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
): PreparedEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidAppendError('A stream id must be a non-empty string');
  }
  if (streamId.startsWith(RESERVED_STREAM_PREFIX)) {
    throw new InvalidAppendError(
      `Stream ids starting with "$" are reserved by the store (got ${streamId})`,
    );
  }
  assertExpectedVersion(expected);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError(`An append to ${streamId} must carry at least one event`);
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    assertEnvelope(streamId, event, index);
    if (seen.has(event.eventId)) throw new DuplicateEventError(event.eventId);
    seen.add(event.eventId);
    assertJsonData(event.data, `events[${index}].data`);
    return { event, dataJson: JSON.stringify(event.data) };
  });
}

function assertEnvelope(streamId: string, event: NewEvent, index: number): void {
  const where = `${streamId}, events[${index}]`;
  if (typeof event !== 'object' || event === null)
    throw new InvalidAppendError(`${where}: not an event`);
  if (!nonEmpty(event.eventId))
    throw new InvalidAppendError(`${where}: eventId must be a non-empty string`);
  if (!nonEmpty(event.type))
    throw new InvalidAppendError(`${where}: type must be a non-empty string`);
  if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
    throw new InvalidAppendError(`${where}: schemaVersion must be an integer >= 1`);
  }
  const metadata = event.metadata;
  if (typeof metadata !== 'object' || metadata === null) {
    throw new InvalidAppendError(`${where}: metadata is missing`);
  }
  if (!nonEmpty(metadata.correlationId)) {
    throw new InvalidAppendError(`${where}: metadata.correlationId must be a non-empty string`);
  }
  if (metadata.causationId !== undefined && typeof metadata.causationId !== 'string') {
    throw new InvalidAppendError(`${where}: metadata.causationId must be a string when present`);
  }
  if (!nonEmpty(metadata.occurredAt)) {
    throw new InvalidAppendError(`${where}: metadata.occurredAt must be an ISO 8601 string`);
  }
  const actor = metadata.actor;
  if (typeof actor !== 'object' || actor === null || !nonEmpty(actor.kind) || !nonEmpty(actor.id)) {
    throw new InvalidAppendError(`${where}: metadata.actor needs a kind and an id`);
  }
  if (actor.department !== undefined && typeof actor.department !== 'string') {
    throw new InvalidAppendError(
      `${where}: metadata.actor.department must be a string when present`,
    );
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Refuses values that JSON would silently change, so that what is read back is
 * what was appended: undefined (at the top or in arrays), NaN and ±Infinity,
 * bigint, functions, symbols, and objects that are not plain (Date, Map, class
 * instances). `undefined` object properties are allowed and dropped, as
 * JSON.stringify does (optional fields). -0 is stored as 0, as JSON has no -0.
 */
export function assertJsonData(value: unknown, path: string): void {
  const problem = nonJsonAt(value);
  if (problem) throw new InvalidAppendError(`${path}${problem.path}: ${problem.reason}`);
}

interface NonJson {
  path: string;
  reason: string;
}

// On the append's hot path: paths are only built once something is wrong.
function nonJsonAt(value: unknown): NonJson | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : { path: '', reason: `${value} is not representable in JSON` };
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) return { path: `[${i}]`, reason: 'undefined in an array' };
          const inner = nonJsonAt(item);
          if (inner) return { path: `[${i}]${inner.path}`, reason: inner.reason };
        }
        return undefined;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        return { path: '', reason: `only plain objects are JSON (got ${describe(value)})` };
      }
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        if (item === undefined) continue;
        const inner = nonJsonAt(item);
        if (inner) return { path: `.${key}${inner.path}`, reason: inner.reason };
      }
      return undefined;
    }
    default:
      return { path: '', reason: `a ${typeof value} is not JSON` };
  }
}

function describe(value: object): string {
  return (
    (value.constructor as { name?: string } | undefined)?.name ??
    'an object without a plain prototype'
  );
}
