import { defineProjection } from '@sfp/projections';
import type {
  CertificateIssuedData,
  CertificateRevokedData,
} from '../offering/domain/offering.events';
import { pointerId, type CertificateDocument } from './certificate-record';

export const CERTIFICATES_PROJECTION = 'training-certificates';

/**
 * The certificates, each under its verification code (the public check reads
 * one document by id, never a scan), with a pointer from its id for the
 * revocation. Nothing is filtered or sorted, so no field is declared.
 */
export const certificatesProjection = defineProjection<CertificateDocument>({
  name: CERTIFICATES_PROJECTION,
  version: 1,
  fields: {},
  handlers: {
    'training.CertificateIssued': async (recorded, view) => {
      const d = recorded.data as CertificateIssuedData;
      await view.upsert(d.verificationCode, {
        record: 'certificate',
        certificateId: d.certificateId,
        verificationCode: d.verificationCode,
        offeringId: d.offeringId,
        enrolmentId: d.enrolmentId,
        personId: d.personId,
        courseId: d.courseId,
        courseRevision: d.courseRevision,
        courseTitle: d.courseTitle,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        issuedAt: d.issuedAt,
        status: 'valid',
      });
      await view.upsert(pointerId(d.certificateId), {
        record: 'pointer',
        verificationCode: d.verificationCode,
      });
    },
    'training.CertificateRevoked': async (recorded, view) => {
      const d = recorded.data as CertificateRevokedData;
      const pointer = await view.get(pointerId(d.certificateId));
      if (pointer?.record !== 'pointer') return;
      await view.update(pointer.verificationCode, (current) =>
        current?.record === 'certificate'
          ? { ...current, status: 'revoked', revokedAt: d.revokedAt }
          : undefined,
      );
    },
  },
});
