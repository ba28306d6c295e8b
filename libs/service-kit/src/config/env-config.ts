import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

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
    throw new ConfigurationError(problemsOf(errors));
  }
  return config;
}

/** Every broken rule of every variable, "NAME: rule; rule". */
function problemsOf(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...(e.constraints ? [`${e.property}: ${Object.values(e.constraints).join('; ')}`] : []),
    ...problemsOf(e.children ?? []),
  ]);
}
