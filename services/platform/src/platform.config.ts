import { IsOptional, IsString, MinLength } from 'class-validator';
import { HostConfig } from '@sfp/service-kit';

/**
 * The embedded platform's settings, from the environment. Each context reads
 * its own variables (e.g. the help desk's SLA_CHECK_INTERVAL_MS) with the
 * settings class of its declaration, from the environment and this config.
 */
export class PlatformConfig extends HostConfig {
  /** HTTP port (default 3000). */
  override PORT = 3000;

  /** Where the SQLite files live (default ./data). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SFP_DATA_DIR = './data';
}
