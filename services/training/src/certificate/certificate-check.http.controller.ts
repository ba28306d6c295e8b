import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Answers, Operation, Public, Refuses } from '@sfp/auth';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import { EVENT_STORE, PROJECTION_ENGINE } from '@sfp/service-kit';
import type { CertificateCheck, Participant } from '@sfp/contracts';
import { isErased } from '../offering/projections/offering-detail.view';
import { offeringStreamId } from '../training.context';
import type { CertificateDocument } from './certificate-record';
import { CERTIFICATES_PROJECTION } from './certificates.projection';
import { CertificateCheckSchema, HOLDER_ERASED } from './certificate-check.schema';

/** The path of the public check: the code printed on the certificate. */
export class VerificationCodeParams {
  @ApiProperty({
    description: 'The verification code printed on the certificate',
    example: 'K7QX-2M9R-TB4W',
    pattern: '^[A-Za-z0-9-]{8,64}$',
  })
  @Matches(/^[A-Za-z0-9-]{8,64}$/, {
    message: 'verificationCode must be 8 to 64 letters, digits or hyphens',
  })
  verificationCode!: string;
}

const NO_SUCH_CERTIFICATE =
  'No certificate has this verification code (code CERTIFICATE_NOT_FOUND)';

/** The events that carry a participant as enrolled. */
const ENROLLING = new Set([
  'training.ParticipantEnrolled',
  'training.ParticipantWaitlisted',
  'training.EnrolmentAwaitingApproval',
]);

@ApiTags('training: certificates')
@Controller('certificates')
export class CertificateCheckController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /** Anyone holding a code may check it: the holder's name, the course, the dates, valid or revoked. */
  @Get(':verificationCode')
  @Public()
  @Operation(
    'checkCertificate',
    'Check a certificate by its verification code: holder, course, dates and whether it is valid or revoked.',
    'Public. Nothing else of the holder is shown; a holder whose personal data was erased reads "holder erased".',
  )
  @Answers(200, { description: 'The certificate as it stands', schema: CertificateCheckSchema })
  @Refuses({ 404: NO_SUCH_CERTIFICATE })
  async check(@Param() { verificationCode }: VerificationCodeParams): Promise<CertificateCheck> {
    const certificate = await this.projections
      .readModel<CertificateDocument>(CERTIFICATES_PROJECTION)
      .get(verificationCode);
    if (certificate?.record !== 'certificate') {
      throw new NotFoundException({
        statusCode: 404,
        code: 'CERTIFICATE_NOT_FOUND',
        message: 'No certificate has this verification code',
      });
    }
    const holder = await this.holderOf(certificate.offeringId, certificate.enrolmentId);
    const erased = holder === undefined || isErased(holder);
    return {
      verificationCode: certificate.verificationCode,
      holder: erased ? HOLDER_ERASED : holder.name,
      holderErased: erased,
      courseTitle: certificate.courseTitle,
      startsOn: certificate.startsOn,
      endsOn: certificate.endsOn,
      issuedAt: certificate.issuedAt,
      status: certificate.status,
      ...(certificate.revokedAt ? { revokedAt: certificate.revokedAt } : {}),
    };
  }

  /** The participant as enrolled, read (decrypted, or erased) from the offering's stream. */
  private async holderOf(
    offeringId: string,
    enrolmentId: string,
  ): Promise<Participant | undefined> {
    for (const event of await this.events.readStream(offeringStreamId(offeringId))) {
      if (!ENROLLING.has(event.type)) continue;
      const data = event.data as { enrolmentId: string; participant: Participant };
      if (data.enrolmentId === enrolmentId) return data.participant;
    }
    return undefined;
  }
}
