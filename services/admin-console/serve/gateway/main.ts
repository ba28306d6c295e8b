import { resolve } from 'node:path';
import { consoleDistDir } from '../console-static';
import { createConsoleGateway } from './console-gateway';
import { loadGatewaySettings } from './gateway.settings';

/**
 * The console gateway on its own (distributed mode): the console and every
 * service's API on one origin. Compiled by `node scripts/build/build-service.mjs
 * console-gateway`, which puts the built console in `console/` beside main.js.
 */
function main(): void {
  let settings;
  try {
    // In the compiled build the console sits beside main.js; from the sources, in services/admin-console/dist.
    const built = resolve(__dirname, '..', '..', '..', '..', 'console');
    settings = loadGatewaySettings(
      process.env,
      __filename.endsWith('.js') ? built : consoleDistDir(),
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const server = createConsoleGateway(settings).listen(settings.port, settings.host, () => {
    console.log(
      JSON.stringify({
        level: 30,
        time: new Date().toISOString(),
        name: 'sfp-console-gateway',
        msg: `Console gateway on http://${settings.host}:${settings.port}`,
        console: settings.distDir,
        routes: Object.fromEntries(
          Object.entries(settings.routes.contexts).map(([context, url]) => [context, url.href]),
        ),
        shared: settings.routes.shared.href,
      }),
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
