import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { encodeEventMessage, type OutgoingMessage } from '@sfp/messaging';
import { ArrivalRecorder, nowMs, paced, type LatencySummary } from './measure';
import { summarize, type ThroughputResult } from './pipeline';
import { EVENTS_PER_STREAM, requestEvent } from './workload';

/** What the relay publishes per round (OutboxRelay's default batch). */
export const RELAY_BATCH = 500;

/**
 * The same payloads the relay publishes: the workload's events as recorded
 * events (positions, versions, recordedAt filled in), through the platform's
 * own encodeEventMessage (key = stream id, value = envelope JSON, 7 headers).
 */
export function samePayloads(prefix: string, count: number, firstPosition = 1): OutgoingMessage[] {
  const streams = Math.max(1, Math.ceil(count / EVENTS_PER_STREAM));
  return Array.from({ length: count }, (_, index) => {
    const streamId = `${prefix}-${index % streams}`;
    const streamVersion = Math.floor(index / streams) + 1;
    const event = requestEvent(streamId, streamVersion, index);
    const recorded: RecordedEvent = {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      streamVersion,
      position: firstPosition + index,
      occurredAt: event.metadata.occurredAt,
      recordedAt: new Date().toISOString(),
      correlationId: event.metadata.correlationId,
      actor: event.metadata.actor,
      data: event.data,
    };
    return encodeEventMessage(recorded);
  });
}

/**
 * The baseline: kafkajs alone, produce to consume, on a topic of its own with
 * the events topics' partitions. Producer configured as KafkaEventBus's
 * (idempotent, one request in flight, acks=all, murmur2 on the key); consumer
 * configured as its consumers (same session and heartbeat, eachBatch, one
 * partition at a time), but doing nothing with a message beyond noting its
 * arrival. Throughput: sends of RELAY_BATCH messages one after another, as the
 * relay publishes. Latency: each message sent on its own when due.
 */
export class RawKafkaBaseline {
  recorder = new ArrivalRecorder();

  private constructor(
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly consumer: Consumer,
    readonly topic: string,
    readonly groupId: string,
  ) {}

  /**
   * `sink`, when given, receives each batch before its messages count as
   * arrived (the baseline with a raw bulkWrite behind the consumer, see
   * raw-bulk-write.ts); without it, a message arrives when the consumer sees it.
   */
  static async open(
    brokers: string[],
    topic: string,
    partitions: number,
    sink?: (messages: KafkaMessage[]) => Promise<void>,
    /** Partitions whose batches are handled at once (kafkajs partitionsConsumedConcurrently). */
    partitionsConsumedConcurrently = 1,
  ): Promise<RawKafkaBaseline> {
    const kafka = new Kafka({ clientId: 'sfp-bench-raw', brokers, logLevel: logLevel.WARN });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
    });
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    const groupId = `${topic}.raw-consumer`;
    const consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
    });
    const baseline = new RawKafkaBaseline(admin, producer, consumer, topic, groupId);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const recorder = baseline.recorder;
        if (sink) {
          if (!isRunning() || isStale()) return;
          await sink(batch.messages);
          const at = nowMs();
          for (const message of batch.messages) {
            const eventId = message.headers?.['eventId'];
            if (eventId !== undefined) recorder.applied(eventId.toString(), at);
          }
          const last = batch.messages[batch.messages.length - 1];
          if (last) resolveOffset(last.offset);
          await heartbeat();
          return;
        }
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) return;
          const eventId = message.headers?.['eventId'];
          if (eventId !== undefined) recorder.applied(eventId.toString());
          resolveOffset(message.offset);
        }
        await heartbeat();
      },
    });
    return baseline;
  }

  async throughputRound(messages: OutgoingMessage[], timeoutMs: number): Promise<ThroughputResult> {
    const recorder = new ArrivalRecorder();
    this.recorder = recorder;
    const start = nowMs();
    for (let offset = 0; offset < messages.length; offset += RELAY_BATCH) {
      const batch = messages.slice(offset, offset + RELAY_BATCH);
      for (const message of batch) recorder.expect(message.headers?.['eventId'] as string);
      await this.producer.send({ topic: this.topic, acks: -1, messages: batch });
    }
    const producedAt = nowMs();
    const complete = await recorder.waitFor(messages.length, timeoutMs);
    const at = complete ? recorder.lastApplied : nowMs();
    return {
      events: messages.length,
      applied: recorder.appliedCount,
      endToEnd: (recorder.appliedCount * 1000) / (at - start),
      appended: (messages.length * 1000) / (producedAt - start),
      complete,
    };
  }

  /**
   * Fixed rate: messages are queued when due and a sender sends everything
   * queued in one request, one request at a time (what a producer with
   * batching does; kafkajs has no linger). Sending each message in a request
   * of its own cannot keep up with 500/s here: with one idempotent request in
   * flight, each waits for the previous acknowledgement (measured: p50 ≈ 600 ms).
   */
  async latencyRun(
    messages: OutgoingMessage[],
    rate: number,
    drainTimeoutMs: number,
  ): Promise<LatencySummary & { appendErrors: number }> {
    const recorder = new ArrivalRecorder();
    this.recorder = recorder;
    let errors = 0;
    let queue: OutgoingMessage[] = [];
    let sending: Promise<void> | undefined;
    const sendQueued = async (): Promise<void> => {
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        await this.producer.send({ topic: this.topic, acks: -1, messages: batch }).catch(() => {
          errors += batch.length;
        });
      }
      sending = undefined;
    };
    const { issued, elapsedMs } = await paced(
      rate,
      messages.length / rate,
      (index, scheduledAt) => {
        const message = messages[index] as OutgoingMessage;
        recorder.expect(message.headers?.['eventId'] as string, scheduledAt);
        queue.push(message);
        sending ??= sendQueued();
      },
    );
    await sending;
    await recorder.waitFor(issued, drainTimeoutMs);
    return summarize(recorder, issued, elapsedMs, rate, errors);
  }

  /** Disconnects, then deletes the topic and the consumer group. */
  async close(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.deleteTopics({ topics: [this.topic] }).catch(() => undefined);
    await this.admin.deleteGroups([this.groupId]).catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}
