import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Answers, Operation, RequirePermission } from '@sfp/auth';
import type { KeyStore } from '@sfp/event-sourcing';
import { KEY_STORE, LOGGER, PERSON_ID_OF, type Logger, type PersonIdOf } from '@sfp/service-kit';
import { Email } from '../http/field-decorators';
import { ErasureResultSchema, type ErasureResult } from './personal-data-erasure.answers';

export class ErasureRequestDto {
  @Email({ example: 'wanjiru.otieno@example.org', description: "The person's e-mail address" })
  email!: string;
}

/**
 * Erasure of a participant's personal data on request (crypto-shredding): the
 * person's key is destroyed, so their name and e-mail read "[erased]" in every
 * enrolment, everywhere, while the offerings, results and certificates stay
 * intact (they name the person by pseudonymous id only).
 */
@ApiTags('training: personal data')
@RequirePermission('platform:admin')
@Controller('personal-data')
export class PersonalDataErasureController {
  constructor(
    @Inject(PERSON_ID_OF) private readonly personIdOf: PersonIdOf,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('erasures')
  @HttpCode(200)
  @Operation(
    'eraseTrainingPersonalData',
    'Erase a participant’s personal data (their name and e-mail read "[erased]" everywhere).',
  )
  @Answers(200, {
    description: 'Erased, or nothing was held for the person',
    schema: ErasureResultSchema,
  })
  async erase(@Body() dto: ErasureRequestDto): Promise<ErasureResult> {
    const personId = this.personIdOf(dto.email);
    const erased = await this.keys.erase(personId);
    this.logger.info({ personId, erased }, 'Personal data erased on request');
    return { personId, erased };
  }
}
