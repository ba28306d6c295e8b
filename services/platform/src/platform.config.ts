import { Type } from 'class-transformer';
import { AuthConfig } from '@sfp/auth';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

/**
 * The embedded platform's settings, from the environment. Each context reads
 * its own variables (e.g. the help desk's SLA_CHECK_INTERVAL_MS) with the
 * settings class of its declaration, from the environment and this config.
 */
export class PlatformConfig extends AuthConfig {
  /** HTTP port (default 3000). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Interface to listen on (default 127.0.0.1; 0.0.0.0 in a container). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  /** Where the SQLite files live (default ./data). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SFP_DATA_DIR = './data';

  @IsOptional()
  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL = 'info';
}
