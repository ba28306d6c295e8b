import { Inject, Query, Req, Res } from '@nestjs/common';
import { KnowledgeBaseController, ExportableView } from '../../shared/http/routes';
import type { Request, Response } from 'express';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import { Answers, Operation, PROJECTION_ENGINE, toCsv, type CsvColumn } from '@sfp/service-kit';
import {
  peerBenchmarks,
  type PeerGroupStatistics,
  type PeerStatistic,
} from '../../benchmark/domain/peer-statistics';
import { fieldColumns, sendCsv } from '../../http/csv-response';
import { answerPage } from '../../http/paged-view';
import { findAll, readYourWrites } from '../../http/read-your-writes';
import { callerOf } from '../../http/request-principal';
import { RATIO_KEYS } from '../domain/standard-ratios';
import {
  latestPerInstitutionAndYear,
  outreachSummary,
  type OutreachSummaryRow,
} from './outreach-summary';
import { PERFORMANCE_REPORTS_PROJECTION, type ReportRow } from './performance-reports.projection';
import { GroupQueryDto, ReportListQueryDto } from './report-views.query.dto';
import { CsvFile, csvHeadersOf } from '../../shared/http/schema-helpers';
import {
  BenchmarksSchema,
  OutreachSchema,
  ReportListPageSchema,
  type Benchmarks,
  type Outreach,
  type ReportListItem,
} from './report-views.schema';

const REPORT_COLUMNS: CsvColumn<ReportRow>[] = [
  ...fieldColumns<ReportRow>('reportId', 'institutionId'),
  { header: 'institution', value: (r) => r.institutionName },
  ...fieldColumns<ReportRow>(
    'country',
    'region',
    'legalType',
    'periodStart',
    'periodEnd',
    'version',
    'currency',
    'filingDepartment',
  ),
  { header: 'activeBorrowers', value: (r) => r.inputs.activeBorrowers.closing },
  { header: 'glpUsd', value: (r) => r.figures.glpClosing },
  ...RATIO_KEYS.map((key) => ({ header: key, value: (r: ReportRow) => r.ratios[key].value })),
];

/** One ratio of one peer group: a line of the benchmarks' CSV. */
interface BenchmarkRow extends Omit<PeerGroupStatistics, 'ratios'>, PeerStatistic {
  ratio: string;
}

const BENCHMARK_COLUMNS = fieldColumns<BenchmarkRow>(
  'year',
  'region',
  'legalType',
  'institutions',
  'ratio',
  'count',
  'absent',
  'min',
  'q1',
  'median',
  'q3',
  'max',
);

const OUTREACH_COLUMNS = fieldColumns<OutreachSummaryRow>(
  'region',
  'year',
  'institutions',
  'activeBorrowers',
  'activeWomenBorrowers',
  'womenShare',
  'ruralClients',
  'voluntarySavers',
  'grossLoanPortfolioUsd',
  'averageLoanBalanceUsd',
  'medianDepth',
  'depthNotComputable',
);

/** Analysts' views over the reports: the list, peer benchmarks, the poverty outreach summary. */
@KnowledgeBaseController('analysis')
export class ReportViewsController {
  constructor(@Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine) {}

  /** Every report at its current version, with its ratios; `format=csv` exports the page. */
  @Operation(
    'listPerformanceReports',
    'Every performance report at its current version, with its ratios, filtered and paged.',
  )
  @Answers(200, {
    description: 'A page of reports, latest period first (format=csv: the page as a CSV file)',
    schema: ReportListPageSchema,
    content: { 'text/csv': CsvFile('One line per report, with a header line') },
    headers: csvHeadersOf('performance-reports.csv', { paged: true }),
  })
  @ExportableView('performance-reports')
  async list(
    @Query() query: ReportListQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await readYourWrites(this.projections, query.minPosition, PERFORMANCE_REPORTS_PROJECTION);
    const filter: ReadModelFilter = { ...this.groupFilter(query, req) };
    if (query.institutionId) filter['institutionId'] = query.institutionId;
    if (query.kind?.length) filter['kind'] = { in: query.kind };
    if (query.country) filter['country'] = query.country;
    return answerPage(
      this.projections.readModel<ReportRow>(PERFORMANCE_REPORTS_PROJECTION),
      query,
      res,
      { filter, sort: { field: 'periodEnd', direction: 'desc' } },
      { file: 'performance-reports.csv', columns: REPORT_COLUMNS },
      ({ data, position }): ReportListItem => {
        const { figures: _figures, ...rest } = data;
        return { ...rest, position };
      },
    );
  }

  /** Medians and quartiles of every ratio by region, legal type and year (one report per institution and year). */
  @Operation(
    'getBenchmarks',
    'Peer benchmarks: medians and quartiles of every ratio by region, legal type and year.',
  )
  @Answers(200, {
    description:
      'The peer groups with the distribution of every ratio (format=csv: one line per group and ratio)',
    schema: BenchmarksSchema,
    content: { 'text/csv': CsvFile('One line per peer group and ratio, with a header line') },
    headers: csvHeadersOf('peer-benchmarks.csv'),
  })
  @ExportableView('benchmarks')
  async benchmarks(
    @Query() query: GroupQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Benchmarks | string> {
    const reports = await this.reportsOfGroups(query, req);
    const groups = peerBenchmarks(
      latestPerInstitutionAndYear(reports).map((r) => ({
        region: r.region,
        legalType: r.legalType,
        year: r.year,
        ratios: r.ratios,
      })),
    );
    if (query.format === 'csv')
      return sendCsv(res, 'peer-benchmarks.csv', toCsv(benchmarkRows(groups), BENCHMARK_COLUMNS));
    return { groups };
  }

  /** Borrowers, women, rural clients, savers, loan sizes and depth by region and year. */
  @Operation(
    'getOutreach',
    'Poverty outreach: borrowers, women, rural clients, savers, loan sizes and depth by region and year.',
  )
  @Answers(200, {
    description: 'The summary by year and region (format=csv: one line per year and region)',
    schema: OutreachSchema,
    content: { 'text/csv': CsvFile('One line per year and region, with a header line') },
    headers: csvHeadersOf('poverty-outreach.csv'),
  })
  @ExportableView('outreach')
  async outreach(
    @Query() query: GroupQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Outreach | string> {
    const reports = await this.reportsOfGroups(query, req);
    const rows = outreachSummary(reports);
    if (query.format === 'csv')
      return sendCsv(res, 'poverty-outreach.csv', toCsv(rows, OUTREACH_COLUMNS));
    return { items: rows };
  }

  /** Every report of the peer groups the query names, once the view shows `minPosition`. */
  private async reportsOfGroups(query: GroupQueryDto, req: Request): Promise<ReportRow[]> {
    await readYourWrites(this.projections, query.minPosition, PERFORMANCE_REPORTS_PROJECTION);
    return findAll<ReportRow>(
      this.projections,
      PERFORMANCE_REPORTS_PROJECTION,
      this.groupFilter(query, req),
    );
  }

  private groupFilter(query: GroupQueryDto, req: Request): ReadModelFilter {
    const filter: ReadModelFilter = {};
    if (query.region?.length) filter['region'] = { in: query.region };
    if (query.legalType?.length) filter['legalType'] = { in: query.legalType };
    if (query.year !== undefined) filter['year'] = query.year;
    const caller = callerOf(req);
    if (caller.scope !== undefined) filter['reportingDepartment'] = caller.scope;
    return filter;
  }
}

function benchmarkRows(groups: readonly PeerGroupStatistics[]): BenchmarkRow[] {
  return groups.flatMap((g) =>
    RATIO_KEYS.map((ratio) => ({
      year: g.year,
      region: g.region,
      legalType: g.legalType,
      institutions: g.institutions,
      ratio,
      ...g.ratios[ratio],
    })),
  );
}
