import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Pseudonymous person ids: `person-` + HMAC-SHA256(secret, normalised e-mail).
 * The same address always gives the same id (so a person's data can be found
 * and erased on request), and without the secret the id reveals nothing.
 */
export function pseudonymizer(secret: string): (email: string) => string {
  if (secret.length < 32)
    throw new RangeError('The pseudonym secret must be at least 32 characters');
  return (email) =>
    `person-${createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
}

/** The embedded platform's secret: made once at first start, kept beside the data (mode 0600). */
export function embeddedPseudonymSecret(file: string): string {
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { pseudonymSecret?: string };
    if (stored.pseudonymSecret) return stored.pseudonymSecret;
  }
  mkdirSync(dirname(file), { recursive: true });
  const pseudonymSecret = randomBytes(32).toString('hex');
  writeFileSync(file, JSON.stringify({ pseudonymSecret }, null, 2), { mode: 0o600 });
  return pseudonymSecret;
}
