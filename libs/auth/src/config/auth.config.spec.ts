import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  adminPasswordProblem,
  AuthConfig,
  authSettingsOf,
  corsOriginsOf,
  oidcSettingsOf,
  trustedProxiesOf,
} from './auth.config';

/** What service-kit's loadConfig does (libs/auth must not depend on service-kit, which depends on it). */
function problemsOf(env: Record<string, string>): string[] {
  return validateSync(plainToInstance(AuthConfig, env)).map((e) => e.property);
}
function loadConfig(_: typeof AuthConfig, env: Record<string, string>): AuthConfig {
  const problems = problemsOf(env);
  if (problems.length) throw new Error(problems.join(', '));
  return plainToInstance(AuthConfig, env);
}

describe('AuthConfig from the environment', () => {
  it('has safe defaults and treats an empty admin password as unset', () => {
    const config = loadConfig(AuthConfig, { SFP_ADMIN_PASSWORD: '' });
    expect(config.SFP_ACCESS_TOKEN_MINUTES).toBe(15);
    expect(authSettingsOf(config)).toMatchObject({
      signInFreeFailures: 5,
      signInMaxBackOffSeconds: 900,
      signInFailureWindowSeconds: 12 * 3600,
      signInsPerMinute: 10,
    });
    expect(oidcSettingsOf(config)).toBeUndefined();
    expect(corsOriginsOf(config)).toEqual([]);
    expect(trustedProxiesOf(config)).toEqual([]);
  });

  it('finds every problem', () => {
    expect(
      problemsOf({
        SFP_AUTH_TOKEN_SECRET: 'short',
        SFP_ADMIN_PASSWORD: 'short',
        SFP_OIDC_ISSUER: 'https://login.example.org/realms/ilo',
        SFP_CORS_ORIGINS: 'not a url',
        SFP_ACCESS_TOKEN_MINUTES: '0',
        SFP_TRUSTED_PROXIES: 'my proxy',
        SFP_SIGN_IN_FREE_FAILURES: '0',
      }).sort(),
    ).toEqual([
      'SFP_ACCESS_TOKEN_MINUTES',
      'SFP_ADMIN_PASSWORD',
      'SFP_AUTH_TOKEN_SECRET',
      'SFP_CORS_ORIGINS',
      'SFP_OIDC_AUDIENCE',
      'SFP_SIGN_IN_FREE_FAILURES',
      'SFP_TRUSTED_PROXIES',
    ]);
  });

  it('refuses a first administrator password the password policy of every account refuses', () => {
    expect(problemsOf({ SFP_ADMIN_PASSWORD: 'admin is my password' })).toEqual([
      'SFP_ADMIN_PASSWORD',
    ]);
    expect(problemsOf({ SFP_ADMIN_PASSWORD: 'zzzzzzzzzzzzzz' })).toEqual(['SFP_ADMIN_PASSWORD']);
    expect(problemsOf({ SFP_ADMIN_PASSWORD: 'choose a long passphrase' })).toEqual([]);
    expect(adminPasswordProblem('My Admin passphrase')).toMatch(
      /^the password policy refuses it \(it must not contain the user name "admin"\); expected /,
    );
    expect(adminPasswordProblem('choose a long passphrase')).toBeUndefined();
  });

  it('reads an OIDC issuer and CORS origins', () => {
    const config = loadConfig(AuthConfig, {
      SFP_OIDC_ISSUER: 'https://login.example.org/realms/ilo',
      SFP_OIDC_AUDIENCE: 'sfp-platform',
      SFP_OIDC_ROLES_CLAIM: 'sfp_roles',
      SFP_CORS_ORIGINS: 'https://console.example.org, http://localhost:5173',
    });
    expect(oidcSettingsOf(config)).toEqual({
      issuer: 'https://login.example.org/realms/ilo',
      audience: 'sfp-platform',
      rolesClaim: 'sfp_roles',
      departmentClaim: 'department',
    });
    expect(corsOriginsOf(config)).toEqual(['https://console.example.org', 'http://localhost:5173']);
  });

  it('reads the trusted reverse proxies, and refuses an entry that is not an address, a subnet or a named range', () => {
    const config = loadConfig(AuthConfig, {
      SFP_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8 ,fd00::/8,192.168.1.7',
    });
    expect(trustedProxiesOf(config)).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.7']);
    expect(() =>
      trustedProxiesOf(loadConfig(AuthConfig, { SFP_TRUSTED_PROXIES: '10.0.0.999' })),
    ).toThrow(/SFP_TRUSTED_PROXIES/);
    expect(() =>
      trustedProxiesOf(loadConfig(AuthConfig, { SFP_TRUSTED_PROXIES: '10.0.0.0/33' })),
    ).toThrow(/10.0.0.0\/33/);
  });
});
