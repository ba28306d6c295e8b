import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsObject, ValidateNested } from 'class-validator';
import {
  CONSTITUENT_GROUPS,
  PARTICIPANT_SEXES,
  type ConstituentGroup,
  type ParticipantSex,
} from '@sfp/contracts';
import {
  CountryCode,
  Email,
  OneOf,
  OptionalOneOf,
  OptionalText,
  Text,
} from '@sfp/service-kit/body-fields';

const PERSONAL_DATA = 'Personal data: stored encrypted, erasable';

export class ParticipantDto {
  @Text(1, 200, { example: 'Wanjiru Otieno', description: PERSONAL_DATA })
  name!: string;

  @Email({ example: 'wanjiru.otieno@example.org', description: PERSONAL_DATA })
  email!: string;

  @Text(1, 200, { example: 'Kenya Union of Savings and Credit Cooperatives' })
  organisation!: string;

  @OptionalOneOf(CONSTITUENT_GROUPS, {
    description: 'The constituent group the organisation belongs to (absent for staff)',
  })
  constituentGroup?: ConstituentGroup;

  @CountryCode()
  country!: string;

  @OneOf(PARTICIPANT_SEXES, { description: 'As the participant states it' })
  sex!: ParticipantSex;

  @ApiProperty({ description: 'Whether the participant is a member of the organisation’s staff' })
  @IsBoolean()
  staff!: boolean;
}

export class EnrolParticipantDto {
  @ApiProperty({ type: ParticipantDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ParticipantDto)
  participant!: ParticipantDto;

  @OptionalText(1, 254, {
    example: 'staff-mrossi',
    description:
      'The supervisor who approves (user id or e-mail): required for staff when the course needs approval',
  })
  supervisor?: string;
}
