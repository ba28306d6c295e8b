import { randomUUID } from 'node:crypto';
import {
  newEventId,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@sfp/event-sourcing';
import {
  decodeEventMessage,
  startReliableConsumer,
  type ContextTopics,
  type EventBus,
  type ProcessedMessageStore,
  type RunningConsumer,
} from '@sfp/messaging';
import {
  defineProjection,
  prepareWrite,
  type ProjectionDefinition,
  type ReadModelFields,
  type ReadModelStore,
  type ReadModelTable,
  type ViewWriter,
} from '@sfp/projections';
import { nowMs, paced, sleep, type ArrivalRecorder } from './measure';

/**
 * The workload: service requests, each a stream of EVENTS_PER_STREAM events
 * (one "submitted", then "updated"s), one event per append, with the expected
 * version the writer knows (as a decider appends). The read model is one
 * summary document per request, read-modify-written by every event, with six
 * declared (indexed) fields: the shape of the help desk's request list.
 */
export const EVENTS_PER_STREAM = 5;
export const SUBMITTED = 'bench.RequestSubmitted';
export const UPDATED = 'bench.RequestUpdated';

const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const STATUSES = ['triaged', 'assigned', 'in-progress', 'waiting', 'resolved'];

export interface RequestSummary {
  requestId: string;
  title: string;
  status: string;
  open: boolean;
  region: string;
  country: string;
  priority: string;
  priorityRank: number;
  themes: string[];
  updates: number;
  lastActivityAt: string;
  lastNote?: string;
}

export const SUMMARY_FIELDS: ReadModelFields = {
  status: 'string',
  open: 'boolean',
  region: 'string',
  priority: 'string',
  priorityRank: 'number',
  lastActivityAt: 'string',
};

const NOTE =
  'Follow-up with the applicant about the documents still missing from the file; ' +
  'the office will call back before the end of the week.';

/**
 * The event at `version` (1-based) of request `requestId`; ~450 bytes of JSON
 * data. Its eventId is made as handleCommand makes it (newEventId, UUID v7).
 */
export function requestEvent(requestId: string, version: number, index: number): NewEvent {
  const at = new Date().toISOString();
  const metadata = {
    correlationId: randomUUID(),
    actor: { kind: 'person' as const, id: `agent-${index % 50}`, department: 'help-desk' },
    occurredAt: at,
  };
  if (version === 1) {
    return {
      eventId: newEventId(),
      type: SUBMITTED,
      schemaVersion: 1,
      metadata,
      data: {
        requestId,
        title: `Request ${requestId}: support for a community savings group`,
        region: REGIONS[index % REGIONS.length],
        country: `C${index % 97}`,
        priority: PRIORITIES[index % PRIORITIES.length],
        themes: ['financial-inclusion', 'savings-groups', 'microfinance'].slice(0, 1 + (index % 3)),
        requester: { origin: 'web-form', organisation: `Organisation ${index % 211}` },
        submittedAt: at,
        dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      },
    };
  }
  return {
    eventId: newEventId(),
    type: UPDATED,
    schemaVersion: 1,
    metadata,
    data: {
      requestId,
      status: STATUSES[(version - 2) % STATUSES.length],
      priority: PRIORITIES[(index + version) % PRIORITIES.length],
      note: NOTE,
      updatedAt: at,
    },
  };
}

/** The summary after `event` (pure: the same in the projection and in the bus consumer). */
export function reduceSummary(
  current: RequestSummary | undefined,
  event: RecordedEvent,
): RequestSummary | undefined {
  const d = event.data as Record<string, unknown>;
  if (event.type === SUBMITTED) {
    const priority = String(d['priority']);
    return {
      requestId: String(d['requestId']),
      title: String(d['title']),
      status: 'submitted',
      open: true,
      region: String(d['region']),
      country: String(d['country']),
      priority,
      priorityRank: PRIORITIES.indexOf(priority),
      themes: d['themes'] as string[],
      updates: 0,
      lastActivityAt: String(d['submittedAt']),
    };
  }
  if (event.type === UPDATED && current) {
    const priority = String(d['priority']);
    const status = String(d['status']);
    return {
      ...current,
      status,
      open: status !== 'resolved',
      priority,
      priorityRank: PRIORITIES.indexOf(priority),
      updates: current.updates + 1,
      lastActivityAt: String(d['updatedAt']),
      lastNote: String(d['note']),
    };
  }
  return current;
}

/**
 * The projection of the direct path (the context's own read model, the
 * ProjectionEngine following the store). `onHandled` sees each event as its
 * handler runs; it is applied once the batch's write resolves.
 */
export function summaryProjection(
  name: string,
  onHandled: (event: RecordedEvent) => void,
): ProjectionDefinition<RequestSummary> {
  const handler = async (event: RecordedEvent, view: ViewWriter<RequestSummary>): Promise<void> => {
    await view.update(event.streamId, (current) => reduceSummary(current, event));
    onHandled(event);
  };
  return defineProjection<RequestSummary>({
    name,
    version: 1,
    fields: SUMMARY_FIELDS,
    handlers: { [SUBMITTED]: handler, [UPDATED]: handler },
  });
}

/**
 * A ReadModelStore that tells when a batch write has resolved: the moment the
 * events handled for that batch are in the read model.
 */
export function withWriteHook(inner: ReadModelStore, onWritten: () => void): ReadModelStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'write') {
        return async (...args: Parameters<ReadModelStore['write']>) => {
          const applied = await target.write(...args);
          onWritten();
          return applied;
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/**
 * The bus path's last hop, as another context would build its view of these
 * events with the platform's consumer runtime: startReliableConsumer with
 * decodeEventMessage, idempotency by eventId in the ProcessedMessageStore,
 * dead letters to the context's dlq, in batches (`handleBatch`): the runtime
 * leaves out what the group already processed (one query), the handler loads
 * the batch's summaries in one call, applies the events in order, and writes
 * each changed summary once, guarded by its last event's position (a plain
 * insert first when the document was absent, the position it loaded as the
 * guard's read otherwise: PreparedWrite.loadedPosition); the runtime then records the
 * batch as processed (one write). A poison message is isolated by the runtime
 * (one at a time) and dead-lettered alone.
 */
export async function startViewConsumer(options: {
  bus: EventBus;
  topics: ContextTopics;
  groupId: string;
  /** The idempotency records; undefined: none (the position guard alone, for experiments). */
  processed: ProcessedMessageStore | undefined;
  readModels: ReadModelStore;
  recorder: () => ArrivalRecorder;
}): Promise<RunningConsumer> {
  const table: ReadModelTable = {
    projection: 'bench-bus-view',
    generation: 1,
    fields: SUMMARY_FIELDS,
  };
  await options.readModels.ensureTable(table);
  return startReliableConsumer<RecordedEvent>({
    bus: options.bus,
    groupId: options.groupId,
    topics: [options.topics.events],
    deadLetterTopic: () => options.topics.dlq,
    decode: decodeEventMessage,
    ...(options.processed
      ? {
          idempotency: {
            store: options.processed,
            messageId: (event: RecordedEvent) => event.eventId,
          },
        }
      : {}),
    retry: { attempts: 3 },
    handleBatch: async (items) => {
      const ids = [...new Set(items.map(({ decoded }) => decoded.streamId))];
      const stored = new Map(
        (await options.readModels.load(table, ids)).map((record) => [record.id, record]),
      );
      const summaries = new Map<string, { data: RequestSummary | undefined; position: number }>();
      for (const id of ids) {
        const record = stored.get(id);
        summaries.set(id, {
          data: (record?.data ?? undefined) as RequestSummary | undefined,
          position: record?.position ?? 0,
        });
      }
      const changed = new Set<string>();
      for (const { decoded: event } of items) {
        const current = summaries.get(event.streamId) as {
          data: RequestSummary | undefined;
          position: number;
        };
        // Guarded as the store's write is: an event the summary already holds changes nothing.
        if (event.position <= current.position) continue;
        const next = reduceSummary(current.data, event);
        if (next) {
          summaries.set(event.streamId, { data: next, position: event.position });
          changed.add(event.streamId);
        }
      }
      const writes = [...changed].map((id) => {
        const summary = summaries.get(id) as { data: RequestSummary; position: number };
        const write = prepareWrite(table, id, summary.position, summary.data);
        const record = stored.get(id);
        if (record) write.loadedPosition = record.position;
        else write.maybeNew = true;
        return write;
      });
      if (writes.length > 0) await options.readModels.write({ table, writes });
      const recorder = options.recorder();
      for (const { decoded } of items) recorder.applied(decoded.eventId);
    },
  });
}

/** Appends through the store, with the version each stream is known to be at. */
export interface Appender {
  store: EventStore;
  /** Called after each acknowledged append (the help desk wakes its projections there). */
  afterAppend?: () => void;
}

function streamOf(
  prefix: string,
  streams: number,
  index: number,
): { streamId: string; version: number } {
  return { streamId: `${prefix}-${index % streams}`, version: Math.floor(index / streams) + 1 };
}

/**
 * Appends `events` events as fast as the store takes them: waves of
 * `concurrency` concurrent appends on distinct streams (group commit shares a
 * disk flush or an insertMany among them). With `perAppend` = 1 (the default,
 * a command that records one event) each stream gets EVENTS_PER_STREAM
 * one-event appends; with `perAppend` > 1 each stream is written whole by one
 * append of that many events. Returns when every append is acknowledged.
 */
export async function appendAsFastAsPossible(
  appender: Appender,
  recorder: ArrivalRecorder,
  prefix: string,
  events: number,
  concurrency: number,
  perAppend = 1,
): Promise<void> {
  if (perAppend > 1) {
    const appends = Math.ceil(events / perAppend);
    for (let wave = 0; wave < appends; wave += concurrency) {
      const pending: Promise<unknown>[] = [];
      for (let stream = wave; stream < Math.min(appends, wave + concurrency); stream++) {
        const streamId = `${prefix}-${stream}`;
        const count = Math.min(perAppend, events - stream * perAppend);
        const batch = Array.from({ length: count }, (_, i) =>
          requestEvent(streamId, i + 1, stream * perAppend + i),
        );
        for (const event of batch) recorder.expect(event.eventId);
        pending.push(
          appender.store.append(streamId, 0, batch).then(() => appender.afterAppend?.()),
        );
      }
      await Promise.all(pending);
    }
    return;
  }
  const streams = Math.ceil(events / EVENTS_PER_STREAM);
  if (concurrency > streams) throw new Error('concurrency must not exceed the number of streams');
  for (let wave = 0; wave < events; wave += concurrency) {
    const appends: Promise<unknown>[] = [];
    for (let index = wave; index < Math.min(events, wave + concurrency); index++) {
      const { streamId, version } = streamOf(prefix, streams, index);
      const event = requestEvent(streamId, version, index);
      recorder.expect(event.eventId);
      appends.push(
        appender.store.append(streamId, version - 1, [event]).then(() => appender.afterAppend?.()),
      );
    }
    await Promise.all(appends);
  }
}

/**
 * The fixed-rate appender: `rate` one-event appends per second for `seconds`,
 * open loop (an append is issued when due, whether or not the previous ones
 * are done; appends of one stream chain). Latency counts from the scheduled
 * time, so a stalled process counts against the pipeline.
 */
export async function appendAtFixedRate(
  appender: Appender,
  recorder: ArrivalRecorder,
  prefix: string,
  rate: number,
  seconds: number,
): Promise<{ issued: number; elapsedMs: number; appendErrors: number }> {
  const total = Math.round(rate * seconds);
  const streams = Math.max(1, Math.ceil(total / EVENTS_PER_STREAM));
  const tails = new Map<string, Promise<void>>();
  let appendErrors = 0;
  const result = await paced(rate, seconds, (index, scheduledAt) => {
    const { streamId, version } = streamOf(prefix, streams, index);
    const event = requestEvent(streamId, version, index);
    recorder.expect(event.eventId, scheduledAt);
    const previous = tails.get(streamId) ?? Promise.resolve();
    tails.set(
      streamId,
      previous
        .then(() => appender.store.append(streamId, version - 1, [event]))
        .then(() => appender.afterAppend?.())
        .catch(() => {
          appendErrors++;
        }),
    );
  });
  await Promise.all(tails.values());
  return { ...result, appendErrors };
}

/** Waits until `recorder` has seen `count` events, or `timeoutMs`; returns when it stopped waiting. */
export async function drain(
  recorder: ArrivalRecorder,
  count: number,
  timeoutMs: number,
): Promise<{ complete: boolean; at: number }> {
  const complete = await recorder.waitFor(count, timeoutMs);
  return { complete, at: complete ? recorder.lastApplied : nowMs() };
}

export { nowMs, sleep };
