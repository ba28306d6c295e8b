import { randomBytes, randomUUID } from 'node:crypto';
import type { OfferingState } from '../../domain/offering.decider';

/** Letters and digits of a verification code, without those read for one another (0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/**
 * An unguessable verification code: 12 characters drawn uniformly from 31
 * (about 59 bits), shown in groups of four, e.g. `K7QM-3XWT-9PHD`.
 */
export function verificationCode(): string {
  const chars: string[] = [];
  while (chars.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      // Rejection sampling: bytes past the last multiple of 31 would bias the draw.
      if (byte >= 248 || chars.length === CODE_LENGTH) continue;
      chars.push(CODE_ALPHABET.charAt(byte % CODE_ALPHABET.length));
    }
  }
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)]
    .map((g) => g.join(''))
    .join('-');
}

/**
 * Certificates to issue on completion: one for each enrolment the offering
 * holds (at least one per enrolled participant, as the decider requires);
 * drawn from the offering as it stands, so a retry on a conflict draws enough.
 */
export function certificateDraws(
  state: OfferingState,
): { certificateId: string; verificationCode: string }[] {
  const count = state.status === 'none' ? 0 : state.enrolments.length;
  return Array.from({ length: count }, () => ({
    certificateId: randomUUID(),
    verificationCode: verificationCode(),
  }));
}
