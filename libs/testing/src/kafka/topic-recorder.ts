import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';

export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  /** The same record as the broker holds it: key, value and every value of each header, as bytes. */
  bytes: { key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer[]> };
}

/**
 * Reads topics from their beginning with a fresh consumer group and keeps
 * every message, so a test can wait for its own messages (found by its ids)
 * on topics shared with other runs on the same broker.
 */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];

  private constructor(
    private readonly kafka: Kafka,
    private readonly consumer: Consumer,
    readonly groupId: string,
  ) {}

  static async start(
    kafka: Kafka,
    topics: string[],
    prefix = 'sfp-test-recorder',
  ): Promise<TopicRecorder> {
    const groupId = `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // Short fetches: messages show up sooner and disconnect does not wait out a long poll.
      maxWaitTimeInMs: 250,
      allowAutoTopicCreation: false,
    });
    const recorder = new TopicRecorder(kafka, consumer, groupId);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        const headerBytes: Record<string, Buffer[]> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value === undefined) continue;
          const values = (Array.isArray(value) ? value : [value]).map((v) =>
            Buffer.isBuffer(v) ? v : Buffer.from(v),
          );
          headerBytes[name] = values;
          if (values[0] !== undefined) headers[name] = values[0].toString();
        }
        recorder.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? null,
          headers,
          bytes: { key: message.key ?? null, value: message.value, headers: headerBytes },
        });
      },
    });
    return recorder;
  }

  /** Resolves with the matching messages once there are at least `count` of them. */
  async waitFor(
    what: string,
    predicate: (message: RecordedMessage) => boolean,
    { count = 1, timeoutMs = 30_000 }: { count?: number; timeoutMs?: number } = {},
  ): Promise<RecordedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `Waited ${timeoutMs} ms for ${count} message(s): ${what}; found ${found.length}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Leaves and deletes the group, so test runs leave no consumer groups behind. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteGroups([this.groupId]).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}
