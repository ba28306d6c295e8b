import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../src/embedded-platform';
import { PlatformConfig } from '../../src/platform.config';

const WORKSPACE = resolve(__dirname, '..', '..', '..', '..');
const CONSOLE_PROJECT = join(WORKSPACE, 'services', 'admin-console');
export const ARTIFACTS = join(WORKSPACE, 'test-artifacts', 'console');
export const CHROMIUM = process.env.SFP_CHROMIUM ?? '/usr/bin/chromium';

/** The flags this machine needs (no sandbox as root, no GPU, no calls home). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface ConsoleHarness {
  platform: EmbeddedPlatform;
  /** Where the browser opens the console (the platform's own port once it serves the console). */
  consoleUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The embedded platform as `npm start` boots it, in a temporary data folder,
 * serving the built console at /, and headless Chromium.
 */
export async function startConsoleHarness(
  adminPassword: string,
  /** Settings besides the defaults (e.g. SFP_SIGN_INS_PER_MINUTE for a test that seeds). */
  settings: Partial<PlatformConfig> & Record<string, unknown> = {},
): Promise<ConsoleHarness> {
  // Build the console when dist is missing or older than its sources (a few seconds).
  execFileSync(
    process.execPath,
    [join(CONSOLE_PROJECT, 'scripts', 'ensure-built.mjs'), '--strict'],
    { cwd: WORKSPACE, stdio: 'pipe' },
  );
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'sfp-console-'));
  const config = Object.assign(new PlatformConfig(), {
    PORT: 0,
    SFP_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SLA_CHECK_INTERVAL_MS: 0,
    SFP_ADMIN_PASSWORD: adminPassword,
    ...settings,
  });
  const platform = await startEmbeddedPlatform(config);
  // The platform serves the console itself (mountAdminConsole): the tests drive exactly that.
  if (!(await servesConsole(platform.url))) {
    await platform.close();
    throw new Error(`The platform at ${platform.url} does not serve the admin console at /`);
  }
  const consoleUrl = platform.url;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    baseURL: consoleUrl,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return {
    platform,
    consoleUrl,
    browser,
    context,
    page,
    screenshot: async (name) =>
      void (await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })),
    close: async () => {
      await browser.close().catch(() => undefined);
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (problems.length)
        throw new Error(`The console threw in the browser: ${problems.join('; ')}`);
    },
  };
}

async function servesConsole(url: string): Promise<boolean> {
  const response = await fetch(`${url}/help-desk/queue`, { headers: { accept: 'text/html' } });
  return response.ok && (await response.text()).includes('<div id="root">');
}
