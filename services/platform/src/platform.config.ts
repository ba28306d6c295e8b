import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { checkSettings, HostConfig, loadConfig, type ServiceDefinition } from '@sfp/service-kit';

/**
 * The embedded platform's settings, from the environment. Each context reads
 * its own variables (e.g. the help desk's SLA_CHECK_INTERVAL_MS) with the
 * settings class of its declaration, from the environment and this config.
 * The token and pseudonym secrets are made at first start and kept under
 * SFP_DATA_DIR (SFP_AUTH_TOKEN_SECRET, when set, is used instead).
 */
export class PlatformConfig extends HostConfig {
  /** HTTP port (default 3000). */
  override PORT = 3000;

  /** Where the SQLite files live (default ./data). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SFP_DATA_DIR = './data';

  /**
   * The help desk's requester mail goes to an in-process SMTP sink (its mails
   * on the console's Sent mail page, kept under SFP_DATA_DIR) unless
   * SFP_SMTP_URL names a real server; "false": no sink (mail stays queued).
   */
  @IsOptional()
  @IsIn(['true', 'false', true, false])
  SFP_SMTP_SINK: string | boolean = 'true';
}

/**
 * `npm start`'s one settings check, before anything is opened: the platform's
 * config (identities and the first administrator's password included) and the
 * settings of every context it mounts, every problem reported at once.
 */
export function checkPlatformSettings(
  contexts: ReadonlyArray<Pick<ServiceDefinition<object>, 'loadSettings'>>,
  env: NodeJS.ProcessEnv = process.env,
): PlatformConfig {
  const { config } = checkSettings({
    config: () => loadConfig(PlatformConfig, env),
    ...Object.fromEntries(
      contexts.map((context, index) => [`context ${index}`, () => context.loadSettings(env)]),
    ),
  });
  return config as PlatformConfig;
}
