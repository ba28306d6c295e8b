import type { StandaloneService } from './standalone-host';

/**
 * The body of every standalone service's main: start it, log where it
 * listens, stop it cleanly on SIGINT or SIGTERM, and exit 1 with the reason
 * when it cannot start (a configuration error lists every problem).
 */
export function runStandaloneMain(name: string, start: () => Promise<StandaloneService>): void {
  start().then(
    (service) => {
      service.logger.info(
        { url: service.url },
        `SFP ${name} listening on ${service.url} — API docs at ${service.url}/api/docs`,
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
    },
    (error: unknown) => {
      process.stderr.write(
        `The ${name} could not start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
