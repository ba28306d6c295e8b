import { randomUUID } from 'node:crypto';
import type { Principal } from '../access/principal';
import type { IdentityStore } from '../identity/identity-store.port';
import type { UserRecord } from '../identity/identity-records';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../identity/password-hash';
import { issueSecret, parseSecret, secretMatches } from '../identity/secret-token';
import { AccessTokens, TokenRejectedError, isPlatformToken } from '../tokens/access-token';
import type { OidcVerifier } from '../tokens/oidc-verifier';
import { signInRefused } from './auth-errors';
import type { AuthSettings } from './auth-settings';
import { RateLimiter } from './rate-limiter';
import { SessionRevocations } from './session-revocations';
import { SignInBackOff } from './sign-in-back-off';

/** Where security happenings go (the host's pino logger): `sign-in.throttled`, `refresh-token.reused`. */
export interface AuthAuditLog {
  warn(object: Record<string, unknown>, message: string): void;
}

export interface SignedIn {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  passwordChangeRequired: boolean;
  principal: Principal;
}

/** The authenticated principal, and for people whether they must change a one-time password first. */
export interface AuthenticationResult {
  principal: Principal;
  passwordChangeRequired: boolean;
}

export function principalOfUser(user: UserRecord): Principal {
  return {
    kind: 'person',
    id: user.id,
    name: user.username,
    roles: user.roles,
    ...(user.department ? { department: user.department } : {}),
  };
}

/**
 * Sign-in with a back-off per user name and client address, refresh-token
 * rotation with reuse detection, sessions that end at once, and the
 * verification of every credential a request can carry: a platform access
 * token, an external OIDC issuer's token, or an integration client's API key.
 */
export class AuthenticationService {
  private readonly signInByAddress: RateLimiter;
  private readonly keyCalls: RateLimiter;
  private readonly backOff: SignInBackOff;
  readonly sessions: SessionRevocations;

  constructor(
    private readonly store: IdentityStore,
    private readonly tokens: AccessTokens,
    private readonly settings: AuthSettings,
    private readonly oidc?: OidcVerifier,
    private readonly now: () => Date = () => new Date(),
    private readonly audit?: AuthAuditLog,
  ) {
    const clock = () => this.now().getTime();
    this.signInByAddress = new RateLimiter(settings.signInsPerMinute, 60_000, clock);
    this.keyCalls = new RateLimiter(settings.apiKeyCallsPerMinute, 60_000, clock);
    this.backOff = new SignInBackOff(settings);
    this.sessions = new SessionRevocations(
      store,
      {
        // Every access token of a session has expired by then (a minute for clock skew and a refresh in flight).
        keepSeconds: tokens.lifetimeSeconds + 60,
        pullIntervalSeconds: settings.sessionRevocationPullSeconds,
      },
      now,
    );
  }

  /**
   * Every refusal is the same 401 INVALID_CREDENTIALS, for an unknown user, a
   * wrong password, a disabled account or a (user name, address) in back-off;
   * with Retry-After when the next attempt must wait. An unknown user costs the
   * same scrypt work as a wrong password, and is counted the same way.
   */
  async signIn(username: string, password: string, clientAddress: string): Promise<SignedIn> {
    const name = username.trim().toLowerCase();
    this.signInByAddress.take(`address:${clientAddress}`, 'sign-in attempts from this address');
    const key = { username: name, address: clientAddress };
    const since = this.backOff.since(this.now());
    const before = await this.store.countSignInFailures(key, since);
    const wait = this.backOff.retryAfterSeconds(before, this.now());
    // In back-off: refused before any password check (nothing to learn, no scrypt to spend), and not counted.
    if (wait !== undefined) throw signInRefused(wait);

    const user = await this.store.findUserByName(name);
    const passwordMatches = await verifyPassword(
      password,
      user?.passwordHash ?? (await DUMMY_PASSWORD_HASH),
    );
    if (!user || !passwordMatches || user.disabled) {
      const at = this.now();
      const after = await this.store.recordSignInFailure(key, at.toISOString(), since);
      const retryAfterSeconds = this.backOff.retryAfterSeconds(after, at);
      if (after.failures > this.settings.signInFreeFailures) {
        this.audit?.warn(
          {
            event: 'sign-in.throttled',
            username: name,
            address: clientAddress,
            failures: after.failures,
            retryAfterSeconds,
          },
          `Repeated failed sign-ins for "${name}" from ${clientAddress}: ${after.failures}, the next attempt waits`,
        );
      }
      throw signInRefused(retryAfterSeconds);
    }
    if (before.failures > 0) await this.store.clearSignInFailures(name, clientAddress);
    return this.issue(user, randomUUID());
  }

  /** Rotates a refresh token. A token used twice revokes every session of its user. */
  async refresh(refreshToken: string): Promise<SignedIn> {
    const parsed = parseSecret('sfpr', refreshToken);
    const record = parsed && (await this.store.findRefreshToken(parsed.id));
    if (!parsed || !record || !secretMatches(parsed.secret, record.secretHash)) {
      throw new TokenRejectedError('The refresh token is not valid', 'invalid');
    }
    const now = this.now();
    if (record.revokedAt || !(await this.store.revokeRefreshToken(record.id, now.toISOString()))) {
      // Stolen and replayed, or replayed by the thief after the owner: every session of the user ends, access tokens included.
      this.audit?.warn(
        { event: 'refresh-token.reused', userId: record.userId, sessionId: record.familyId },
        'A refresh token was used twice: every session of its user is closed',
      );
      await this.sessions.revoke(record.userId, record.familyId);
      await this.signOutEverywhere(record.userId);
      throw new TokenRejectedError(
        'The refresh token was already used or revoked; every session of this user is closed',
        'revoked',
      );
    }
    if (new Date(record.expiresAt) <= now)
      throw new TokenRejectedError('The refresh token has expired', 'expired');
    const user = await this.store.findUser(record.userId);
    if (!user || user.disabled) throw new TokenRejectedError('The account is disabled', 'revoked');
    return this.issue(user, record.familyId);
  }

  /** Ends the session of a refresh token: its refresh token and, at once, its access tokens. */
  async signOut(refreshToken: string): Promise<void> {
    const parsed = parseSecret('sfpr', refreshToken);
    const record = parsed && (await this.store.findRefreshToken(parsed.id));
    if (!parsed || !record || !secretMatches(parsed.secret, record.secretHash)) {
      throw new TokenRejectedError('The refresh token is not valid', 'invalid');
    }
    await this.store.revokeRefreshToken(record.id, this.now().toISOString());
    await this.sessions.revoke(record.userId, record.familyId);
  }

  /** Refuses every token of the user issued so far (access and refresh). */
  async signOutEverywhere(userId: string): Promise<void> {
    const user = await this.store.findUser(userId);
    if (!user) return;
    const now = this.now().toISOString();
    await this.store.saveUser({
      ...user,
      tokenGeneration: user.tokenGeneration + 1,
      updatedAt: now,
    });
    await this.store.revokeUserRefreshTokens(userId, now);
  }

  /** `Authorization: Bearer <token>`: a platform token, else the OIDC issuer's when one is trusted. */
  async authenticateBearer(token: string): Promise<AuthenticationResult> {
    if (!isPlatformToken(token)) {
      if (!this.oidc) throw new TokenRejectedError('The access token is not valid', 'invalid');
      return { principal: await this.oidc.verify(token), passwordChangeRequired: false };
    }
    const claims = await this.tokens.verify(token);
    const user = await this.store.findUser(claims.userId);
    if (!user || user.disabled) throw new TokenRejectedError('The account is disabled', 'revoked');
    if (claims.generation !== user.tokenGeneration) {
      throw new TokenRejectedError('The access token was revoked; sign in again', 'revoked');
    }
    // The user record just read carries what this check needs: no further read unless a session of the user was revoked.
    if (await this.sessions.isRevoked(user, claims.sessionId)) {
      throw new TokenRejectedError('The session was signed out; sign in again', 'revoked');
    }
    // Roles and department as they are now, not as they were when the token was issued.
    return {
      principal: principalOfUser(user),
      passwordChangeRequired: user.passwordChangeRequired,
    };
  }

  /** `X-API-Key: sfpk_…`: an integration client's key. */
  async authenticateApiKey(apiKey: string): Promise<AuthenticationResult> {
    const parsed = parseSecret('sfpk', apiKey);
    if (!parsed) throw new TokenRejectedError('The API key is not valid', 'invalid');
    this.keyCalls.take(`key:${parsed.id}`, 'calls with this API key');
    const key = await this.store.findApiKey(parsed.id);
    if (!key || !secretMatches(parsed.secret, key.secretHash)) {
      throw new TokenRejectedError('The API key is not valid', 'invalid');
    }
    const now = this.now();
    if (key.revokedAt) throw new TokenRejectedError('The API key was revoked', 'revoked');
    if (new Date(key.expiresAt) <= now)
      throw new TokenRejectedError('The API key has expired', 'expired');
    const client = await this.store.findClient(key.clientId);
    if (!client || client.disabled)
      throw new TokenRejectedError('The integration client is disabled', 'revoked');
    if (!key.lastUsedAt || now.getTime() - new Date(key.lastUsedAt).getTime() > 60_000) {
      await this.store.saveApiKey({ ...key, lastUsedAt: now.toISOString() });
    }
    return {
      principal: {
        kind: 'integration-client',
        id: client.id,
        name: client.name,
        roles: ['integration'],
        department: client.department,
      },
      passwordChangeRequired: false,
    };
  }

  /** Tokens for a user (after sign-in, refresh or a password change). */
  async issue(user: UserRecord, familyId: string): Promise<SignedIn> {
    const now = this.now();
    const access = await this.tokens.issue({
      userId: user.id,
      username: user.username,
      roles: user.roles,
      ...(user.department ? { department: user.department } : {}),
      passwordChangeRequired: user.passwordChangeRequired,
      generation: user.tokenGeneration,
      sessionId: familyId,
    });
    const refresh = issueSecret('sfpr');
    const refreshExpiresAt = new Date(
      now.getTime() + this.settings.refreshTokenDays * 86_400_000,
    ).toISOString();
    await this.store.createRefreshToken({
      id: refresh.id,
      userId: user.id,
      familyId,
      secretHash: refresh.secretHash,
      issuedAt: now.toISOString(),
      expiresAt: refreshExpiresAt,
    });
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: this.tokens.lifetimeSeconds,
      refreshToken: refresh.token,
      refreshExpiresAt,
      passwordChangeRequired: user.passwordChangeRequired,
      principal: principalOfUser(user),
    };
  }
}
