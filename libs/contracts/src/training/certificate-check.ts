/** The training API's public certificate check (GET /certificates/{verificationCode}). */
import type { CertificateStatus } from './training.lifecycle';

/** What anyone may learn of a certificate by its verification code: whose, of what, when, and whether it holds. */
export interface CertificateCheck {
  verificationCode: string;
  /** The holder's name, or "holder erased". */
  holder: string;
  holderErased: boolean;
  courseTitle: string;
  startsOn: string;
  endsOn: string;
  issuedAt: string;
  status: CertificateStatus;
  revokedAt?: string;
}
