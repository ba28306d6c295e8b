import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/**
 * Thrown at start-up when the environment is wrong; lists every problem at
 * once, one line each: the variable, what is wrong, what is expected
 * (never the value: a secret must not reach a log).
 */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * One line of a ConfigurationError: `NAME: not set — <expected>` or
 * `NAME: invalid — <expected>`. `expected` are the rules it breaks, e.g.
 * "must be at least 32 characters".
 */
export function settingProblem(name: string, value: unknown, expected: readonly string[]): string {
  const wrong = value === undefined || value === null || value === '' ? 'not set' : 'invalid';
  const rules = expected.map((rule) =>
    // class-validator's own messages start with the property's name.
    rule.startsWith(`${name} `) ? rule.slice(name.length + 1) : rule,
  );
  return `${name}: ${wrong} — ${rules.join('; ')}`;
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

/** Every broken rule of every variable, "NAME: not set|invalid — rule; rule". */
function problemsOf(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...(e.constraints ? [settingProblem(e.property, e.value, Object.values(e.constraints))] : []),
    ...problemsOf(e.children ?? []),
  ]);
}
