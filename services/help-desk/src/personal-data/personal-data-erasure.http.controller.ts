import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { RequirePermission } from '@sfp/auth';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { HELP_DESK_RUNTIME, type HelpDeskRuntime } from '../help-desk.runtime';

export class ErasureRequestDto {
  @ApiProperty({ example: 'amina.diallo@example.org', description: "The person's e-mail address" })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

/**
 * Erasure of a requester's personal data on request (crypto-shredding): the
 * person's key is destroyed, so their name and e-mail read "[erased]" in every
 * request, everywhere, while the requests and their history stay intact.
 */
@ApiTags('help-desk: personal data')
@RequirePermission('platform:admin')
@Controller('personal-data')
export class PersonalDataErasureController {
  constructor(@Inject(HELP_DESK_RUNTIME) private readonly runtime: HelpDeskRuntime) {}

  @Post('erasures')
  @HttpCode(200)
  @ApiOkResponse({
    description: '{ personId, erased } — erased is false when nothing was held for the person',
  })
  async erase(@Body() dto: ErasureRequestDto): Promise<{ personId: string; erased: boolean }> {
    const personId = this.runtime.personIdOf(dto.email);
    const erased = await this.runtime.keyStore.erase(personId);
    this.runtime.logger.info({ personId, erased }, 'Personal data erased on request');
    return { personId, erased };
  }
}
