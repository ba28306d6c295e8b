import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { AuthConfig } from '@sfp/auth';

/** An optional whole number from the environment, within [min, max]. */
export function EnvInt(min: number, max?: number): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  );
}

/**
 * What every host process reads from the environment, embedded platform or
 * standalone service: the identities' settings (AuthConfig), where it
 * listens and how much it logs. Each host gives its own default port.
 */
export class HostConfig extends AuthConfig {
  /** HTTP port (0 = any free port); each host has its default. */
  @EnvInt(0, 65535)
  PORT!: number;

  /** Interface to listen on (default 127.0.0.1; 0.0.0.0 in a container). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  @IsOptional()
  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
    message: 'must be one of trace, debug, info, warn, error, fatal, silent',
  })
  LOG_LEVEL = 'info';

  /** Deepest nesting of objects and arrays a JSON body may have (default 32); read by configureHttpApp. */
  @EnvInt(2, 1000)
  SFP_MAX_BODY_DEPTH = 32;

  /**
   * A projection is reported stalled (status, readiness detail,
   * sfp_projection_stalled) when events wait and its position has not moved
   * for this long (default 30 s).
   */
  @EnvInt(1000, 86_400_000)
  SFP_PROJECTION_STALL_AFTER_MS = 30_000;
}
