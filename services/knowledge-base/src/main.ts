import 'reflect-metadata';
import { loadConfig } from '@sfp/service-kit';
import { KnowledgeBaseServiceConfig } from './standalone/knowledge-base-service.config';
import { startKnowledgeBaseService } from './standalone/start-knowledge-base-service';

/** `npx nx run knowledge-base:serve` (package.json has no start script for it yet): the knowledge base on its own, against KAFKA_BROKERS and MONGODB_URI. */
async function main(): Promise<void> {
  const config = loadConfig(KnowledgeBaseServiceConfig);
  const service = await startKnowledgeBaseService(config);
  service.logger.info(
    { url: service.url, database: config.MONGODB_DATABASE, brokers: config.KAFKA_BROKERS },
    `SFP knowledge base listening on ${service.url} — API docs at ${service.url}/api/docs`,
  );
  // `on`, not `once`: Nest's own shutdown hook re-raises the signal when it is
  // done, and that must not kill the process before close() has finished.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    service.logger.info({ signal }, 'Stopping');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        service.logger.error({ err: error }, 'Stopped with an error');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The knowledge base could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
