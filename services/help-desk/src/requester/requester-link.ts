import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The requester's signed link: `<payload>~<signature>` (no dot: the console's
 * server takes a path with a dot for a file), the payload the
 * request id and the expiry (base64url, no personal data in the address), the
 * signature an HMAC-SHA256 over the request id, the requester's e-mail and the
 * expiry with the help desk's link secret. Whoever holds the link reads and
 * answers that one request until it expires; an erased e-mail no longer matches.
 */
const SEPARATOR = '~';

export interface RequesterLinkClaims {
  requestId: string;
  /** Expiry, epoch seconds. */
  expiresAt: number;
}

export type RequesterLinkCheck =
  | { valid: true; claims: RequesterLinkClaims }
  | { valid: false; reason: 'malformed' | 'bad-signature' | 'expired' };

export function signRequesterLink(
  secret: string,
  requestId: string,
  email: string,
  expiresAt: Date,
): string {
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  const payload = Buffer.from(`${requestId}.${expiry}`, 'utf8').toString('base64url');
  return `${payload}${SEPARATOR}${signature(secret, requestId, email, expiry)}`;
}

/** The claims of a link, unverified: which request it names (to read its requester's e-mail). */
export function requesterLinkClaims(token: string): RequesterLinkClaims | undefined {
  const [payload, sig, ...rest] = token.split(SEPARATOR);
  if (!payload || !sig || rest.length) return undefined;
  const decoded = Buffer.from(payload, 'base64url').toString('utf8');
  const match = /^([A-Za-z0-9-]{1,100})\.(\d{1,12})$/.exec(decoded);
  if (!match) return undefined;
  return { requestId: match[1] as string, expiresAt: Number(match[2]) };
}

/** Checks a link against the requester's e-mail as recorded, at `now`. */
export function verifyRequesterLink(
  secret: string,
  token: string,
  email: string,
  now: Date,
): RequesterLinkCheck {
  const claims = requesterLinkClaims(token);
  if (!claims) return { valid: false, reason: 'malformed' };
  const given = Buffer.from(token.split(SEPARATOR)[1] ?? '', 'utf8');
  const expected = Buffer.from(
    signature(secret, claims.requestId, email, claims.expiresAt),
    'utf8',
  );
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { valid: false, reason: 'bad-signature' };
  if (claims.expiresAt * 1000 <= now.getTime()) return { valid: false, reason: 'expired' };
  return { valid: true, claims };
}

function signature(secret: string, requestId: string, email: string, expiry: number): string {
  return createHmac('sha256', secret)
    .update(`${requestId}\n${email.trim().toLowerCase()}\n${expiry}`)
    .digest('base64url');
}
