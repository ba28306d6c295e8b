import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, type FindQuery } from '@sfp/projections';
import { Text } from './dto-fields';
import { toWholeNumber } from './query-helpers';

/** Read your writes and output format, shared by every query. */
export class ViewQueryDto {
  @ApiPropertyOptional({
    description:
      'Wait (up to 5 s) until the view has applied this position (from a command response)',
  })
  @IsOptional()
  @Transform(toWholeNumber)
  @IsInt()
  @Min(0)
  minPosition?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class PagedQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Transform(toWholeNumber)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @Text(
    { min: 1, max: 2_000 },
    {
      description:
        'nextCursor of the previous page, as it came (base64url); any other value is refused (400 INVALID_QUERY)',
      optional: true,
    },
  )
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;
}

/** The page a paged query asks for: its size, and the cursor where the previous page ended. */
export function pageOf(query: PagedQueryDto): Pick<FindQuery, 'limit' | 'cursor'> {
  return {
    ...(query.limit ? { limit: query.limit } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}

/** A page of a list as JSON: its items, and the cursor of the next page when there is one. */
export function pageAnswer<T>(
  items: T[],
  nextCursor: string | undefined,
): { items: T[]; nextCursor?: string } {
  return { items, ...(nextCursor ? { nextCursor } : {}) };
}
