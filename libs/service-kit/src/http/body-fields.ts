import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/**
 * Fields of a request body (`@sfp/service-kit/body-fields`): each decorator
 * here documents a field (OpenAPI) and checks it (class-validator) the one way
 * the contexts do it everywhere.
 */

/**
 * Decorators as one, applied as a stack written in this order above a property
 * applies them (from the bottom up). class-validator runs and reports a
 * field's rules in the order they are applied, so a field keeps its messages.
 */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...[...decorators].reverse());
}

/** One of `values`. */
export function OneOf(values: readonly string[], api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(ApiProperty({ enum: values, ...api }), IsIn(values));
}

/** Absent, or one of `values`. */
export function OptionalOneOf(
  values: readonly string[],
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return stacked(ApiPropertyOptional({ enum: values, ...api }), IsOptional(), IsIn(values));
}

/** A list of one or more of `values`, none repeated. */
export function DistinctOf(
  values: readonly string[],
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return stacked(
    ApiProperty({ enum: values, isArray: true, ...api }),
    IsIn(values, { each: true }),
    ArrayUnique(),
    ArrayMinSize(1),
    ArrayMaxSize(values.length),
  );
}

/** A text of `min` to `max` characters. */
export function Text(min: number, max: number, api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(ApiProperty(api), IsString(), Length(min, max));
}

/** Absent, or a text of `min` to `max` characters. */
export function OptionalText(
  min: number,
  max: number,
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return stacked(ApiPropertyOptional(api), IsOptional(), IsString(), Length(min, max));
}

/** A list of 1 to `maxItems` texts of 1 to `maxLength` characters each, none of them blank. */
export function Texts(
  maxItems: number,
  maxLength: number,
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return stacked(
    ApiProperty({ type: [String], ...api }),
    IsString({ each: true }),
    Length(1, maxLength, { each: true }),
    Matches(/\S/, { each: true, message: 'each value in $property must not be blank' }),
    ArrayMinSize(1),
    ArrayMaxSize(maxItems),
  );
}

/** An e-mail address (at most 254 characters). */
export function Email(api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(ApiProperty(api), IsEmail(), MaxLength(254));
}

/** A whole number from `min` to `max`. */
export function WholeNumber(
  min: number,
  max: number,
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return stacked(ApiProperty({ type: 'integer', ...api }), IsInt(), Min(min), Max(max));
}

/** A number from `min` to `max`. */
export function NumberIn(
  min: number,
  max: number,
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return stacked(
    ApiProperty({ type: 'number', ...api }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(min),
    Max(max),
  );
}

/** Absent, or a number from `min` to `max`. */
export function OptionalNumberIn(
  min: number,
  max: number,
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return stacked(
    ApiPropertyOptional({ type: 'number', ...api }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(min),
    Max(max),
  );
}

/** An ISO 3166-1 alpha-2 country code. */
export function CountryCode(api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(
    ApiProperty({ example: 'KE', description: 'ISO 3166-1 alpha-2 country code', ...api }),
    IsString(),
    Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 code, e.g. KE' }),
  );
}

/** An IANA time zone name, e.g. Africa/Nairobi. */
export function TimeZoneName(api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(
    ApiProperty({ example: 'Africa/Nairobi', description: 'An IANA time zone name', ...api }),
    IsString(),
    Length(1, 64),
    IsTimeZone({ message: '$property must be an IANA time zone name, e.g. Africa/Nairobi' }),
  );
}
