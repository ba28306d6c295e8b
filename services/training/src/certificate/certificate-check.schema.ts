import { Type, type Static } from '@sinclair/typebox';
import { CERTIFICATE_STATUSES, type CertificateCheck } from '@sfp/contracts';
import { IsoDateString, IsoDateTime, sameShape, StringEnum } from '@sfp/service-kit';

/** What the holder reads as once their personal data was erased. */
export const HOLDER_ERASED = 'holder erased';

/** GET /certificates/{verificationCode}: the public check. */
export const CertificateCheckSchema = Type.Object(
  {
    verificationCode: Type.String(),
    holder: Type.String({
      description: `The holder’s name, or "${HOLDER_ERASED}" once their personal data was erased`,
    }),
    holderErased: Type.Boolean(),
    courseTitle: Type.String(),
    startsOn: IsoDateString('First day of the course'),
    endsOn: IsoDateString('Last day of the course'),
    issuedAt: IsoDateTime(),
    status: StringEnum(CERTIFICATE_STATUSES, {
      description: 'valid, or revoked (then revokedAt says when)',
    }),
    revokedAt: Type.Optional(IsoDateTime()),
  },
  { title: 'TrainingCertificateCheck' },
);

sameShape<Static<typeof CertificateCheckSchema>, CertificateCheck>(true);
