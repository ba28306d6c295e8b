import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are stored as scrypt hashes (memory-hard): `scrypt$N$r$p$salt$hash`,
 * salt and hash base64url. N = 2^15, r = 8 needs 32 MiB per hash: slow for
 * an attacker with a stolen table, ~60 ms for a sign-in here.
 */
const DEFAULT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string, cost = DEFAULT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password: verifying against it costs what a real one costs. */
export const DUMMY_PASSWORD_HASH = hashPassword(randomBytes(16).toString('hex'));

/** A password that passes the platform's rule (16 characters from a 57-letter alphabet, ~93 bits). */
export function generatePassword(length = 16): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const byte = bytes[i] ?? 255;
    if (byte < 228) out += alphabet.charAt(byte % 57);
  }
  return out.length === length ? out : generatePassword(length);
}

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | undefined {
  if (password.length < 12) return 'must be at least 12 characters long';
  if (password.length > 200) return 'must be at most 200 characters long';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'must not contain the user name';
  if (new Set(password).size < 5) return 'must use at least 5 different characters';
  return undefined;
}
