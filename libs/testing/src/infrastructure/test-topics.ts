import { Kafka, logLevel, type Admin } from 'kafkajs';
import { integrationEnv, uniqueName } from './integration-env';

export interface TestTopics {
  kafka: Kafka;
  /** The topic names, in the order of the requested suffixes. */
  names: string[];
  /** Deletes the topics. */
  cleanup(): Promise<void>;
}

export interface TestTopicOptions {
  partitions?: number;
  /** Prefix of the names; the test file's name is a good choice. */
  prefix?: string;
}

/** Creates fresh topics for one test file (automatic topic creation is off on our brokers). */
export async function createTestTopics(
  suffixes: string[],
  options: TestTopicOptions = {},
): Promise<TestTopics> {
  const { kafkaBrokers } = integrationEnv();
  const kafka = new Kafka({
    clientId: 'sfp-test',
    brokers: kafkaBrokers,
    logLevel: logLevel.WARN,
  });
  const base = uniqueName(options.prefix ?? 'test');
  const names = suffixes.map((suffix) => `${base}.${suffix}`);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: names.map((topic) => ({
        topic,
        numPartitions: options.partitions ?? 1,
        replicationFactor: 1,
      })),
    });
  } finally {
    await admin.disconnect();
  }
  return {
    kafka,
    names,
    cleanup: () => withAdmin(kafka, (a) => a.deleteTopics({ topics: names })),
  };
}

async function withAdmin(kafka: Kafka, run: (admin: Admin) => Promise<void>): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await run(admin);
  } finally {
    await admin.disconnect();
  }
}
