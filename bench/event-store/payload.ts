import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@sfp/event-sourcing';

/**
 * Realistic events for the benchmark: a help-desk "service request submitted"
 * event of about 1 KB of JSON (the shape of ServiceRequestSubmittedData in
 * services/help-desk), with a person as actor, a correlation and a causation id.
 * The bench imports no service code (a bench is not a context): the shape is
 * copied here, the values are drawn from a fixed seed so every run writes the
 * same kind of bytes.
 */
export const EVENT_TYPE = 'help-desk.ServiceRequestSubmitted';

const KINDS = ['advocacy-internal', 'referral', 'tool-development', 'programme-guidance'];
const THEMES = ['youth', 'gender', 'poverty', 'informal-economy', 'microinsurance', 'cooperatives'];
const REGIONS = ['africa', 'americas', 'arab-states', 'asia-pacific', 'europe-central-asia'];
const COUNTRIES = ['KE', 'PE', 'JO', 'BD', 'GE', 'SN', 'CO', 'PH'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const ORGANISATIONS = [
  'Regional Office for Africa, Decent Work Team',
  'Employment Policy Department, Inclusive Finance Unit',
  'Country Office for the Andean Countries',
  'Federation of Savings and Credit Cooperatives',
];
const WORDS = (
  'microfinance institution requests guidance on social performance indicators for a ' +
  'youth savings product combined with micro-insurance cover for informal economy workers ' +
  'including a review of the pricing policy the client protection principles and the ' +
  'reporting template expected by the donor before the next board meeting in the region'
).split(' ');

/** A small deterministic generator (mulberry32), so payloads are the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

function words(random: () => number, count: number): string {
  return Array.from({ length: count }, () => pick(random, WORDS)).join(' ');
}

export type ServiceRequestSubmittedPayload = Record<string, unknown>;

function payload(random: () => number, index: number): ServiceRequestSubmittedPayload {
  const submittedAt = new Date(Date.UTC(2025, 2, 1) + index * 3_600_000);
  return {
    requestId: randomUUID(),
    requester: {
      personId: randomUUID(),
      name: `Aminata Diallo-${index}`,
      email: `a.diallo.${index}@example.org`,
      origin: pick(random, ['unit', 'department', 'regional-office', 'constituent']),
      organisation: pick(random, ORGANISATIONS),
      constituentGroup: 'partner-institution',
    },
    title: `Request for guidance: ${words(random, 8)}`,
    description: `${words(random, 52)}.`,
    kind: pick(random, KINDS),
    globalInitiative: 'social-performance-task-force',
    themes: [pick(random, THEMES), pick(random, THEMES)],
    region: pick(random, REGIONS),
    country: pick(random, COUNTRIES),
    priority: pick(random, PRIORITIES),
    submittedAt: submittedAt.toISOString(),
    dueAt: new Date(submittedAt.getTime() + 10 * 86_400_000).toISOString(),
  };
}

const random = generator(20250301);
/** 64 distinct payloads; events cycle through them. */
const PAYLOADS: readonly ServiceRequestSubmittedPayload[] = Array.from({ length: 64 }, (_, i) =>
  payload(random, i),
);

/** Average size of an event's data as JSON text, in bytes. */
export const AVERAGE_PAYLOAD_BYTES = Math.round(
  PAYLOADS.reduce((sum, data) => sum + Buffer.byteLength(JSON.stringify(data)), 0) /
    PAYLOADS.length,
);

const ACTOR = { kind: 'person' as const, id: 'a.diallo@example.org', department: 'SFP' };

let counter = 0;

/** `count` fresh events (new eventIds) for one commit, as a command handler would produce them. */
export function commitEvents(count: number): NewEvent[] {
  const correlationId = randomUUID();
  const occurredAt = new Date().toISOString();
  return Array.from({ length: count }, () => ({
    eventId: randomUUID(),
    type: EVENT_TYPE,
    schemaVersion: 1,
    data: PAYLOADS[counter++ % PAYLOADS.length],
    metadata: { correlationId, causationId: correlationId, actor: ACTOR, occurredAt },
  }));
}
