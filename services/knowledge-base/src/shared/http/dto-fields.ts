import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { COUNTRY_CODES } from '../domain/reference-data';
import { toList, toWholeNumber } from './query-helpers';

/**
 * The validated fields the knowledge base's DTOs have in common, each one
 * decorator: its OpenAPI entry and its rules.
 */

/**
 * Several property decorators as one, applied as a written-out stack of them
 * is (the last first): class-validator lists a field's broken rules in that
 * order, and the first one is the message a client sees.
 */
export function decoratorStack(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => {
    for (const decorator of [...decorators].reverse()) decorator(target, propertyKey);
  };
}

/** What OpenAPI shows of a field, and whether it may be left out. */
interface Field {
  example?: unknown;
  description?: string;
  /** May be left out (OpenAPI: not required; validated only when present). */
  optional?: boolean;
}

/** The OpenAPI entry of a field (only what is given), and IsOptional when it may be left out. */
function documented(
  { optional, ...shown }: Field,
  type?: ApiPropertyOptions['type'],
): PropertyDecorator[] {
  const api: ApiPropertyOptions = Object.fromEntries(
    Object.entries({ type, ...shown }).filter(([, value]) => value !== undefined),
  );
  return optional ? [ApiPropertyOptional(api), IsOptional()] : [ApiProperty(api)];
}

const FINITE = { allowNaN: false, allowInfinity: false };
/**
 * A calendar date YYYY-MM-DD that exists (no 2025-02-30): the days of each
 * month, 29 February in leap years only. The schema says it, so a client
 * knows a date the API refuses before sending it.
 */
const DATE = new RegExp(
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
    '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$',
);
/** The officially assigned ISO 3166-1 alpha-2 codes, in order. */
const COUNTRIES = [...COUNTRY_CODES].sort();

/** A string of `min` to `max` characters. */
export function Text(
  { min, max }: { min: number; max: number },
  field: Field = {},
): PropertyDecorator {
  return decoratorStack(...documented(field), IsString(), MinLength(min), MaxLength(max));
}

/** Why a record changes (a status change, a restatement, a revision, a withdrawal): 1 to 2 000 characters. */
export function Reason(example: string): PropertyDecorator {
  return Text({ min: 1, max: 2_000 }, { example });
}

/** A number, neither NaN nor infinite. */
export function FiniteNumber(field: Field): PropertyDecorator {
  return decoratorStack(...documented(field), IsNumber(FINITE));
}

/** An amount that cannot be negative: a balance, a revenue, an expense. */
export function MoneyAmount(example: number, description: string): PropertyDecorator {
  return decoratorStack(...documented({ example, description }), IsNumber(FINITE), Min(0));
}

/** A number of people, loans or units: a whole number, never negative. */
export function Count(example: number, field: Omit<Field, 'example'> = {}): PropertyDecorator {
  return decoratorStack(...documented({ example, ...field }), IsInt(), Min(0));
}

/** A share from 0 to 1 (may be left out). */
export function Share(example: number, description: string): PropertyDecorator {
  return decoratorStack(
    ...documented({ example, description, optional: true }),
    IsNumber(FINITE),
    Min(0),
    Max(1),
  );
}

/** A date as YYYY-MM-DD. */
export function IsoDate(example: string, field: Omit<Field, 'example'> = {}): PropertyDecorator {
  return decoratorStack(
    ...documented({ example, ...field }),
    Matches(DATE, { message: '$property must be a date YYYY-MM-DD' }),
  );
}

/** An officially assigned ISO 3166-1 alpha-2 country code (the domain checks it again). */
export function CountryCode(
  example: string,
  field: Omit<Field, 'example'> = {},
): PropertyDecorator {
  return decoratorStack(
    ...documented({ example, ...field }),
    IsIn(COUNTRIES, { message: '$value is not an ISO 3166-1 alpha-2 country code' }),
  );
}

/** An object validated by its own DTO class; `missingMessage` says what a missing one lacks. */
export function NestedObject(
  type: new () => object,
  { missingMessage, ...field }: Omit<Field, 'example'> & { missingMessage?: string } = {},
): PropertyDecorator {
  return decoratorStack(
    ...documented(field, type),
    ...(field.optional
      ? []
      : [IsDefined(missingMessage ? { message: missingMessage } : undefined)]),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
}

/** A list of objects, each validated by its own DTO class, at most `maxSize` of them. */
export function NestedList(type: new () => object, maxSize: number): PropertyDecorator {
  return decoratorStack(
    ApiProperty({ type: [type] }),
    ValidateNested({ each: true }),
    Type(() => type),
    ArrayMaxSize(maxSize),
  );
}

/** A query filter on some of a list of values, given as `a,b` or `x=a&x=b`. */
export function ListFilter(values: readonly string[]): PropertyDecorator {
  return decoratorStack(
    ApiPropertyOptional({ enum: values, isArray: true }),
    IsOptional(),
    Transform(toList),
    IsIn(values, { each: true }),
    ArrayMaxSize(values.length),
  );
}

/** A query filter on the year (the year a report's period ends in). */
export function YearFilter(description?: string): PropertyDecorator {
  return decoratorStack(
    ...documented({ example: 2025, description, optional: true }),
    Transform(toWholeNumber),
    IsInt(),
    Min(1960),
    Max(2100),
  );
}
