import { Kafka, logLevel, type Message, type Producer } from 'kafkajs';
import mongoose from 'mongoose';
import { TopicRecorder } from './topic-recorder';

/**
 * A department's system on the test broker, as the distributed e2e suites
 * play it: a producer of commands (acks from every replica, no topic
 * auto-creation) and a recorder of the topics it reads (outcomes, events,
 * dead letters) from their beginning.
 */
export interface DepartmentSystem {
  kafka: Kafka;
  producer: Producer;
  recorder: TopicRecorder;
  send(topic: string, messages: Message[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startDepartmentSystem(options: {
  brokers: string[];
  clientId: string;
  /** The topics it records. */
  topics: string[];
  /** Prefix of the recorder's consumer group. */
  recorderGroup: string;
}): Promise<DepartmentSystem> {
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const recorder = await TopicRecorder.start(kafka, options.topics, options.recorderGroup);
  return {
    kafka,
    producer,
    recorder,
    send: async (topic, messages) => {
      await producer.send({ topic, acks: -1, messages });
    },
    stop: async () => {
      await Promise.all([
        recorder.stop().catch(() => undefined),
        producer.disconnect().catch(() => undefined),
      ]);
    },
  };
}

/** Drops the databases a test made on the MongoDB-protocol server (none when the URI is empty). */
export async function dropDatabases(uri: string, names: string[]): Promise<void> {
  if (!uri) return;
  for (const dbName of names) {
    const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
    try {
      await connection.dropDatabase();
    } finally {
      await connection.close();
    }
  }
}
