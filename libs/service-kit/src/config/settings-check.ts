import { ConfigurationError } from './env-config';

/** The settings each reader returns, by the reader's name. */
export type SettingsOf<Readers extends Record<string, () => unknown>> = {
  [Name in keyof Readers]: ReturnType<Readers[Name]>;
};

/**
 * A host's one settings check, run before it opens anything: calls every
 * reader of settings (the host's config, each context's settings) and, when
 * any of them refuses the environment, throws one ConfigurationError with the
 * problems of all of them, one line per variable, each variable once.
 */
export function checkSettings<Readers extends Record<string, () => unknown>>(
  readers: Readers,
): SettingsOf<Readers> {
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const [name, read] of Object.entries(readers)) {
    try {
      settings[name] = read();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new ConfigurationError([...new Set(problems)]);
  return settings as SettingsOf<Readers>;
}
