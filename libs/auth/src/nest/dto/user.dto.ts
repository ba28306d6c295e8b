import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { PERSON_ROLES, type Role } from '../../access/roles';

const USERNAME = /^[a-zA-Z0-9._@-]{3,60}$/;
const DEPARTMENT = /^[A-Za-z0-9 ._&()/-]{1,80}$/;
/** At least 5 different characters (each one counted at its last occurrence), as the password rules want. */
export const FIVE_DIFFERENT_CHARACTERS = /^(?=(?:[\s\S]*?([\s\S])(?![\s\S]*\1)){5})/u;

/**
 * `null` is the same as leaving the field out. An optional field admits null
 * (`@IsOptional`, and so the OpenAPI document); where null has no meaning of
 * its own, it must not reach the service as a value.
 */
const NullIsAbsent = () =>
  Transform(({ value }: { value: unknown }) => (value === null ? undefined : value));

export class CreateUserDto {
  @ApiProperty({
    example: 'a.diallo',
    description: '3–60 letters, digits, . _ @ -; stored in lower case',
  })
  @Matches(USERNAME, { message: 'must be 3–60 letters, digits, dots, underscores, @ or hyphens' })
  username!: string;

  @ApiProperty({ example: 'Amina Diallo' })
  @IsString()
  @Length(1, 120)
  displayName!: string;

  @ApiProperty({ enum: PERSON_ROLES, isArray: true })
  @IsIn(PERSON_ROLES, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  roles!: Role[];

  @ApiPropertyOptional({ example: 'Social Finance Programme' })
  @IsOptional()
  @Matches(DEPARTMENT, { message: 'must be 1–80 letters, digits, spaces or . _ & ( ) / -' })
  department?: string;

  @ApiPropertyOptional({
    description: 'Without one (or null), a one-time password is generated and returned once',
  })
  @NullIsAbsent()
  @IsOptional()
  @IsString()
  @Length(12, 200)
  @Matches(FIVE_DIFFERENT_CHARACTERS, { message: 'must use at least 5 different characters' })
  password?: string;
}

/** The fields to change; a field left out (or null, but `department`) stays as it is. */
export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'Left out or null: unchanged' })
  @NullIsAbsent()
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiPropertyOptional({
    enum: PERSON_ROLES,
    isArray: true,
    description: 'Left out or null: unchanged',
  })
  @NullIsAbsent()
  @IsOptional()
  @IsIn(PERSON_ROLES, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  roles?: Role[];

  @ApiPropertyOptional({ nullable: true, description: 'null removes it' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(DEPARTMENT, { message: 'must be 1–80 letters, digits, spaces or . _ & ( ) / -' })
  department?: string | null;

  @ApiPropertyOptional({ description: 'Left out or null: unchanged' })
  @NullIsAbsent()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

/** `user-` and a UUID, as the administration gives them. */
export const USER_ID = /^user-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The `{id}` of `/api/auth/users/{id}…`. */
export class UserIdParams {
  @ApiProperty({
    description: 'The user’s id',
    example: 'user-0b6f3f0e-8d8a-4a63-9d0c-6f1d2b8f4c1a',
  })
  @Matches(USER_ID, { message: 'must be a user id: user-<uuid>' })
  id!: string;
}
