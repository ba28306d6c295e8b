import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AuthConfig, corsOriginsOf, oidcSettingsOf } from './auth.config';

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
    expect(config.SFP_MAX_FAILED_SIGN_INS).toBe(5);
    expect(oidcSettingsOf(config)).toBeUndefined();
    expect(corsOriginsOf(config)).toEqual([]);
  });

  it('finds every problem', () => {
    expect(
      problemsOf({
        SFP_AUTH_TOKEN_SECRET: 'short',
        SFP_ADMIN_PASSWORD: 'short',
        SFP_OIDC_ISSUER: 'https://login.example.org/realms/ilo',
        SFP_CORS_ORIGINS: 'not a url',
        SFP_ACCESS_TOKEN_MINUTES: '0',
      }).sort(),
    ).toEqual(['SFP_ACCESS_TOKEN_MINUTES', 'SFP_ADMIN_PASSWORD', 'SFP_AUTH_TOKEN_SECRET', 'SFP_CORS_ORIGINS', 'SFP_OIDC_AUDIENCE']);
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
});
