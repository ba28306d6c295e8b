import 'reflect-metadata';
import { IsOptional, Matches } from 'class-validator';
import { loadStandaloneConfig } from '../standalone/standalone.config';
import { ConfigurationError, loadConfig } from './env-config';
import { HostConfig } from './host.config';
import { checkSettings } from './settings-check';

/** A context's own settings, as a service declares them. */
class ContextSettings {
  @IsOptional()
  @Matches(/^\d+$/, { message: 'must be a whole number of days' })
  CONTEXT_WINDOW_DAYS?: string;
}

function problemsOf(check: () => unknown): string[] {
  try {
    check();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('the settings were accepted');
}

const service = { context: 'help-desk', defaultPort: 3001, personalData: true };
const servers = { KAFKA_BROKERS: '127.0.0.1:9092', MONGODB_URI: 'mongodb://127.0.0.1:27017' };

describe('the settings check of a host', () => {
  it('reports a missing token secret and a password the policy refuses together, naming both variables', () => {
    const problems = problemsOf(() =>
      loadStandaloneConfig(service, {
        ...servers,
        SFP_PSEUDONYM_SECRET: 'a-pseudonym-secret-of-at-least-32-chars',
        SFP_ADMIN_PASSWORD: 'my admin passphrase',
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^SFP_ADMIN_PASSWORD: invalid — the password policy refuses it \(it must not contain the user name "admin"\); expected .*12 to 200 characters/,
      ),
      expect.stringMatching(/^SFP_AUTH_TOKEN_SECRET: not set — must be at least 32 characters/),
    ]);
    // The password itself is never repeated.
    expect(problems.join('\n')).not.toContain('my admin passphrase');
  });

  it('checks the first administrator’s password against the policy of every account', () => {
    const admin = (password: string) =>
      problemsOf(() => loadConfig(HostConfig, { SFP_ADMIN_PASSWORD: password, PORT: '0' }));
    expect(admin('short')).toEqual([
      expect.stringMatching(/^SFP_ADMIN_PASSWORD: invalid — .*at least 12 characters long/),
    ]);
    expect(admin('aaaaaaaaaaaaaaaa')).toEqual([
      expect.stringMatching(/^SFP_ADMIN_PASSWORD: invalid — .*at least 5 different characters/),
    ]);
    expect(admin('The ADMIN of everything')[0]).toMatch(/user name "admin"/);
    // Accepted: a long passphrase, and empty (a one-time password is printed).
    expect(
      loadConfig(HostConfig, { SFP_ADMIN_PASSWORD: 'choose a long passphrase', PORT: '0' }),
    ).toBeDefined();
    expect(loadConfig(HostConfig, { SFP_ADMIN_PASSWORD: '', PORT: '0' })).toBeDefined();
  });

  it('asks no token secret of the embedded host (it makes its own)', () => {
    expect(loadConfig(HostConfig, { PORT: '0' }).SFP_AUTH_TOKEN_SECRET).toBeUndefined();
  });

  it('gathers the problems of the host and of its contexts in one error', () => {
    const problems = problemsOf(() =>
      checkSettings({
        config: () => loadStandaloneConfig(service, { SFP_ADMIN_PASSWORD: 'admin-admin-admin' }),
        context: () => loadConfig(ContextSettings, { CONTEXT_WINDOW_DAYS: 'soon' }),
      }),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'KAFKA_BROKERS',
      'MONGODB_URI',
      'SFP_ADMIN_PASSWORD',
      'SFP_AUTH_TOKEN_SECRET',
      'SFP_PSEUDONYM_SECRET',
      'CONTEXT_WINDOW_DAYS',
    ]);
    expect(problems.at(-1)).toBe('CONTEXT_WINDOW_DAYS: invalid — must be a whole number of days');
  });

  it('returns every reader’s settings when all are right, and lets other errors through', () => {
    const settings = checkSettings({
      host: () => loadConfig(HostConfig, { PORT: '8080' }),
      context: () => loadConfig(ContextSettings, { CONTEXT_WINDOW_DAYS: '7' }),
    });
    expect(settings.host.PORT).toBe(8080);
    expect(settings.context.CONTEXT_WINDOW_DAYS).toBe('7');
    expect(() =>
      checkSettings({
        broken: () => {
          throw new TypeError('a bug');
        },
      }),
    ).toThrow(TypeError);
  });
});
