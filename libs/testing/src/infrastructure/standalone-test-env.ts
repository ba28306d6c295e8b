import { integrationEnv, uniqueName } from './integration-env';

/**
 * The environment of a standalone service under test on the integration
 * servers: its own fresh database and identities database (dropped by the
 * suite at the end with dropDatabases), any free port, a silent log, two
 * partitions per topic, a token secret and the first administrator's
 * password. `extra` adds or overrides variables (a client id, a context's
 * own settings).
 */
export function standaloneTestEnv(options: {
  /** Prefix of the databases' names, e.g. `hd_e2e`. */
  prefix: string;
  adminPassword: string;
  extra?: Record<string, string>;
}): {
  env: Record<string, string>;
  databases: string[];
  mongodbUri: string;
  kafkaBrokers: string[];
} {
  const { kafkaBrokers, mongodbUri } = integrationEnv();
  // Short names: FerretDB's SQLite backend keeps each database in a file.
  const database = uniqueName(options.prefix).replace(/-/g, '_').slice(0, 60);
  const authDatabase = `${database.slice(0, 50)}_auth`;
  return {
    env: {
      KAFKA_BROKERS: kafkaBrokers.join(','),
      MONGODB_URI: mongodbUri,
      MONGODB_DATABASE: database,
      PORT: '0',
      // SFP_TEST_LOG_LEVEL=info shows the services' logs on the test's stdout (diagnosing a run).
      LOG_LEVEL: process.env.SFP_TEST_LOG_LEVEL ?? 'silent',
      KAFKA_TOPIC_PARTITIONS: '2',
      SFP_AUTH_TOKEN_SECRET: 'distributed-e2e-token-secret-0123456789abcdef',
      SFP_AUTH_DATABASE: authDatabase,
      SFP_ADMIN_PASSWORD: options.adminPassword,
      ...options.extra,
    },
    databases: [database, authDatabase],
    mongodbUri,
    kafkaBrokers,
  };
}
