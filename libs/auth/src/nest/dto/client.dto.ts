import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateClientDto {
  @ApiProperty({ example: 'finance-dept-erp', description: 'The system, unique' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,59}$/, {
    message: 'must be 3–60 lower-case letters, digits, . _ -',
  })
  name!: string;

  @ApiProperty({
    example: 'FINANCE',
    description: 'The department it acts for: it sees only its own records',
  })
  @Matches(/^[A-Za-z0-9 ._&()/-]{1,80}$/, {
    message: 'must be 1–80 letters, digits, spaces or . _ & ( ) / -',
  })
  department!: string;
}

export class UpdateClientDto {
  @ApiProperty()
  @IsBoolean()
  disabled!: boolean;
}

export class IssueApiKeyDto {
  @ApiProperty({ example: 'production ERP' })
  @IsString()
  @Length(1, 80)
  label!: string;

  @ApiPropertyOptional({ default: 90, minimum: 1, maximum: 730 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  expiresInDays?: number;
}

/** `client-` and a UUID, as the administration gives them. */
export const CLIENT_ID = /^client-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** 16 hexadecimal digits: the `<id>` of an API key `sfpk_<id>_<secret>`. */
export const API_KEY_ID = /^[0-9a-f]{16}$/;

/** The `{id}` of `/api/auth/clients/{id}…`. */
export class ClientIdParams {
  @ApiProperty({
    description: 'The integration client’s id',
    example: 'client-5c0e7d7e-1f43-4b8e-a0a4-2b7f7d0c9e11',
  })
  @Matches(CLIENT_ID, { message: 'must be a client id: client-<uuid>' })
  id!: string;
}

/** The `{id}` and `{keyId}` of `/api/auth/clients/{id}/keys/{keyId}…`. */
export class ClientKeyParams extends ClientIdParams {
  @ApiProperty({
    description: 'The API key’s id (the `<id>` of `sfpk_<id>_<secret>`)',
    example: '3f9a1c0b7d2e4a65',
  })
  @Matches(API_KEY_ID, { message: 'must be an API key id: 16 hexadecimal digits' })
  keyId!: string;
}
