import type { RecordedEvent } from '@sfp/event-sourcing';
import type { IncomingMessage, OutgoingMessage } from '../bus/event-bus.port';
import { DeadLetterError, type FieldError } from '../dead-letters/dead-letter.errors';

/** Header names of a published event: what a consumer needs without parsing the value. */
export const EVENT_HEADERS = {
  type: 'type',
  schemaVersion: 'schemaVersion',
  eventId: 'eventId',
  streamId: 'streamId',
  position: 'position',
  correlationId: 'correlationId',
  causationId: 'causationId',
  contentType: 'content-type',
} as const;

/** A recorded event as a bus message: key = stream id (order per stream), value = the envelope as JSON. */
export function encodeEventMessage(event: RecordedEvent): OutgoingMessage {
  const headers: Record<string, string> = {
    [EVENT_HEADERS.type]: event.type,
    [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
    [EVENT_HEADERS.eventId]: event.eventId,
    [EVENT_HEADERS.streamId]: event.streamId,
    [EVENT_HEADERS.position]: String(event.position),
    [EVENT_HEADERS.correlationId]: event.correlationId,
    [EVENT_HEADERS.contentType]: 'application/json',
  };
  if (event.causationId) headers[EVENT_HEADERS.causationId] = event.causationId;
  return { key: event.streamId, value: JSON.stringify(event), headers };
}

/**
 * Reads an event message back, checking the envelope field by field.
 * Throws DeadLetterError('undecodable') for a value that is not JSON and
 * DeadLetterError('schema-invalid') with field errors for a wrong envelope.
 */
export function decodeEventMessage(message: IncomingMessage): RecordedEvent {
  if (message.value === null) throw new DeadLetterError('undecodable', 'The message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value);
  } catch (error) {
    throw new DeadLetterError('undecodable', `The value is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DeadLetterError('undecodable', 'The value is not a JSON object');
  }
  const e = parsed as Record<string, unknown>;
  const errors: FieldError[] = [];
  const check = (field: string, ok: boolean, message: string) => {
    if (!ok) errors.push({ field, messages: [message] });
  };
  const isText = (v: unknown) => typeof v === 'string' && v.length > 0;
  const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 1;
  const isTime = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
  check('eventId', isText(e['eventId']), 'must be a non-empty string');
  check('type', isText(e['type']), 'must be a non-empty string');
  check('schemaVersion', isCount(e['schemaVersion']), 'must be an integer >= 1');
  check('streamId', isText(e['streamId']), 'must be a non-empty string');
  check('streamVersion', isCount(e['streamVersion']), 'must be an integer >= 1');
  check('position', isCount(e['position']), 'must be an integer >= 1');
  check('occurredAt', isTime(e['occurredAt']), 'must be an ISO 8601 timestamp');
  check('recordedAt', isTime(e['recordedAt']), 'must be an ISO 8601 timestamp');
  check('correlationId', isText(e['correlationId']), 'must be a non-empty string');
  check(
    'causationId',
    e['causationId'] === undefined || isText(e['causationId']),
    'must be a non-empty string when present',
  );
  const actor = e['actor'] as Record<string, unknown> | undefined;
  check(
    'actor',
    typeof actor === 'object' &&
      actor !== null &&
      ['person', 'integration-client', 'system'].includes(actor['kind'] as string) &&
      isText(actor['id']),
    'must be { kind: person | integration-client | system, id }',
  );
  check('data', 'data' in e, 'is required');
  const headerType = message.headers[EVENT_HEADERS.type];
  check(
    'type',
    headerType === undefined || headerType === e['type'],
    'differs from the type header',
  );
  if (errors.length) {
    throw new DeadLetterError(
      'schema-invalid',
      `The event envelope is invalid: ${errors.map((f) => `${f.field} ${f.messages[0]}`).join('; ')}`,
      errors,
    );
  }
  return e as unknown as RecordedEvent;
}
