import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { OidcVerifier } from './oidc-verifier';

/** A real OpenID Connect issuer in miniature: discovery and JWKS over HTTP. */
describe('OidcVerifier against an issuer serving discovery and JWKS over HTTP', () => {
  let server: Server;
  let issuer: string;
  let privateKey: KeyLike;
  let jwksRequests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      } else if (req.url === '/jwks') {
        jwksRequests++;
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const verifier = () =>
    new OidcVerifier({
      issuer,
      audience: 'sfp',
      rolesClaim: 'roles',
      departmentClaim: 'department',
    });
  const token = (
    claims: Record<string, unknown>,
    options: { aud?: string; iss?: string; exp?: string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('u-42')
      .setIssuer(options.iss ?? issuer)
      .setAudience(options.aud ?? 'sfp')
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '5m')
      .sign(privateKey);

  it("maps a valid token's subject, roles and department to a principal", async () => {
    const principal = await verifier().verify(
      await token({
        roles: ['sfp:analyst', 'operator', 'integration', 'owner'],
        department: 'EMPLOYMENT',
        preferred_username: 'e.petrova',
      }),
    );
    expect(principal).toEqual({
      kind: 'person',
      id: 'oidc:u-42',
      name: 'e.petrova',
      roles: ['analyst', 'operator'],
      department: 'EMPLOYMENT',
    });
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('refuses a wrong audience, a wrong issuer, an expired token and a token signed by another key', async () => {
    const v = verifier();
    await expect(v.verify(await token({}, { aud: 'someone-else' }))).rejects.toMatchObject({
      reason: 'invalid',
    });
    await expect(v.verify(await token({}, { iss: 'https://evil.example' }))).rejects.toMatchObject({
      reason: 'invalid',
    });
    await expect(
      v.verify(
        await token({}, { exp: '1s' }).then(async (t) => {
          await new Promise((r) => setTimeout(r, 2100));
          return t;
        }),
      ),
    ).rejects.toMatchObject({ reason: 'expired' });
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ roles: ['administrator'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('u-42')
      .setIssuer(issuer)
      .setAudience('sfp')
      .setExpirationTime('5m')
      .sign(other.privateKey);
    await expect(v.verify(forged)).rejects.toMatchObject({ reason: 'invalid' });
  });
});
