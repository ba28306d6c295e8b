import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { authSettingsOf, oidcSettingsOf, type AuthConfig } from '../config/auth.config';
import { MongoIdentityStore } from '../identity/mongodb/mongodb-identity-store';
import { SqliteIdentityStore } from '../identity/sqlite/sqlite-identity-store';
import type { AuthRuntime } from '../nest/auth.runtime';
import type { AuthAuditLog } from './authentication.service';
import { NameTakenError } from '../identity/identity-store.port';
import { createAuthRuntime } from './auth-runtime.factory';
import { ensureFirstAdministrator } from './first-administrator';
import { storedSecret } from './stored-secret';

/** The embedded token secret: made once at first start, kept beside the data (mode 0600). */
export function embeddedTokenSecret(file: string): string {
  return storedSecret(file, 'tokenSecret', () => randomBytes(48).toString('base64url'));
}

/** Embedded mode: identities in `<dataDir>/auth/identities.sqlite`; `audit` gets security warnings (the host's logger). */
export function openEmbeddedAuth(
  dataDir: string,
  config: AuthConfig,
  audit?: AuthAuditLog,
): AuthRuntime {
  const oidc = oidcSettingsOf(config);
  return createAuthRuntime({
    store: new SqliteIdentityStore({ filename: join(dataDir, 'auth', 'identities.sqlite') }),
    tokenSecret:
      config.SFP_AUTH_TOKEN_SECRET ??
      embeddedTokenSecret(join(dataDir, 'auth', 'token-secret.json')),
    settings: authSettingsOf(config),
    ...(oidc ? { oidc } : {}),
    ...(audit ? { audit } : {}),
  });
}

/** Distributed mode: identities in the shared auth database; the token secret from the environment. */
export function openDistributedAuth(
  connection: Connection,
  config: AuthConfig,
  audit?: AuthAuditLog,
): AuthRuntime {
  // The hosts' settings check (service-kit) reports this with every other problem before
  // anything is opened; this guard is for a caller that skipped it.
  if (!config.SFP_AUTH_TOKEN_SECRET) {
    throw new Error(
      'SFP_AUTH_TOKEN_SECRET: not set — must be at least 32 characters, the same value in every service (required in distributed mode)',
    );
  }
  const oidc = oidcSettingsOf(config);
  return createAuthRuntime({
    store: new MongoIdentityStore(connection),
    tokenSecret: config.SFP_AUTH_TOKEN_SECRET,
    settings: authSettingsOf(config),
    ...(oidc ? { oidc } : {}),
    ...(audit ? { audit } : {}),
  });
}

/**
 * What every standalone service does at start: opens the shared identities
 * (`SFP_AUTH_DATABASE` on the service's server) and, on the very first start of
 * the platform, creates the administrator and logs how to sign in. Services
 * starting together race for it: the `admin` name is claimed once.
 */
export async function openStandaloneAuth(
  connection: Connection,
  config: AuthConfig & { SFP_AUTH_DATABASE: string },
  logger: { warn(object: Record<string, unknown>, message: string): void },
): Promise<AuthRuntime> {
  const auth = openDistributedAuth(
    connection.useDb(config.SFP_AUTH_DATABASE, { useCache: true }),
    config,
    logger,
  );
  const first = await ensureFirstAdministrator(
    auth.store,
    auth.administration,
    config.SFP_ADMIN_PASSWORD || undefined,
  ).catch((error: unknown) => {
    if (error instanceof NameTakenError) return { created: false as const }; // another service made it first
    throw error;
  });
  if (first.created) {
    logger.warn(
      { username: first.username },
      first.oneTimePassword
        ? `First start: administrator "${first.username}" created with the one-time password ${first.oneTimePassword} (change it at first sign-in)`
        : `First start: administrator "${first.username}" created with SFP_ADMIN_PASSWORD`,
    );
  }
  return auth;
}
