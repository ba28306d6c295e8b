import {
  provideInfrastructure,
  type IntegrationInfrastructure,
} from '../infrastructure/provide-infrastructure';

declare global {
  var __SFP_INFRASTRUCTURE__: IntegrationInfrastructure | undefined;
}

/**
 * Jest global setup for integration suites: finds (or starts) the servers and
 * hands their addresses to the test workers through the environment. A missing
 * server fails the whole run here, with instructions; nothing is skipped.
 */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await provideInfrastructure();
  process.env['KAFKA_BROKERS'] = infrastructure.kafkaBrokers.join(',');
  process.env['MONGODB_URI'] = infrastructure.mongodbUri;
  globalThis.__SFP_INFRASTRUCTURE__ = infrastructure;
  const mongo = infrastructure.mongo.ferretdbVersion
    ? `FerretDB ${infrastructure.mongo.ferretdbVersion} (MongoDB protocol ${infrastructure.mongo.version})`
    : `MongoDB ${infrastructure.mongo.version}`;
  process.stdout.write(
    `\n[sfp-testing] integration servers (${infrastructure.source}): ` +
      `Kafka ${infrastructure.kafkaBrokers.join(',')} cluster ${infrastructure.kafka.clusterId} ` +
      `(${infrastructure.kafka.brokerCount} broker); ${mongo} at ${infrastructure.mongodbUri}\n`,
  );
}
