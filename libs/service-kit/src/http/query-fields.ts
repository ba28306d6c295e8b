import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { MAX_PAGE_SIZE, type FindQuery } from '@sfp/projections';
import { stacked } from './body-fields';

/**
 * The validated query parameters read sides have in common (`@sfp/service-kit/query-fields`): each
 * decorator documents a parameter (OpenAPI) and checks it (class-validator).
 */

/** `a,b` or `a&a=b` → a list; an empty value stays, for the rule to refuse (an empty filter is not "no filter"). */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim());
/** Digits only become a number; anything else ('', '1.5', '0x10') stays text, which the rules refuse. */
const toWholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;

/** A calendar date YYYY-MM-DD that exists (the days of each month, 29 February in leap years only). */
export const CALENDAR_DATE = new RegExp(
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
    '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$',
);

/** An optional parameter, documented by `api` and checked by `rules`. */
export function Optional(
  api: ApiPropertyOptions,
  ...rules: PropertyDecorator[]
): PropertyDecorator {
  return stacked(ApiPropertyOptional(api), IsOptional(), ...rules);
}

/** One or more of `values`, comma-separated or repeated. */
export function OneOrMoreOf(values: readonly string[], description?: string): PropertyDecorator {
  return Optional(
    { enum: values, isArray: true, ...(description ? { description } : {}) },
    Transform(toList),
    ArrayMaxSize(values.length),
    IsIn(values, { each: true }),
  );
}

/** Absent, or one of `values`. */
export function OptionalOneOf(
  values: readonly string[],
  api: ApiPropertyOptions = {},
): PropertyDecorator {
  return Optional({ enum: values, ...api }, IsIn(values));
}

/** An ISO 3166-1 alpha-2 country code. */
export function CountryFilter(): PropertyDecorator {
  return Optional(
    { example: 'SN', description: 'ISO 3166-1 alpha-2' },
    Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 code (SN)' }),
  );
}

/** A calendar date bounding the offerings' dates. */
export function DateBound(description: string): PropertyDecorator {
  return Optional(
    { example: '2026-03-01', description },
    Matches(CALENDAR_DATE, { message: '$property must be a date YYYY-MM-DD that exists' }),
  );
}

/** A whole number from `min` (up to `max`). */
export function WholeNumber(api: ApiPropertyOptions, min: number, max?: number): PropertyDecorator {
  return Optional(
    api,
    Transform(toWholeNumber),
    IsInt(),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  );
}

/** Read your writes: the position a command answered, to wait for. */
export function MinPosition(): PropertyDecorator {
  return WholeNumber(
    {
      description:
        'Read your writes: wait (up to 5 s) until the view has applied this position (from a command response)',
    },
    0,
  );
}

/** JSON (the default) or CSV. */
export function Format(): PropertyDecorator {
  return OptionalOneOf(['json', 'csv'], { default: 'json' });
}

/** The size of a page. */
export function PageSize(): PropertyDecorator {
  return WholeNumber({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 }, 1, MAX_PAGE_SIZE);
}

/** The cursor of the next page, as the previous page gave it. */
export function PageCursor(): PropertyDecorator {
  return Optional(
    { description: 'nextCursor of the previous page, as it came' },
    IsString(),
    Length(1, 2_000),
    Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the nextCursor of the previous page' }),
  );
}

/** Read your writes, and the output format: every query of a view. */
export class ViewQueryDto {
  @MinPosition()
  minPosition?: number;

  @Format()
  format?: 'json' | 'csv';
}

/** A view's page: its size and the cursor where the previous one ended. */
export class PagedQueryDto extends ViewQueryDto {
  @PageSize()
  limit?: number;

  @PageCursor()
  cursor?: string;
}

/** The page a paged query asks for. */
export function pageOf(query: {
  limit?: number;
  cursor?: string;
}): Pick<FindQuery, 'limit' | 'cursor'> {
  return {
    ...(query.limit ? { limit: query.limit } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
