import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SchemaRules } from '@sfp/auth';
import { AGGREGATE_FUNCTIONS, QUERY_LIMITS } from './domain/analyst-query';
import { ISO_INSTANT } from './domain/analyst-query.validation';

/**
 * The requests of the analyst query API, as the validation pipe checks them
 * (and the OpenAPI document says, from these rules). The shape only: whether
 * a name is a field of the view, and the values' types, are the domain's
 * checks (validateAnalystQuery), against the view's declared fields.
 */

/** The view in the path. */
export class ViewParams {
  @IsString()
  @MaxLength(100)
  view!: string;
}

/** The view in the path of its catalogue entry (with an example: reading it is harmless). */
export class ViewEntryParams extends ViewParams {
  @ApiProperty({ example: 'service-requests' })
  declare view: string;
}

export const VIEW_ANSWER_FORMATS = ['json', 'csv'] as const;
export type ViewAnswerFormat = (typeof VIEW_ANSWER_FORMATS)[number];

export class ViewQueryFormatParams {
  @ApiPropertyOptional({ description: 'json (default), or csv for a CSV file' })
  @IsOptional()
  @IsIn([...VIEW_ANSWER_FORMATS])
  format?: ViewAnswerFormat;
}

export class ViewQueryUrlParams extends ViewQueryFormatParams {
  @ApiPropertyOptional({
    description:
      'The query as JSON, URL-encoded: the same object as the body of POST …/query (default {}); a longer query goes in that body',
    example: '{"groupBy":["kind"],"sort":["-count"]}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  q?: string;
}

const nonEmptyList = (name: string) => ({
  properties: { [name]: { type: 'array', minItems: 1 } },
  required: [name],
});

/** The longest field name (or `-field`, `sum:field`) a query may name, and the most columns it may select. */
const FIELD_NAME_LENGTH = 120;
const FIELDS_PER_QUERY = 100;

/** An analyst query (see docs/reporting.md): filter, columns or groups and aggregates, sort, page, instant. */
@SchemaRules({
  description: 'A grouped query (groupBy or aggregates) returns its groups: no select',
  not: {
    properties: { select: { type: 'array' } },
    required: ['select'],
    anyOf: [nonEmptyList('groupBy'), nonEmptyList('aggregates')],
  },
})
export class AnalystQueryDto {
  @ApiPropertyOptional({
    description:
      'Field name → a value (eq), or { eq, in, gt, gte, lt, lte } (a field of the view, a value of its type)',
    example: { submittedAt: { gte: '2026-01-01', lt: '2026-04-01' }, region: { in: ['africa'] } },
  })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The columns of a row query (fields of the view)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(FIELDS_PER_QUERY)
  @IsString({ each: true })
  @MaxLength(FIELD_NAME_LENGTH, { each: true })
  select?: string[];

  @ApiPropertyOptional({
    description: 'Group keys: a field, or timestampField:year|quarter|month|day',
    example: ['kind'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUERY_LIMITS.maxGroupBy)
  @IsString({ each: true })
  @MaxLength(FIELD_NAME_LENGTH, { each: true })
  groupBy?: string[];

  @ApiPropertyOptional({
    description: `count, or <function>:<number field> (${AGGREGATE_FUNCTIONS.filter((f) => f !== 'count').join(', ')})`,
    example: ['count', 'median:hoursToFirstResolution'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUERY_LIMITS.maxAggregates)
  @IsString({ each: true })
  @MaxLength(FIELD_NAME_LENGTH, { each: true })
  aggregates?: string[];

  @ApiPropertyOptional({
    description: 'Columns to sort by, - in front for descending',
    example: ['-count'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUERY_LIMITS.maxSort)
  @IsString({ each: true })
  @MaxLength(FIELD_NAME_LENGTH, { each: true })
  sort?: string[];

  @ApiPropertyOptional({ description: `Rows per page (default ${QUERY_LIMITS.defaultLimit})` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(QUERY_LIMITS.maxLimit)
  limit?: number;

  @ApiPropertyOptional({ description: 'Rows to skip (default 0)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(QUERY_LIMITS.maxOffset)
  offset?: number;

  @ApiPropertyOptional({
    description: 'The view as it stood at this past instant (ISO 8601 date or date-time)',
    example: '2026-03-31T23:59:59Z',
  })
  @IsOptional()
  @IsString()
  @Matches(ISO_INSTANT, { message: 'must be an ISO 8601 date or time, e.g. 2026-03-31T23:59:59Z' })
  asOf?: string;
}
