import { randomBytes } from 'node:crypto';
import {
  HOW_TO_START_LOCAL_SERVERS,
  InfrastructureUnavailableError,
} from './infrastructure-unavailable.error';
import { parseBrokers } from './provide-infrastructure';

export interface IntegrationEnv {
  kafkaBrokers: string[];
  mongodbUri: string;
}

/** The server addresses inside a test worker (set by the integration global setup). */
export function integrationEnv(env: NodeJS.ProcessEnv = process.env): IntegrationEnv {
  const brokers = env['KAFKA_BROKERS'];
  const mongodbUri = env['MONGODB_URI'];
  if (!brokers || !mongodbUri) {
    throw new InfrastructureUnavailableError(
      `This test needs KAFKA_BROKERS and MONGODB_URI; run it through an integration target ` +
        `(jest.integration.config.js), whose global setup provides them.\n${HOW_TO_START_LOCAL_SERVERS}`,
    );
  }
  return { kafkaBrokers: parseBrokers(brokers), mongodbUri };
}

/** A name no other test run uses: `<prefix>-<time>-<random>`, safe for topics and databases. */
export function uniqueName(prefix: string): string {
  const safe = prefix
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 30);
  return `${safe}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
