import 'reflect-metadata';
import { loadConfig } from '@sfp/service-kit';
import { ReportingServiceConfig } from './standalone/reporting-service.config';
import { startReportingService } from './standalone/start-reporting-service';

/** Reporting on its own, against KAFKA_BROKERS and MONGODB_URI (`nx run reporting:serve`). */
async function main(): Promise<void> {
  const config = loadConfig(ReportingServiceConfig);
  const service = await startReportingService(config);
  service.logger.info(
    { url: service.url, database: config.MONGODB_DATABASE },
    `SFP reporting listening on ${service.url} — API docs at ${service.url}/api/docs`,
  );
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
    `Reporting could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
