import { randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { isRole, type Role } from '../access/roles';

export const PLATFORM_ISSUER = 'sfp-platform';

/** What a platform access token says about its bearer. */
export interface AccessTokenClaims {
  userId: string;
  username: string;
  roles: Role[];
  department?: string;
  passwordChangeRequired: boolean;
  /** The user's token generation when the token was issued. */
  generation: number;
  /** The session (`sid`): the refresh-token family of the sign-in; signing it out refuses the token at once. */
  sessionId: string;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

export class TokenRejectedError extends Error {
  readonly code = 'TOKEN_REJECTED';
  constructor(
    message: string,
    readonly reason: 'expired' | 'invalid' | 'revoked',
  ) {
    super(message);
  }
}

/**
 * Short-lived access tokens: JWT, HS256 with the platform's secret (at least
 * 32 bytes), issuer and audience `sfp-platform`.
 */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly lifetimeSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (Buffer.byteLength(secret) < 32)
      throw new RangeError('The token signing secret must be at least 32 bytes');
    this.key = new TextEncoder().encode(secret);
  }

  async issue(
    claims: Omit<AccessTokenClaims, 'issuedAt' | 'expiresAt'>,
  ): Promise<{ token: string; expiresAt: number }> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const expiresAt = issuedAt + this.lifetimeSeconds;
    const token = await new SignJWT({
      name: claims.username,
      roles: claims.roles,
      ...(claims.department ? { department: claims.department } : {}),
      ...(claims.passwordChangeRequired ? { pcr: true } : {}),
      gen: claims.generation,
      sid: claims.sessionId,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(PLATFORM_ISSUER)
      .setAudience(PLATFORM_ISSUER)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: PLATFORM_ISSUER,
        audience: PLATFORM_ISSUER,
        algorithms: ['HS256'],
        currentDate: this.now(),
      });
      const roles = Array.isArray(payload['roles']) ? payload['roles'].filter(isRole) : [];
      if (
        !payload.sub ||
        typeof payload['name'] !== 'string' ||
        typeof payload['gen'] !== 'number' ||
        typeof payload['sid'] !== 'string' ||
        !payload.iat ||
        !payload.exp
      ) {
        throw new TokenRejectedError('The access token lacks required claims', 'invalid');
      }
      return {
        userId: payload.sub,
        username: payload['name'],
        roles,
        ...(typeof payload['department'] === 'string' ? { department: payload['department'] } : {}),
        passwordChangeRequired: payload['pcr'] === true,
        generation: payload['gen'],
        sessionId: payload['sid'],
        issuedAt: payload.iat,
        expiresAt: payload.exp,
      };
    } catch (error) {
      if (error instanceof TokenRejectedError) throw error;
      if (error instanceof errors.JWTExpired)
        throw new TokenRejectedError('The access token has expired', 'expired');
      throw new TokenRejectedError('The access token is not valid', 'invalid');
    }
  }
}

/** True when the token looks like one of ours (so an OIDC issuer's are tried otherwise). */
export function isPlatformToken(token: string): boolean {
  try {
    const [header, body] = token.split('.');
    const h = JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as { alg?: string };
    const b = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as { iss?: string };
    return h.alg === 'HS256' || b.iss === PLATFORM_ISSUER;
  } catch {
    return false;
  }
}
