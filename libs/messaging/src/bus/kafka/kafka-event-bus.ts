import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaConfig,
  type Producer,
} from 'kafkajs';
import {
  assertConsumerHandlers,
  UnknownTopicError,
  type ConsumerOptions,
  type EventBus,
  type IncomingMessage,
  type MessageBytes,
  type MessageHeaders,
  type OutgoingMessage,
  type PartitionLag,
  type RunningConsumer,
  type TopicSpec,
} from '../event-bus.port';

/** How often a consumer tells the group coordinator it is alive (its session times out after 10 s). */
const HEARTBEAT_INTERVAL_MS = 1_000;

export interface KafkaEventBusOptions {
  brokers: string[];
  clientId: string;
  /** Extra kafkajs settings (SASL, SSL, timeouts). */
  kafka?: Partial<KafkaConfig>;
  /** Pause before a message whose handler threw is delivered again (default 200 ms). */
  retryDelayMs?: number;
  /**
   * Partitions whose batches a consumer handles at the same time (default 1:
   * one batch at a time). Order within a partition is kept either way. Above
   * 1, handlers of one consumer run concurrently for different partitions
   * (different stream ids): give it where the handler allows that, e.g. a
   * read model written by `_id` whose documents are keyed by stream, so that
   * one partition's bulk write overlaps another's round trip.
   */
  partitionsConsumedConcurrently?: number;
  /**
   * A consumer that has not fetched for this long while no handler runs is
   * started again (default 20 s: four times the idle fetch interval). kafkajs can stay stuck after its broker was
   * killed and restarted (a group join that never ends, a crash it does not
   * restart from): without this the group stalls, with nothing in the log.
   */
  consumerStallMs?: number;
  /** Told when a stalled or crashed consumer is started again. */
  onConsumerRestart?: (groupId: string, reason: string) => void;
}

/**
 * EventBus on Apache Kafka through kafkajs. Producer: idempotent, acks from all
 * in-sync replicas, murmur2 partitioning on the key (the Java client's), so one
 * stream id always lands in one partition. Consumer: one kafkajs consumer per
 * `consume` call, offsets committed only after the handler resolved.
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly consumers = new Set<KafkaConsumer>();
  private readonly retryDelayMs: number;
  private readonly partitionsConsumedConcurrently: number;
  private readonly consumerStallMs: number;
  private readonly onConsumerRestart?: (groupId: string, reason: string) => void;

  constructor(options: KafkaEventBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      ...options.kafka,
    });
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.partitionsConsumedConcurrently = Math.max(
      1,
      Math.floor(options.partitionsConsumedConcurrently ?? 1),
    );
    this.consumerStallMs = options.consumerStallMs ?? 20_000;
    this.onConsumerRestart = options.onConsumerRestart;
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const connecting = this.connectedProducer();
    const producer = await connecting;
    try {
      await producer.send({
        topic,
        acks: -1,
        // Strings go out as UTF-8, Buffers (a dead letter's original bytes) as they are.
        messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers ?? {} })),
      });
    } catch (error) {
      if (isUnknownTopic(error)) throw new UnknownTopicError(topic);
      // An idempotent producer can be wedged for good: after its broker was killed and
      // restarted, every send failed with "The broker received an out of order sequence
      // number" (the fault suite's scenario 1), and the outbox relay published nothing more.
      // The next publish starts a new producer, with a new producer id; what failed is sent
      // again by its caller (at least once, and consumers dedupe).
      if (this.producer === connecting) {
        this.producer = undefined;
        void producer.disconnect().catch(() => undefined);
      }
      throw error;
    }
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    assertConsumerHandlers(options);
    const consumer = new KafkaConsumer(
      this.kafka,
      options,
      {
        retryDelayMs: this.retryDelayMs,
        concurrency: this.partitionsConsumedConcurrently,
        stallMs: this.consumerStallMs,
        onRestart: (reason) => this.onConsumerRestart?.(options.groupId, reason),
        brokerAnswers: () =>
          boundedMs(
            this.connectedAdmin().then((admin) => admin.describeCluster()),
            3_000,
          ).then(
            () => true,
            () => false,
          ),
      },
      () => this.consumers.delete(consumer),
    );
    this.consumers.add(consumer);
    await consumer.start();
    return consumer;
  }

  async ensureTopics(specs: TopicSpec[]): Promise<void> {
    if (specs.length === 0) return;
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((s) => ({
        topic: s.topic,
        numPartitions: s.partitions,
        replicationFactor: s.replicationFactor,
        configEntries: Object.entries(s.config ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
  }

  async groupLag(groupId: string, topic: string): Promise<PartitionLag[]> {
    const admin = await this.connectedAdmin();
    const [ends, [committed]] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId, topics: [topic] }),
    ]);
    const committedBy = new Map(committed?.partitions.map((p) => [p.partition, p.offset]) ?? []);
    return ends
      .map((end) => {
        const at = committedBy.get(end.partition) ?? '-1';
        const lag = Number(end.high) - Math.max(Number(at), Number(end.low));
        return {
          partition: end.partition,
          committedOffset: at,
          endOffset: end.high,
          lag: Math.max(0, lag),
        };
      })
      .sort((a, b) => a.partition - b.partition);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    const producer = this.producer;
    const admin = this.admin;
    this.producer = undefined;
    this.admin = undefined;
    await Promise.all([
      producer?.then((p) => p.disconnect()).catch(() => undefined),
      admin?.then((a) => a.disconnect()).catch(() => undefined),
    ]);
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // murmur2 on the key, as the Java client: one stream id, one partition.
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
      });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }
}

class KafkaConsumer implements RunningConsumer {
  readonly groupId: string;
  private consumer: Consumer;
  private stopped = false;
  /** The last fetch, handler end or (re)start: what the watchdog measures a stall from. */
  private lastProgressAt = Date.now();
  /** Handlers running now, per kafkajs consumer: a long handler is not a stall (it beats the heartbeat itself). */
  private readonly handling = new Map<Consumer, number>();
  /** The group gave this member no partition: it does not fetch, and is not stalled. */
  private idle = false;
  private watchdog?: NodeJS.Timeout;
  private restarting?: Promise<void>;
  private checking = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumerOptions,
    private readonly settings: {
      retryDelayMs: number;
      concurrency: number;
      stallMs: number;
      onRestart: (reason: string) => void;
      /** Whether the cluster answers a metadata request now (bounded). */
      brokerAnswers: () => Promise<boolean>;
    },
    private readonly onStopped: () => void,
  ) {
    this.groupId = options.groupId;
    this.consumer = this.create();
  }

  private create(): Consumer {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      // Quick rebalances on a single-node broker; a departing member leaves explicitly.
      sessionTimeout: 10_000,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5_000 },
    });
    // A consumer given up on may come back by itself: kafkajs schedules its own restart after a
    // crash, and a disconnect racing with that restart leaves it running (two members of the group
    // in one process, one of them unwatched). Whatever it does next, it is disconnected again.
    const abandoned = () => {
      if (consumer === this.consumer) return false;
      void boundedMs(consumer.disconnect(), 10_000).catch(() => undefined);
      return true;
    };
    consumer.on(consumer.events.FETCH_START, () => {
      if (!abandoned()) this.lastProgressAt = Date.now();
    });
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      if (abandoned()) return;
      this.lastProgressAt = Date.now();
      this.idle = Object.values(event.payload.memberAssignment).every((p) => p.length === 0);
    });
    consumer.on(consumer.events.CRASH, (event) => {
      if (consumer !== this.consumer) {
        // kafkajs sets its restart timer right after this event: a disconnect clears it.
        setImmediate(() => void boundedMs(consumer.disconnect(), 10_000).catch(() => undefined));
        return;
      }
      // kafkajs gives up on an error it deems not retriable: start it again ourselves.
      if (!event.payload.restart) void this.restart(`it crashed: ${event.payload.error.message}`);
    });
    return consumer;
  }

  async start(): Promise<void> {
    await this.run(this.consumer);
    const every = Math.max(100, Math.min(5_000, this.settings.stallMs / 3));
    this.watchdog = setInterval(() => this.check(), every);
    this.watchdog.unref?.();
  }

  /**
   * Stuck: no fetch for stallMs, no handler running, and the broker answers.
   * While the broker is away kafkajs reconnects and rejoins on its own:
   * starting it again then would only add members to the group.
   */
  private check(): void {
    if (this.stopped || this.restarting || this.checking || this.idle) return;
    if ((this.handling.get(this.consumer) ?? 0) > 0) return;
    const quietMs = Date.now() - this.lastProgressAt;
    if (quietMs <= this.settings.stallMs) return;
    this.checking = true;
    void this.settings
      .brokerAnswers()
      .then((answers) => {
        if (answers && !this.stopped && Date.now() - this.lastProgressAt > this.settings.stallMs)
          return this.restart(`it has not fetched for ${quietMs} ms, and the broker answers`);
      })
      .finally(() => (this.checking = false));
  }

  /** Drops the stuck kafkajs consumer (bounded) and runs a new one; the group resumes from its commits. */
  private restart(reason: string): Promise<void> {
    this.restarting ??= (async () => {
      this.settings.onRestart(reason);
      const stuck = this.consumer;
      await boundedMs(stuck.disconnect(), 10_000).catch(() => undefined);
      if (this.stopped) return;
      this.consumer = this.create();
      this.lastProgressAt = Date.now();
      this.idle = false;
      // A failed start leaves lastProgressAt as it is: the watchdog tries again after stallMs.
      await this.run(this.consumer).catch(() => undefined);
    })().finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  private async run(consumer: Consumer): Promise<void> {
    const maxBatch = assertConsumerHandlers(this.options);
    await consumer.connect();
    for (const topic of this.options.topics) {
      await consumer.subscribe({ topic, fromBeginning: this.options.fromBeginning ?? true });
    }
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: this.settings.concurrency,
      // eachBatch with per-message resolveOffset: a throwing handler stops the batch
      // at that message; what was handled is committed, the rest is fetched again.
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat: beat, isRunning, isStale }) => {
        // A consumer given up on stops beating, even from inside a handler that never returns:
        // the group then drops it and gives its partitions to the consumer that replaced it.
        const heartbeat = () => (consumer === this.consumer ? beat() : Promise.resolve());
        const toMessage = (raw: (typeof batch.messages)[number]): IncomingMessage => {
          const bytes = bytesOfRecord(raw);
          return {
            topic: batch.topic,
            partition: batch.partition,
            offset: raw.offset,
            key: bytes.key ? bytes.key.toString('utf8') : null,
            value: bytes.value ? bytes.value.toString('utf8') : null,
            headers: decodeHeaders(bytes.headers),
            timestamp: new Date(Number(raw.timestamp)).toISOString(),
            raw: bytes,
          };
        };
        const batchHandler = this.options.batchHandler;
        if (batchHandler) {
          // Slices of at most maxBatch messages; each committed once its handler resolved.
          for (let from = 0; from < batch.messages.length; from += maxBatch) {
            if (!isRunning() || isStale()) return;
            const messages = batch.messages.slice(from, from + maxBatch).map(toMessage);
            try {
              await this.handled(consumer, () =>
                whileBeating(heartbeat, () => batchHandler(messages)),
              );
            } catch (error) {
              this.options.onHandlerError?.(error, messages[0] as IncomingMessage);
              await new Promise((r) => setTimeout(r, this.settings.retryDelayMs));
              throw error; // kafkajs seeks back to the last resolved offset and delivers again
            }
            resolveOffset((messages[messages.length - 1] as IncomingMessage).offset);
            await heartbeat();
          }
          return;
        }
        const handler = this.options.handler as (message: IncomingMessage) => Promise<void>;
        for (const raw of batch.messages) {
          if (!isRunning() || isStale()) return;
          const message = toMessage(raw);
          try {
            await this.handled(consumer, () => whileBeating(heartbeat, () => handler(message)));
          } catch (error) {
            this.options.onHandlerError?.(error, message);
            await new Promise((r) => setTimeout(r, this.settings.retryDelayMs));
            throw error; // kafkajs seeks back to the last resolved offset and delivers again
          }
          resolveOffset(raw.offset);
          await heartbeat();
        }
      },
    });
  }

  /** Counts the handler as running on `consumer` (a given-up one's hung handler must not shield its successor). */
  private async handled<T>(consumer: Consumer, handle: () => Promise<T>): Promise<T> {
    this.handling.set(consumer, (this.handling.get(consumer) ?? 0) + 1);
    try {
      return await handle();
    } finally {
      const left = (this.handling.get(consumer) ?? 1) - 1;
      if (left > 0) this.handling.set(consumer, left);
      else this.handling.delete(consumer);
      if (consumer === this.consumer) this.lastProgressAt = Date.now();
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.watchdog);
    await this.restarting;
    await this.consumer.disconnect();
    this.onStopped();
  }
}

/** The promise's outcome, or a rejection after `ms`. */
function boundedMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Runs a handler while telling the group coordinator the member is alive. A
 * slow handler (a slice of 500 events appended to a store that scans) would
 * otherwise outlast the session timeout: the member is dropped, the offsets it
 * resolves cannot be committed, and the same slice comes back, slower each
 * time (its events are now duplicates), so the consumer makes no progress and
 * stopping it waits for slices without end. kafkajs sends a heartbeat at most
 * once per heartbeatInterval; one refused during a rebalance is left to the
 * runner, which rejoins after the handler.
 */
async function whileBeating<T>(heartbeat: () => Promise<void>, handle: () => Promise<T>) {
  const beating = setInterval(() => heartbeat().catch(() => undefined), HEARTBEAT_INTERVAL_MS);
  try {
    return await handle();
  } finally {
    clearInterval(beating);
  }
}

const asBuffer = (value: Buffer | string): Buffer =>
  Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');

/** The record's bytes as kafkajs read them (it hands out Buffers: nothing is decoded here). */
function bytesOfRecord(record: {
  key?: Buffer | null;
  value: Buffer | null;
  headers?: IHeaders;
}): MessageBytes {
  const headers: Record<string, Buffer[]> = {};
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    if (value === undefined) continue;
    headers[name] = (Array.isArray(value) ? value : [value]).map(asBuffer);
  }
  return { key: record.key ?? null, value: record.value, headers };
}

function decodeHeaders(headers: Record<string, Buffer[]>): MessageHeaders {
  const result: MessageHeaders = {};
  for (const [name, values] of Object.entries(headers)) {
    const first = values[0];
    if (first !== undefined) result[name] = first.toString('utf8');
  }
  return result;
}

/** kafkajs reports a missing topic directly or wrapped in its retry error. */
function isUnknownTopic(error: unknown): boolean {
  for (
    let e = error as { type?: string; originalError?: unknown; cause?: unknown } | undefined;
    e;

  ) {
    if (e.type === 'UNKNOWN_TOPIC_OR_PARTITION') return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}
