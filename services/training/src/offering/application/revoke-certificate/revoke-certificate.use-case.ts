import { CertificateParams } from '../../../http/record-id.params';
import { offeringCommand } from '../offering.command-routes';
import { RevokeCertificateDto } from './revoke-certificate.request.dto';

/** A certificate withdrawn: its public check says revoked. POST /offerings/:id/certificates/:certificateId/revoke */
export const revokeCertificate = offeringCommand({
  path: 'certificates/:certificateId/revoke',
  commandType: 'RevokeCertificate',
  summary: 'Revoke a certificate issued in the offering (its public check then says revoked).',
  done: 'Revoked',
  params: CertificateParams,
  dto: RevokeCertificateDto,
  alsoNotFound: 'no such certificate in it (code CERTIFICATE_NOT_FOUND)',
  command: (dto, { certificateId }) => ({
    type: 'RevokeCertificate',
    certificateId,
    reason: dto.reason,
  }),
});
