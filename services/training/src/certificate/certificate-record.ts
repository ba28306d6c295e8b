import type { CertificateStatus } from '@sfp/contracts';

/** A certificate as the public check finds it by its verification code. No personal data: the person is a pseudonymous id. */
export interface CertificateRecord {
  record: 'certificate';
  certificateId: string;
  verificationCode: string;
  offeringId: string;
  enrolmentId: string;
  personId: string;
  courseId: string;
  courseRevision: number;
  courseTitle: string;
  startsOn: string;
  endsOn: string;
  issuedAt: string;
  status: CertificateStatus;
  revokedAt?: string;
}

/** Where a certificate's record is, by its id (revocations name the certificate, not its code). */
export interface CertificatePointer {
  record: 'pointer';
  verificationCode: string;
}

export type CertificateDocument = CertificateRecord | CertificatePointer;

/** The pointer's id; a verification code (letters, digits and hyphens) never has the colon. */
export const pointerId = (certificateId: string) => `certificate:${certificateId}`;
