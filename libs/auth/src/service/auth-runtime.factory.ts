import type { IdentityStore } from '../identity/identity-store.port';
import { AccessTokens } from '../tokens/access-token';
import { OidcVerifier, type OidcSettings } from '../tokens/oidc-verifier';
import type { AuthRuntime } from '../nest/auth.runtime';
import { AuthenticationService, type AuthAuditLog } from './authentication.service';
import type { AuthSettings } from './auth-settings';
import { IdentityAdministration } from './identity-administration.service';

/** Builds the auth runtime over an identity store (SQLite embedded, MongoDB distributed). */
export function createAuthRuntime(options: {
  store: IdentityStore;
  tokenSecret: string;
  settings: AuthSettings;
  oidc?: OidcSettings;
  now?: () => Date;
  /** Security happenings (repeated failed sign-ins, a reused refresh token) as structured warnings. */
  audit?: AuthAuditLog;
}): AuthRuntime {
  const now = options.now ?? (() => new Date());
  const tokens = new AccessTokens(options.tokenSecret, options.settings.accessTokenSeconds, now);
  const oidc = options.oidc ? new OidcVerifier(options.oidc, now) : undefined;
  return {
    store: options.store,
    authentication: new AuthenticationService(
      options.store,
      tokens,
      options.settings,
      oidc,
      now,
      options.audit,
    ),
    administration: new IdentityAdministration(options.store, options.settings, now),
  };
}
