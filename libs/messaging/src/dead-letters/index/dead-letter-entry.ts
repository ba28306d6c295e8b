import type { IncomingMessage } from '../../bus/event-bus.port';
import type { FieldError } from '../dead-letter.errors';
import { DEAD_LETTER_HEADERS, isDeadLetterHeader } from '../dead-letter-headers';

/** Payloads longer than this are kept cut (the dead-letter topic keeps them whole). */
export const MAX_KEPT_PAYLOAD = 64 * 1024;

/** One dead letter as operators see it: why, from where, what, and whether it was re-driven. */
export interface DeadLetterEntry {
  /** `<dlq topic>@<partition>:<offset>`: unique, stable. */
  id: string;
  dlqTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The message as it was (cut after MAX_KEPT_PAYLOAD characters, see `payloadTruncated`). */
  payload: string | null;
  payloadTruncated: boolean;
  /** The original message's own headers (the dlq-* ones are in the fields below). */
  headers: Record<string, string>;
  reason: string;
  error: string;
  fieldErrors: FieldError[];
  originalTopic: string;
  originalPartition?: number;
  originalOffset?: string;
  consumerGroup?: string;
  deadLetteredAt: string;
  status: 'pending' | 'redriven';
  redrivenAt?: string;
  redrivenBy?: string;
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
  const partition = Number(h[DEAD_LETTER_HEADERS.originalPartition]);
  return {
    id: `${message.topic}@${message.partition}:${message.offset}`,
    dlqTopic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key,
    payload: value === null ? null : value.slice(0, MAX_KEPT_PAYLOAD),
    payloadTruncated: value !== null && value.length > MAX_KEPT_PAYLOAD,
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
