import type { SASLOptions } from 'kafkajs';
import type { Connection } from 'mongoose';
import { KafkaEventBus, provisionContextTopics } from '@sfp/messaging';
import type { Logger } from '../logging/logger';
import { connectMongo } from './standalone-connections';

/** KAFKA_BROKERS (comma-separated) as a list. */
export function kafkaBrokersOf(config: { KAFKA_BROKERS: string }): string[] {
  return config.KAFKA_BROKERS.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}

/**
 * What a standalone service has opened, closed last-in first-out: the HTTP
 * server and the workers before the stores, the bus and the connection. A
 * resource that fails to close is logged and the others still close.
 */
export class ResourceStack {
  private readonly closers: Array<() => Promise<unknown> | void> = [];
  private closing: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  add(close: () => Promise<unknown> | void): void {
    this.closers.push(close);
  }

  /** Closes everything once; later calls get the same promise. */
  closeAll(): Promise<void> {
    this.closing ??= (async () => {
      for (const close of this.closers.splice(0).reverse()) {
        try {
          await close();
        } catch (error) {
          this.logger.warn({ err: error }, 'A resource did not close cleanly');
        }
      }
    })();
    return this.closing;
  }
}

export interface StandaloneConnectionSettings {
  MONGODB_URI: string;
  MONGODB_DATABASE: string;
  KAFKA_BROKERS: string;
  KAFKA_CLIENT_ID: string;
  KAFKA_TOPIC_PARTITIONS: number;
  KAFKA_REPLICATION_FACTOR: number;
  KAFKA_SASL_MECHANISM?: 'scram-sha-512' | 'scram-sha-256' | 'plain';
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}

/** kafkajs's SASL settings from the service's (none without a mechanism, user and password). */
export function kafkaSaslOf(config: StandaloneConnectionSettings): SASLOptions | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD } = config;
  if (!mechanism || KAFKA_SASL_USERNAME === undefined || KAFKA_SASL_PASSWORD === undefined)
    return undefined;
  const credentials = { username: KAFKA_SASL_USERNAME, password: KAFKA_SASL_PASSWORD };
  return mechanism === 'plain' ? { mechanism, ...credentials } : { mechanism, ...credentials };
}

/**
 * A standalone service's MongoDB connection and Kafka bus, each added to
 * `resources`. With `provisionContext`, that context's topics are created
 * first, so a broker that refuses topic creation stops the start with a clear
 * message.
 */
export async function openStandaloneConnections(
  config: StandaloneConnectionSettings,
  resources: ResourceStack,
  logger: Logger,
  provisionContext?: string,
): Promise<{
  connection: Connection;
  bus: KafkaEventBus;
  topicProvisioning: { partitions: number; replicationFactor: number };
}> {
  const connection = await connectMongo({
    uri: config.MONGODB_URI,
    database: config.MONGODB_DATABASE,
    logger,
  });
  resources.add(() => {
    connection.removeAllListeners('disconnected');
    return connection.close();
  });
  const sasl = kafkaSaslOf(config);
  const bus = new KafkaEventBus({
    brokers: kafkaBrokersOf(config),
    clientId: config.KAFKA_CLIENT_ID,
    ...(sasl ? { kafka: { sasl } } : {}),
    onConsumerRestart: (groupId, reason) =>
      logger.warn({ groupId, reason }, 'Kafka consumer started again: it was stuck'),
  });
  resources.add(() => bus.close());
  const topicProvisioning = {
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
  };
  if (provisionContext) {
    // A broker that has just started can answer for a moment that it does not host a
    // partition it is creating: tried up to four times over about 6 s before giving up.
    for (let attempt = 1; ; attempt++) {
      try {
        await provisionContextTopics(bus, provisionContext, topicProvisioning);
        break;
      } catch (error) {
        if (attempt >= 4) {
          throw new Error(
            `Could not provision the ${provisionContext} topics on Kafka at ${config.KAFKA_BROKERS}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        logger.warn(
          { err: error, attempt },
          `Provisioning the ${provisionContext} topics failed; trying again`,
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
      }
    }
  }
  return { connection, bus, topicProvisioning };
}
