import type { DeadLetter } from '@sfp/contracts';
import { bytesOf, type IncomingMessage } from '../../bus/event-bus.port';
import type { FieldError } from '../dead-letter.errors';
import { DEAD_LETTER_HEADERS, isDeadLetterHeader } from '../dead-letter-headers';

/** Payloads longer than this are kept cut (the dead-letter topic keeps them whole). */
export const MAX_KEPT_PAYLOAD = 64 * 1024;

/**
 * One dead letter as operators see it: the answer shape of the contracts
 * (`DeadLetter`: why, from where, what, whether re-driven), with the field
 * errors as the dead-letter header carries them. The payload is cut after
 * MAX_KEPT_PAYLOAD characters (`payloadTruncated`, also set when the bytes are
 * not all UTF-8, so the text here is not the message byte for byte); `headers` are the original
 * message's own (the dlq-* ones are in the other fields).
 */
export interface DeadLetterEntry extends Omit<DeadLetter, 'fieldErrors'> {
  fieldErrors: FieldError[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isUtf8(bytes: Buffer | null): boolean {
  if (bytes === null) return true;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether the message's strings give back its exact bytes. */
function heldExactlyAsText(message: IncomingMessage): boolean {
  const bytes = bytesOf(message);
  return (
    isUtf8(bytes.key) &&
    isUtf8(bytes.value) &&
    Object.values(bytes.headers).every((values) => values.length === 1 && values.every(isUtf8))
  );
}

export function deadLetterEntryOf(message: IncomingMessage): DeadLetterEntry {
  const h = message.headers;
  const own: Record<string, string> = {};
  for (const [name, value] of Object.entries(h)) if (!isDeadLetterHeader(name)) own[name] = value;
  let fieldErrors: FieldError[] = [];
  try {
    const parsed = JSON.parse(h[DEAD_LETTER_HEADERS.fieldErrors] ?? '[]') as unknown;
    if (Array.isArray(parsed)) fieldErrors = parsed as FieldError[];
  } catch {
    fieldErrors = [];
  }
  const value = message.value;
  // The index keeps text: a dead letter whose bytes are not all UTF-8 (or
  // that repeats a header) is kept as its decoding, which is not the message;
  // like a cut one, it is re-driven from the topic (npm run dlq:redrive), never from here.
  const lossy = !heldExactlyAsText(message);
  const partition = Number(h[DEAD_LETTER_HEADERS.originalPartition]);
  return {
    id: `${message.topic}@${message.partition}:${message.offset}`,
    dlqTopic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key,
    payload: value === null ? null : value.slice(0, MAX_KEPT_PAYLOAD),
    payloadTruncated: (value !== null && value.length > MAX_KEPT_PAYLOAD) || lossy,
    headers: own,
    reason: h[DEAD_LETTER_HEADERS.reason] ?? 'unknown',
    error: h[DEAD_LETTER_HEADERS.error] ?? '',
    fieldErrors,
    originalTopic: h[DEAD_LETTER_HEADERS.originalTopic] ?? '',
    ...(Number.isInteger(partition) && h[DEAD_LETTER_HEADERS.originalPartition] !== undefined
      ? { originalPartition: partition }
      : {}),
    ...(h[DEAD_LETTER_HEADERS.originalOffset]
      ? { originalOffset: h[DEAD_LETTER_HEADERS.originalOffset] }
      : {}),
    ...(h[DEAD_LETTER_HEADERS.consumerGroup]
      ? { consumerGroup: h[DEAD_LETTER_HEADERS.consumerGroup] }
      : {}),
    deadLetteredAt: h[DEAD_LETTER_HEADERS.failedAt] ?? message.timestamp,
    status: 'pending',
  };
}
