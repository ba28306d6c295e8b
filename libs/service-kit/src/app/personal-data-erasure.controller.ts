import { Body, Controller, HttpCode, Inject, Optional, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { Type, type Static } from '@sinclair/typebox';
import { Answers, Operation, RequirePermission } from '@sfp/auth';
import type { KeyStore } from '@sfp/event-sourcing';
import type { Logger } from '../logging/logger';
import {
  KEY_STORE,
  LOGGER,
  PERSON_ID_OF,
  PERSONAL_DATA_ERASURE_FOLLOW_UP,
  type PersonalDataErasureFollowUp,
  type PersonIdOf,
} from '../service/context.tokens';

/** How a context names its erasure route: its tag, operation and answer in the OpenAPI document. */
export interface PersonalDataErasureRoute {
  /** The OpenAPI tag, e.g. `help-desk: personal data`. */
  tag: string;
  /** The operation id, e.g. `eraseHelpDeskPersonalData`. */
  operationId: string;
  summary: string;
  /** The title of the answer's schema, e.g. `HelpDeskErasureResult`. */
  resultTitle: string;
}

/**
 * Whose data to erase. One class for every context: the OpenAPI document
 * names request schemas by class name, so two classes of one name with
 * different schemas would clash in the embedded platform's document.
 */
export class ErasureRequestDto {
  @ApiProperty({ example: 'amina.diallo@example.org', description: "The person's e-mail address" })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

/**
 * POST /personal-data/erasures of a context (crypto-shredding): the person's
 * key is destroyed, so their name and e-mail read "[erased]" in every record
 * of the context, while the records stay intact (they name the person by
 * pseudonymous id only). Answers whose data was erased, and whether anything
 * was held. The context mounts the controller; the schema is its answer.
 */
export function personalDataErasureController(route: PersonalDataErasureRoute) {
  const ErasureResultSchema = Type.Object(
    {
      personId: Type.String({ description: 'The pseudonymous id of the person the e-mail names' }),
      erased: Type.Boolean({
        description: 'false when nothing was held for the person (nothing to erase)',
      }),
    },
    { title: route.resultTitle },
  );
  type ErasureResult = Static<typeof ErasureResultSchema>;

  @ApiTags(route.tag)
  @RequirePermission('platform:admin')
  @Controller('personal-data')
  class PersonalDataErasureController {
    constructor(
      @Inject(PERSON_ID_OF) readonly personIdOf: PersonIdOf,
      @Inject(KEY_STORE) readonly keys: KeyStore,
      @Inject(LOGGER) readonly logger: Logger,
      @Optional()
      @Inject(PERSONAL_DATA_ERASURE_FOLLOW_UP)
      readonly followUp?: PersonalDataErasureFollowUp,
    ) {}

    @Post('erasures')
    @HttpCode(200)
    @Operation(route.operationId, route.summary)
    @Answers(200, {
      description: 'Erased, or nothing was held for the person',
      schema: ErasureResultSchema,
    })
    async erase(@Body() dto: ErasureRequestDto): Promise<ErasureResult> {
      const personId = this.personIdOf(dto.email);
      const erased = await this.keys.erase(personId);
      // Run even when no key was held: what goes with the data (files) may outlive a key erased before.
      await this.followUp?.afterErasure(personId);
      this.logger.info({ personId, erased }, 'Personal data erased on request');
      return { personId, erased };
    }
  }

  return { PersonalDataErasureController, ErasureResultSchema };
}
