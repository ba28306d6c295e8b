import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { offeringStreamId } from '../training.context';
import { CertificateRevoked } from '../offering/domain/offering.events';
import { ReadSideHarness } from '../offering/projections/testing/read-side.harness';
import { schemaErrors } from '@sfp/testing';
import {
  AMINA,
  CERTIFICATE_ID,
  DAKAR,
  VERIFICATION_CODE,
  wholeStory,
} from '../offering/projections/testing/training-story';
import {
  CertificateCheckController,
  VerificationCodeParams,
} from './certificate-check.http.controller';
import { CertificateCheckSchema } from './certificate-check.schema';
import { CERTIFICATES_PROJECTION } from './certificates.projection';

describe('the public certificate check', () => {
  const harness = new ReadSideHarness();
  const check = async (verificationCode: string) => {
    const answer = await new CertificateCheckController(harness.engine, harness.store).check({
      verificationCode,
    });
    expect(schemaErrors(CertificateCheckSchema, answer)).toEqual([]);
    return answer;
  };

  beforeAll(async () => {
    for (const [stream, events] of wholeStory) await harness.append(stream, events);
    await harness.settle();
  });
  afterAll(() => harness.close());

  it('shows the holder, the course, the dates and that it is valid; nothing more', async () => {
    expect(await check(VERIFICATION_CODE)).toEqual({
      verificationCode: VERIFICATION_CODE,
      holder: 'Amina Diallo',
      holderErased: false,
      courseTitle: 'Microfinance for decent work',
      startsOn: '2026-03-09',
      endsOn: '2026-03-10',
      issuedAt: '2026-03-10T18:00:00.000Z',
      status: 'valid',
    });
  });

  it('keeps no personal data in its view', async () => {
    const stored = await harness.engine.readModel(CERTIFICATES_PROJECTION).get(VERIFICATION_CODE);
    expect(stored).toMatchObject({ personId: AMINA.personId, certificateId: CERTIFICATE_ID });
    expect(JSON.stringify(stored)).not.toMatch(/Amina|example\.org/);
  });

  it('answers 404 for a code never issued, and for the id of a certificate instead of its code', async () => {
    for (const code of ['ZZZZ-0000-ZZZZ', `certificate:${CERTIFICATE_ID}`]) {
      await expect(check(code)).rejects.toMatchObject({
        response: { code: 'CERTIFICATE_NOT_FOUND' },
      });
    }
  });

  it('shows a revoked certificate as revoked, and when', async () => {
    await harness.append(offeringStreamId(DAKAR), [
      CertificateRevoked.of({
        offeringId: DAKAR,
        certificateId: CERTIFICATE_ID,
        reason: 'Issued in error: attendance was misrecorded',
        revokedBy: 'user-coordinator-1',
        revokedAt: '2026-04-02T10:00:00.000Z',
      }),
    ]);
    await harness.settle();
    expect(await check(VERIFICATION_CODE)).toMatchObject({
      holder: 'Amina Diallo',
      status: 'revoked',
      revokedAt: '2026-04-02T10:00:00.000Z',
    });
  });

  it('shows "holder erased" once the holder’s personal data is erased', async () => {
    await harness.keys.erase(AMINA.personId);
    expect(await check(VERIFICATION_CODE)).toMatchObject({
      holder: 'holder erased',
      holderErased: true,
      courseTitle: 'Microfinance for decent work',
      status: 'revoked',
    });
  });

  it.each([
    ['K7QX2M9R', true],
    ['k7qx-2m9r-tb4w-0000', true],
    ['SHORT', false],
    ['K7QX 2M9R', false],
    ['K7QX_2M9R', false],
    ['A'.repeat(65), false],
  ])('takes %s as a verification code: %s', (verificationCode, valid) => {
    const errors = validateSync(plainToInstance(VerificationCodeParams, { verificationCode }));
    expect(errors.length === 0).toBe(valid);
  });
});
