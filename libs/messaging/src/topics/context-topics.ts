import type { EventBus, TopicSpec } from '../bus/event-bus.port';

/** The topics of one bounded context. */
export interface ContextTopics {
  /** Public events, keyed by stream id. */
  events: string;
  /** Commands from departments' systems. */
  commands: string;
  /** The outcome of each inbound command, keyed by the sender's message id. */
  outcomes: string;
  /** Messages that could not be processed, with the reason in headers. */
  dlq: string;
}

export function contextTopics(context: string): ContextTopics {
  if (!/^[a-z][a-z0-9-]*$/.test(context)) {
    throw new RangeError(`"${context}" is not a context name (lower-case words joined by -)`);
  }
  return {
    events: `sfp.${context}.events`,
    commands: `sfp.${context}.commands`,
    outcomes: `sfp.${context}.outcomes`,
    dlq: `sfp.${context}.dlq`,
  };
}

export interface TopicProvisioningConfig {
  partitions: number;
  replicationFactor: number;
}

/** Reads KAFKA_TOPIC_PARTITIONS (default 3) and KAFKA_REPLICATION_FACTOR (default 1). */
export function topicProvisioningFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): TopicProvisioningConfig {
  const partitions = positiveInt(env['KAFKA_TOPIC_PARTITIONS'], 3, 'KAFKA_TOPIC_PARTITIONS');
  const replicationFactor = positiveInt(
    env['KAFKA_REPLICATION_FACTOR'],
    1,
    'KAFKA_REPLICATION_FACTOR',
  );
  return { partitions, replicationFactor };
}

/** Creates the context's topics at start-up when they do not exist yet. */
export async function provisionContextTopics(
  bus: EventBus,
  context: string,
  config: TopicProvisioningConfig,
): Promise<ContextTopics> {
  const topics = contextTopics(context);
  const specs: TopicSpec[] = Object.values(topics).map((topic) => ({
    topic,
    partitions: config.partitions,
    replicationFactor: config.replicationFactor,
  }));
  await bus.ensureTopics(specs);
  return topics;
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}
