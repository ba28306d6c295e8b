import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';

/**
 * The help desk's fields of a request body or query: each decorator here
 * documents a field (OpenAPI) and checks it (class-validator) the one way the
 * help desk does it everywhere.
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

/** A list of `values`, none repeated. */
export function DistinctOf(values: readonly string[]): PropertyDecorator {
  return stacked(
    ApiProperty({ enum: values, isArray: true }),
    IsIn(values, { each: true }),
    ArrayUnique(),
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

/** An e-mail address (at most 254 characters). */
export function Email(api: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(ApiProperty(api), IsEmail(), MaxLength(254));
}
