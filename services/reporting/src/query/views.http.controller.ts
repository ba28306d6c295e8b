import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Answers, Operation, Refuses, RequirePermission, type AnswerSpec } from '@sfp/auth';
import { toCsv } from '@sfp/service-kit';
import { InvalidAnalystQueryError } from './domain/analyst-query.validation';
import { REPORTING_READER } from '../reporting.tokens';
import type { ReportingReader, ViewQueryAnswer } from './reporting-reader';
import {
  describeView,
  ViewCatalogueSchema,
  ViewDescriptionSchema,
  ViewQueryAnswerSchema,
  ViewQueryCsvSchema,
  type ViewCatalogue,
  type ViewDescription,
} from './view-answers.schema';
import {
  AnalystQueryDto,
  ViewEntryParams,
  ViewParams,
  ViewQueryFormatParams,
  ViewQueryUrlParams,
  type ViewAnswerFormat,
} from './view-query.dto';

const QUERY_ANSWER: AnswerSpec = {
  description:
    'The rows (or groups) of the page, the columns in order and the total before paging; format=csv: a CSV file of the same',
  schema: ViewQueryAnswerSchema,
  content: { 'text/csv': ViewQueryCsvSchema },
  headers: {
    'Content-Disposition': { description: 'format=csv: attachment; filename="<view>.csv"' },
    'X-Total-Count': {
      description: 'format=csv: the rows (or groups) before paging',
      schema: { type: 'string', pattern: '^[0-9]+$' },
    },
  },
};

const QUERY_REFUSALS = {
  400: 'The query does not fit the view: a field it does not declare, an operator or a value of the wrong type, a future asOf (INVALID_QUERY, a message per field)',
  404: 'No reporting view of that name (UNKNOWN_VIEW)',
  422: 'The query would read more documents than the bound: narrow the filter (QUERY_TOO_BROAD)',
  503: 'The query took longer than its time budget (QUERY_TIMEOUT): narrow it, or retry (an as-of replay continues)',
};

/** The analyst query API: the catalogue of views, and queries over them (JSON or CSV, live or as of an instant). */
@ApiTags('reporting: views')
@Controller('views')
export class ViewsController {
  constructor(@Inject(REPORTING_READER) private readonly reader: ReportingReader) {}

  @Get()
  @RequirePermission('reports:read')
  @Operation('listReportingViews', 'List the reporting views with their queryable fields.')
  @Answers(200, {
    description: 'Every reporting view with its queryable fields and their types',
    schema: ViewCatalogueSchema,
  })
  catalogue(): ViewCatalogue {
    return { views: this.reader.catalogue().map(describeView) };
  }

  @Get(':view')
  @RequirePermission('reports:read')
  @Operation('getReportingView', 'Describe one reporting view and its queryable fields.')
  @Answers(200, { description: 'The view and its fields', schema: ViewDescriptionSchema })
  @Refuses({ 404: 'No reporting view of that name (UNKNOWN_VIEW)' })
  entry(@Param() params: ViewEntryParams): ViewDescription {
    return describeView(this.reader.view(params.view));
  }

  /** The query as JSON in the body (see docs/reporting.md); `?format=csv` for a CSV file. */
  @Post(':view/query')
  @HttpCode(200)
  @RequirePermission('reports:read')
  @Operation(
    'queryReportingView',
    'Query a reporting view (the query in the body), as JSON or CSV.',
  )
  @Answers(200, QUERY_ANSWER)
  @Refuses(QUERY_REFUSALS)
  async queryByBody(
    @Param() params: ViewParams,
    @Body() _query: AnalystQueryDto,
    @Query() options: ViewQueryFormatParams,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    // The domain checks the query as the client sent it (the DTO checked its shape).
    const answer = await this.reader.query(params.view, req.body as unknown);
    return this.answer(answer, options.format ?? 'json', res);
  }

  /** The same query as URL-encoded JSON in `q` (for links and downloads). */
  @Get(':view/query')
  @RequirePermission('reports:read')
  @Operation(
    'queryReportingViewByUrl',
    'Query a reporting view with the query as JSON in the URL (for links and downloads).',
  )
  @Answers(200, QUERY_ANSWER)
  @Refuses({
    ...QUERY_REFUSALS,
    400: `\`q\` is not JSON, or ${QUERY_REFUSALS[400].charAt(0).toLowerCase()}${QUERY_REFUSALS[400].slice(1)}`,
  })
  async queryByUrl(
    @Param() params: ViewParams,
    @Query() options: ViewQueryUrlParams,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = this.reader.view(params.view).name;
    let query: unknown = {};
    if (options.q !== undefined) {
      try {
        query = JSON.parse(options.q);
      } catch {
        throw new InvalidAnalystQueryError(view, [
          { field: 'q', message: 'must be the query as JSON' },
        ]);
      }
    }
    return this.answer(await this.reader.query(view, query), options.format ?? 'json', res);
  }

  private answer(
    answer: ViewQueryAnswer,
    format: ViewAnswerFormat,
    res: Response,
  ): ViewQueryAnswer | string {
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
