import type { EventStore, RecordedEvent } from '@sfp/event-sourcing';
import {
  OutboxRelay,
  provisionContextTopics,
  type CheckpointStore,
  type EventBus,
  type LeaseStore,
  type ProcessedMessageStore,
} from '@sfp/messaging';
import { ProjectionEngine, type ReadModelStore } from '@sfp/projections';
import {
  ArrivalRecorder,
  nowMs,
  percentile,
  type Instrument,
  type LatencySummary,
} from './measure';
import {
  appendAsFastAsPossible,
  appendAtFixedRate,
  drain,
  startViewConsumer,
  summaryProjection,
  withWriteHook,
  type Appender,
} from './workload';

/** A pipeline under test: events go in through `appender`, and its last hop reports to `recorder`. */
export interface Pipeline {
  /** e.g. "embedded · direct projection". */
  label: string;
  appender: Appender;
  /** The recorder of the current run (swapped by each run). */
  recorder: ArrivalRecorder;
  close(): Promise<void>;
}

/**
 * For the direct path: a read-model store whose batch writes report the events
 * handled for that batch as applied, at the moment the write resolved.
 */
export function directPathHook(
  readModels: ReadModelStore,
  recorder: () => ArrivalRecorder,
): { store: ReadModelStore; handled: (event: RecordedEvent) => void } {
  let pending: string[] = [];
  const store = withWriteHook(readModels, () => {
    const at = nowMs();
    const done = pending;
    pending = [];
    const current = recorder();
    for (const eventId of done) current.applied(eventId, at);
  });
  return { store, handled: (event) => pending.push(event.eventId) };
}

/**
 * The direct path: a ProjectionEngine following `eventStore` into `readModels`
 * (batches of `batchSize`, default the library's), woken after each append as
 * a context's command handler does. Closing stops the engine, then
 * `closeStores`.
 */
export async function openDirectPipeline(options: {
  label: string;
  eventStore: EventStore;
  readModels: ReadModelStore;
  batchSize?: number;
  closeStores: () => Promise<void>;
}): Promise<Pipeline> {
  const { eventStore, batchSize } = options;
  const pipeline: Pipeline = {
    label: options.label,
    recorder: new ArrivalRecorder(),
    appender: { store: eventStore },
    close: async () => undefined,
  };
  const hook = directPathHook(options.readModels, () => pipeline.recorder);
  const engine = new ProjectionEngine({
    eventStore,
    store: hook.store,
    ...(batchSize === undefined ? {} : { batchSize }),
  });
  engine.register(summaryProjection('bench-requests', hook.handled));
  await engine.start();
  pipeline.appender.afterAppend = () => engine.wake();
  pipeline.close = async () => {
    await engine.stop();
    await options.closeStores();
  };
  return pipeline;
}

/**
 * The bus path: the context's topics provisioned on `bus` (3 partitions), an
 * OutboxRelay from `eventStore` (checkpoint and lease in the source context's
 * state, library defaults) and, in the destination context, the view consumer
 * writing `readModels` (idempotency records in `processed`, none if
 * undefined). Closing stops the consumer and the relay, then `closeResources`.
 */
export async function openBusPipeline(options: {
  label: string;
  context: string;
  eventStore: EventStore;
  bus: EventBus;
  source: { checkpoints: CheckpointStore; leases: LeaseStore };
  groupId: string;
  processed: ProcessedMessageStore | undefined;
  readModels: ReadModelStore;
  instrument: Instrument;
  closeResources: () => Promise<void>;
}): Promise<Pipeline> {
  const { bus, context } = options;
  const topics = await provisionContextTopics(bus, context, {
    partitions: 3,
    replicationFactor: 1,
  });
  const relay = new OutboxRelay({
    name: `${context}.outbox`,
    store: options.eventStore,
    bus,
    checkpoints: options.instrument('relayCheckpoints', options.source.checkpoints),
    leases: options.source.leases,
    topicFor: () => topics.events,
    onError: (error) => console.error('  relay round failed:', error),
  });
  const pipeline: Pipeline = {
    label: options.label,
    recorder: new ArrivalRecorder(),
    appender: { store: options.eventStore },
    close: async () => undefined,
  };
  const consumer = await startViewConsumer({
    bus,
    topics,
    groupId: options.groupId,
    processed: options.processed,
    readModels: options.readModels,
    recorder: () => pipeline.recorder,
  });
  relay.start();
  pipeline.close = async () => {
    await consumer.stop();
    await relay.stop();
    await options.closeResources();
  };
  return pipeline;
}

export interface ThroughputResult {
  events: number;
  applied: number;
  /** Events applied per second, from the first append to the last read-model write. */
  endToEnd: number;
  /** Appends acknowledged per second (how fast the store alone took them). */
  appended: number;
  /**
   * Events applied per CPU-second of this process during the round (user +
   * system, all its threads: the SQLite event store's writer thread and the
   * read models' checkpoint threads included; time blocked in fsync is not CPU
   * time). Below the end-to-end rate when the threads ran at the same time.
   * Embedded only: the servers of the Kafka+MongoDB mode use CPU outside this
   * process.
   */
  perCpuSecond?: number;
  complete: boolean;
}

let runCounter = 0;

/** A fresh stream prefix per run, so that every run starts new streams at version 0. */
export function runPrefix(kind: string): string {
  runCounter++;
  return `${kind}${runCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function throughputRound(
  pipeline: Pipeline,
  options: { events: number; concurrency: number; timeoutMs: number; perAppend?: number },
): Promise<ThroughputResult> {
  const recorder = new ArrivalRecorder();
  pipeline.recorder = recorder;
  const cpuAtStart = process.cpuUsage();
  const start = nowMs();
  await appendAsFastAsPossible(
    pipeline.appender,
    recorder,
    runPrefix('t'),
    options.events,
    options.concurrency,
    options.perAppend ?? 1,
  );
  const appendedAt = nowMs();
  const { complete, at } = await drain(recorder, options.events, options.timeoutMs);
  const cpu = process.cpuUsage(cpuAtStart);
  return {
    events: options.events,
    applied: recorder.appliedCount,
    endToEnd: (recorder.appliedCount * 1000) / (at - start),
    appended: (options.events * 1000) / (appendedAt - start),
    perCpuSecond: (recorder.appliedCount * 1e6) / Math.max(1, cpu.user + cpu.system),
    complete,
  };
}

export async function latencyRun(
  pipeline: Pipeline,
  options: { rate: number; seconds: number; drainTimeoutMs: number },
): Promise<LatencySummary & { appendErrors: number }> {
  const recorder = new ArrivalRecorder();
  pipeline.recorder = recorder;
  const { issued, elapsedMs, appendErrors } = await appendAtFixedRate(
    pipeline.appender,
    recorder,
    runPrefix('l'),
    options.rate,
    options.seconds,
  );
  await drain(recorder, issued, options.drainTimeoutMs);
  return summarize(recorder, issued, elapsedMs, options.rate, appendErrors);
}

export function summarize(
  recorder: ArrivalRecorder,
  issued: number,
  elapsedMs: number,
  rate: number,
  appendErrors = 0,
): LatencySummary & { appendErrors: number } {
  const sorted = recorder.sortedLatencies();
  const p50 = percentile(sorted, issued, 50);
  const p99 = percentile(sorted, issued, 99);
  return {
    events: issued,
    applied: sorted.length,
    p50: p50.value,
    p50LowerBound: p50.lowerBound,
    p99: p99.value,
    p99LowerBound: p99.lowerBound,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    achievedRate: (issued * 1000) / elapsedMs,
    targetRate: rate,
    appendErrors,
  };
}

/** Lets a pipeline finish what an earlier run left (a run that timed out) before the next one. */
export async function settle(pipeline: Pipeline, timeoutMs: number): Promise<void> {
  const previous = pipeline.recorder;
  if (previous.pending > 0)
    await previous.waitFor(previous.appliedCount + previous.pending, timeoutMs);
}
