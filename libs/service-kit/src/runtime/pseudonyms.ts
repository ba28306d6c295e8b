import { createHmac, randomBytes } from 'node:crypto';
import { storedSecret } from '@sfp/auth';

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
  return storedSecret(file, 'pseudonymSecret', () => randomBytes(32).toString('hex'));
}
