import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Answers, departmentScope, Operation, principalOf, RequirePermission } from '@sfp/auth';
import type { ProjectionEngine, ReadModelDocument } from '@sfp/projections';
import type { RequestStatistics } from '@sfp/contracts';
import {
  CLOCK,
  MIN_POSITION_WAIT_MS,
  PROJECTION_ENGINE,
  toCsv,
  type Clock,
} from '@sfp/service-kit';
import { requestListFilter, slaStatusOf, sortOf } from './request-list.filter';
import { RequestListQueryDto, RequestStatisticsQueryDto } from './request-list.query.dto';
import {
  REQUEST_LIST_CSV_COLUMNS,
  REQUEST_LIST_CSV_HEADERS,
  RequestListCsvSchema,
  RequestListPageSchema,
  RequestStatisticsSchema,
  type RequestListItem,
  type RequestListPage,
} from './request-list.answers';
import { requestStatistics } from './request-statistics';
import type { RequestSummary } from './request-summary';
import { REQUESTS_PROJECTION } from './requests.projection';

/** Statistics read at most this many requests (a clear error past it, never a silent cut). */
const STATISTICS_LIMIT = 50_000;

@ApiTags('help-desk: queries')
@Controller()
export class RequestsQueryController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every request, filtered, sorted and paged; `format=csv` exports the page as CSV. */
  @Get('service-requests')
  @RequirePermission('records:read')
  @Operation(
    'listServiceRequests',
    'List requests, filtered, sorted and paged (as CSV with format=csv).',
  )
  @Answers(200, {
    description:
      'A page of requests, each with its SLA status against now, and the next page’s cursor',
    schema: RequestListPageSchema,
    content: { 'text/csv': RequestListCsvSchema },
    headers: REQUEST_LIST_CSV_HEADERS,
  })
  list(
    @Query() query: RequestListQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.page(query, req, res);
  }

  /** The open queue: active requests, most urgent deadline first, by assignee, priority or SLA status. */
  @Get('queue')
  @RequirePermission('records:read')
  @Operation(
    'getHelpDeskQueue',
    'The open queue: active requests, most urgent deadline first (as CSV with format=csv).',
    'The list with open=true and sort=dueAt unless the query says otherwise.',
  )
  @Answers(200, {
    description:
      'A page of the queue, each request with its SLA status against now, and the next page’s cursor',
    schema: RequestListPageSchema,
    content: { 'text/csv': RequestListCsvSchema },
    headers: REQUEST_LIST_CSV_HEADERS,
  })
  queue(
    @Query() query: RequestListQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.page({ ...query, open: query.open ?? true, sort: query.sort ?? 'dueAt' }, req, res);
  }

  @Get('statistics')
  @RequirePermission('reports:read')
  @Operation(
    'getHelpDeskStatistics',
    'Volumes, response and resolution times, and the SLA breach rate of the requests the filters select.',
    `At most ${STATISTICS_LIMIT} requests: past it, narrow the filter (400 QUERY_TOO_LARGE).`,
  )
  @Answers(200, {
    description:
      'Volumes by kind, theme, region, month and status; median and p90 hours to first response and resolution; SLA breach rate',
    schema: RequestStatisticsSchema,
  })
  async statistics(
    @Query() query: RequestStatisticsQueryDto,
  ): Promise<RequestStatistics & { position: number }> {
    await this.readYourWrites(query.minPosition);
    const filter = requestListFilter(query, this.clock());
    const model = this.projections.readModel<RequestSummary>(REQUESTS_PROJECTION);
    const total = await model.count(filter);
    if (total > STATISTICS_LIMIT) {
      throw Object.assign(
        new Error(
          `The statistics cover ${total} requests, more than ${STATISTICS_LIMIT}; narrow the filter (from, to, region, kind)`,
        ),
        {
          code: 'QUERY_TOO_LARGE',
        },
      );
    }
    const requests: RequestSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await model.find({ filter, limit: 1_000, ...(cursor ? { cursor } : {}) });
      requests.push(...page.items.map((i) => i.data));
      cursor = page.nextCursor;
    } while (cursor);
    const status = await this.projections.status(REQUESTS_PROJECTION);
    return { ...requestStatistics(requests), position: status.position };
  }

  private async page(
    query: RequestListQueryDto,
    req: Request,
    res: Response,
  ): Promise<RequestListPage | string> {
    await this.readYourWrites(query.minPosition);
    const now = this.clock();
    const filter = requestListFilter(query, now);
    // A department's integration client sees its own department's requests only.
    const scope = departmentScope(principalOf(req));
    if (scope !== undefined) filter['department'] = scope;
    const page = await this.projections.readModel<RequestSummary>(REQUESTS_PROJECTION).find({
      filter,
      sort: sortOf(query.sort),
      ...(query.limit ? { limit: query.limit } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    const items = page.items.map(
      (doc: ReadModelDocument<RequestSummary>): RequestListItem => ({
        ...withoutThemeFlags(doc.data),
        slaStatus: slaStatusOf(doc.data, now),
        position: doc.position,
      }),
    );
    if (query.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="service-requests.csv"');
      if (page.nextCursor) res.setHeader('X-Next-Cursor', page.nextCursor);
      return toCsv(items, REQUEST_LIST_CSV_COLUMNS);
    }
    return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  private async readYourWrites(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    await this.projections.waitForPosition(REQUESTS_PROJECTION, position, MIN_POSITION_WAIT_MS);
  }
}

/** The theme_* flags exist for filtering; clients read `themes`. */
function withoutThemeFlags(summary: RequestSummary): Omit<RequestSummary, `theme_${string}`> {
  return Object.fromEntries(
    Object.entries(summary).filter(([key]) => !key.startsWith('theme_')),
  ) as Omit<RequestSummary, `theme_${string}`>;
}
