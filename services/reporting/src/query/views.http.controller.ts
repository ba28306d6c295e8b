import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@sfp/auth';
import { toCsv } from '@sfp/service-kit';
import { formatOf, queryParams } from '../http/query-params';
import { InvalidAnalystQueryError } from './domain/analyst-query.validation';
import { REPORTING_READER } from '../reporting.tokens';
import type { ReportingReader, ViewQueryAnswer } from './reporting-reader';
import type { ReportingView } from '../registry/reporting-view';

const QUERY_EXAMPLE = {
  filter: {
    submittedAt: { gte: '2026-01-01', lt: '2026-04-01' },
    region: { in: ['africa', 'americas'] },
  },
  groupBy: ['kind'],
  aggregates: ['count', 'median:hoursToFirstResolution'],
  sort: ['-count'],
  limit: 100,
};

/** The analyst query API: the catalogue of views, and queries over them (JSON or CSV, live or as of an instant). */
@ApiTags('reporting: views')
@Controller('views')
export class ViewsController {
  constructor(@Inject(REPORTING_READER) private readonly reader: ReportingReader) {}

  @Get()
  @RequirePermission('reports:read')
  @ApiOkResponse({ description: 'Every reporting view with its queryable fields and their types' })
  catalogue() {
    return { views: this.reader.catalogue().map(describe) };
  }

  @Get(':view')
  @RequirePermission('reports:read')
  @ApiNotFoundResponse()
  entry(@Param('view') name: string) {
    return describe(this.reader.view(name));
  }

  /** The query as JSON in the body (see docs/reporting.md); `?format=csv` for a CSV file. */
  @Post(':view/query')
  @HttpCode(200)
  @RequirePermission('reports:read')
  @ApiBody({ schema: { type: 'object', example: QUERY_EXAMPLE } })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY with a message per field' })
  async queryByBody(
    @Param('view') name: string,
    @Body() body: unknown,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const params = queryParams(name, raw, ['format'] as const);
    const format = formatOf(name, params.format, ['json', 'csv'] as const);
    return this.answer(await this.reader.query(name, body), format, res);
  }

  /** The same query as URL-encoded JSON in `q` (for links and downloads). */
  @Get(':view/query')
  @RequirePermission('reports:read')
  @ApiQuery({ name: 'q', required: false, description: 'The query as JSON, URL-encoded' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY with a message per field' })
  async queryByUrl(
    @Param('view') name: string,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const params = queryParams(name, raw, ['q', 'format'] as const);
    const format = formatOf(name, params.format, ['json', 'csv'] as const);
    let query: unknown = {};
    if (params.q !== undefined) {
      try {
        query = JSON.parse(params.q);
      } catch {
        throw new InvalidAnalystQueryError(name, [
          { field: 'q', message: 'must be the query as JSON' },
        ]);
      }
    }
    return this.answer(await this.reader.query(name, query), format, res);
  }

  private answer(answer: ViewQueryAnswer, format: 'json' | 'csv', res: Response) {
    if (format === 'json') return answer;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${answer.view}.csv"`);
    res.setHeader('X-Total-Count', String(answer.total));
    return toCsv(
      answer.rows,
      answer.columns.map((column) => ({
        header: column,
        value: (row: Record<string, unknown>) =>
          row[column] as string | number | boolean | null | readonly string[],
      })),
    );
  }
}

function describe(view: ReportingView) {
  return {
    name: view.name,
    context: view.context,
    title: view.title,
    description: view.description,
    projection: view.projection.name,
    fields: Object.entries(view.fields).map(([name, field]) => ({ name, ...field })),
  };
}
