import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys and refresh tokens: `<prefix>_<id>_<secret>`, the secret 32 random
 * bytes. Only SHA-256 of the secret is stored (a fast hash is right for 256
 * random bits: nothing to brute-force); the whole token is shown once.
 */
export interface IssuedSecret {
  id: string;
  token: string;
  secretHash: string;
}

export function issueSecret(prefix: 'sfpk' | 'sfpr'): IssuedSecret {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${prefix}_${id}_${secret}`, secretHash: sha256(secret) };
}

export function parseSecret(
  prefix: 'sfpk' | 'sfpr',
  token: string,
): { id: string; secret: string } | undefined {
  const match = new RegExp(`^${prefix}_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$`).exec(token);
  const [, id, secret] = match ?? [];
  return id && secret ? { id, secret } : undefined;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(secret));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
