import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../http/validation-errors';

/** Thrown at start-up when the environment is wrong; lists every problem at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Reads the environment into a class-validator config class (decorate its
 * fields with @IsString, @IsInt, @Type(() => Number) ...). Unknown variables are
 * ignored; missing or malformed ones are all reported in one clear error.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const config = plainToInstance(configClass, { ...env }, { enableImplicitConversion: false });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length) {
    throw new ConfigurationError(
      flattenValidationErrors(errors).map((e) => `${e.field}: ${e.messages.join('; ')}`),
    );
  }
  return config;
}
