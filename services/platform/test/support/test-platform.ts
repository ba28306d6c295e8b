import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../src/embedded-platform';
import { PlatformConfig } from '../../src/platform.config';

/**
 * The embedded platform as `npm start` boots it, for one e2e spec: a fresh
 * data folder (named `<dataDirPrefix>…` in the temporary folder), any free
 * port, no SLA check, a silent log, then `settings` on top (a context's
 * variables too, e.g. SLA_CHECK_INTERVAL_MS). Its `close` also
 * removes the data folder (as does a failed start).
 */
export async function startTestPlatform(
  dataDirPrefix: string,
  settings: Partial<PlatformConfig> & Record<string, unknown> = {},
  options: Parameters<typeof startEmbeddedPlatform>[1] = {},
): Promise<EmbeddedPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  const config = Object.assign(new PlatformConfig(), {
    PORT: 0,
    SFP_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SLA_CHECK_INTERVAL_MS: 0,
    ...settings,
  });
  let platform: EmbeddedPlatform;
  try {
    platform = await startEmbeddedPlatform(config, options);
  } catch (error) {
    removeData();
    throw error;
  }
  return {
    ...platform,
    close: async () => {
      try {
        await platform.close();
      } finally {
        removeData();
      }
    },
  };
}

/** A service request as a department files it: the body of POST /api/help-desk/service-requests. */
export const SERVICE_REQUEST = {
  requester: {
    name: 'Kofi Mensah',
    email: 'kofi@example.org',
    origin: 'department',
    organisation: 'Finance Department',
  },
  title: 'Guarantee fund for cooperatives',
  description: 'Which instrument fits?',
  kind: 'fund-instrument-guidelines',
  themes: ['cooperatives'],
  region: 'africa',
  country: 'GH',
  priority: 'normal',
};
