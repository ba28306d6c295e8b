import { PLATFORM_CONTEXTS, startEmbeddedPlatform } from './embedded-platform';
import { checkPlatformSettings } from './platform.config';

/** `npm start`: the embedded platform on one port. */
async function main(): Promise<void> {
  // Every setting checked, and every problem reported, before anything is opened.
  const config = checkPlatformSettings(PLATFORM_CONTEXTS);
  const platform = await startEmbeddedPlatform(config);
  platform.logger.info(
    { url: platform.url, dataDir: config.SFP_DATA_DIR },
    `SFP Platform (embedded) listening on ${platform.url} — admin console at ${platform.url}/, API docs at ${platform.url}/api/docs`,
  );
  const first = platform.firstAdministrator;
  if (first) {
    // Printed once, on the first start only, to the console (not the log stream).
    process.stdout.write(
      first.oneTimePassword
        ? `\n  First start: sign in as "${first.username}" with the one-time password  ${first.oneTimePassword}\n  (you will be asked to change it; it is not shown again)\n\n`
        : `\n  First start: sign in as "${first.username}" with the password in SFP_ADMIN_PASSWORD\n\n`,
    );
  }
  // Nest re-sends the signal after its own shutdown hooks: handle every delivery,
  // but close once, so the bus and the stores finish closing before the exit.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.logger.info({ signal }, 'Stopping');
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The platform could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
