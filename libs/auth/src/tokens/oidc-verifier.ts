import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isRole } from '../access/roles';
import type { Principal } from '../access/principal';
import { TokenRejectedError } from './access-token';

export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Default: the issuer's discovery document's `jwks_uri`. */
  jwksUri?: string;
  /** The claim holding the platform roles (default `roles`); values `administrator` or `sfp:administrator`... */
  rolesClaim: string;
  /** The claim naming the department (default `department`). */
  departmentClaim: string;
}

/**
 * Trusts an external OpenID Connect issuer: verifies its tokens (RS256/ES256/
 * EdDSA) against its JWKS, which jose fetches and caches, re-fetching on an
 * unknown key id (key rotation).
 */
export class OidcVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(
    private readonly settings: OidcSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private jwks(): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      let uri = this.settings.jwksUri;
      if (!uri) {
        const discovery = await fetch(
          `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
        );
        if (!discovery.ok) throw new Error(`OIDC discovery failed: HTTP ${discovery.status}`);
        uri = ((await discovery.json()) as { jwks_uri?: string }).jwks_uri;
        if (!uri) throw new Error('The OIDC discovery document has no jwks_uri');
      }
      return createRemoteJWKSet(new URL(uri));
    })().catch((error: unknown) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  async verify(token: string): Promise<Principal> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, await this.jwks(), {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
        currentDate: this.now(),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new TokenRejectedError('The access token has expired', 'expired');
      throw new TokenRejectedError('The access token is not valid', 'invalid');
    }
    if (!payload.sub) throw new TokenRejectedError('The access token names no subject', 'invalid');
    const claimed = payload[this.settings.rolesClaim];
    const roles = (
      Array.isArray(claimed) ? claimed : typeof claimed === 'string' ? claimed.split(/[ ,]+/) : []
    )
      .map((r) => (typeof r === 'string' ? r.replace(/^sfp:/, '') : r))
      .filter(isRole)
      .filter((r) => r !== 'integration');
    const department = payload[this.settings.departmentClaim];
    const name = [payload['preferred_username'], payload['email'], payload.sub].find(
      (v) => typeof v === 'string',
    ) as string;
    return {
      kind: 'person',
      id: `oidc:${payload.sub}`,
      name,
      roles,
      ...(typeof department === 'string' ? { department } : {}),
    };
  }
}
