import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Operation, RequirePermission } from '@sfp/auth';
import type {
  QualityApprovalRates,
  QualityDeficiencies,
  QualityLinkageMap,
  QualityPortfolioSummary,
  QualityTurnaroundSummary,
} from '@sfp/contracts';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import {
  allDocumentsOf,
  PROJECTION_ENGINE,
  sendCsv,
  toCsv,
  waitForMinPosition,
} from '@sfp/service-kit';
import { QUALITY_DECISIONS_PROJECTION, type DecisionDoc } from './quality-decisions.projection';
import { QUALITY_LINKAGES_PROJECTION, type LinkageDoc } from './quality-linkages.projection';
import { QUALITY_PORTFOLIO_PROJECTION, type PortfolioDoc } from './quality-portfolio.projection';
import { QualityReportQueryDto } from './quality-queries.dto';
import {
  approvalRatesOf,
  deficienciesOf,
  linkageMapOf,
  portfolioOf,
  turnaroundOf,
} from './quality-reports';
import {
  APPROVAL_RATE_CSV_COLUMNS,
  ApprovalRateCsvSchema,
  csvHeaders,
  DEFICIENCY_CSV_COLUMNS,
  DeficiencyCsvSchema,
  LINKAGE_CSV_COLUMNS,
  LinkageCsvSchema,
  PORTFOLIO_CSV_COLUMNS,
  PortfolioCsvSchema,
  QualityApprovalRatesSchema,
  QualityDeficienciesSchema,
  QualityLinkageMapSchema,
  QualityPortfolioSchema,
  QualityTurnaroundSchema,
  TURNAROUND_CSV_COLUMNS,
  TurnaroundCsvSchema,
  type ApprovalRateCsvRow,
  type DeficiencyCsvRow,
  type PortfolioCsvRow,
} from './quality-reports.schemas';

/** The filter of a report's period (on `dateField`), department and instrument. */
export function reportFilter(
  query: QualityReportQueryDto,
  dateField: string,
  base: ReadModelFilter = {},
): ReadModelFilter {
  const filter: ReadModelFilter = { ...base };
  if (query.from || query.to) {
    filter[dateField] = {
      ...(query.from ? { gte: query.from } : {}),
      ...(query.to ? { lt: query.to } : {}),
    };
  }
  if (query.department) filter['department'] = query.department;
  if (query.instrument) filter['instrument'] = query.instrument;
  return filter;
}

@ApiTags('quality monitoring: reports')
@RequirePermission('reports:read')
@Controller('reports')
export class QualityReportsQueryController {
  constructor(@Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine) {}

  private async decisions(query: QualityReportQueryDto): Promise<DecisionDoc[]> {
    await waitForMinPosition(this.projections, QUALITY_DECISIONS_PROJECTION, query.minPosition);
    return allDocumentsOf<DecisionDoc>(
      this.projections,
      QUALITY_DECISIONS_PROJECTION,
      reportFilter(query, 'decidedAt', { docType: 'decision' }),
    );
  }

  @Get('turnaround')
  @Operation(
    'getQualityTurnaround',
    'Review turnaround of the decisions of a period (and department, instrument): the median working days from a version’s submission to its decision and the share within the service level, overall and by department, and each decision (as CSV with format=csv: one line per decision).',
  )
  @Answers(200, {
    description: 'The turnaround summary and each decision',
    schema: QualityTurnaroundSchema,
    content: { 'text/csv': TurnaroundCsvSchema },
    headers: csvHeaders('quality-turnaround.csv', false),
  })
  async turnaround(
    @Query() query: QualityReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QualityTurnaroundSummary | string> {
    const summary = turnaroundOf(await this.decisions(query));
    if (query.format !== 'csv') return summary;
    return sendCsv(res, 'quality-turnaround.csv', toCsv(summary.entries, TURNAROUND_CSV_COLUMNS));
  }

  @Get('approval-rates')
  @Operation(
    'getQualityApprovalRates',
    'Decisions of a period by kind, and the approval rate (approved with or without conditions, of all decisions), overall, by department and by instrument (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'The counts and rates',
    schema: QualityApprovalRatesSchema,
    content: { 'text/csv': ApprovalRateCsvSchema },
    headers: csvHeaders('quality-approval-rates.csv', false),
  })
  async approvalRates(
    @Query() query: QualityReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QualityApprovalRates | string> {
    const rates = approvalRatesOf(await this.decisions(query));
    if (query.format !== 'csv') return rates;
    const rows: ApprovalRateCsvRow[] = [
      { dimension: 'all', ...rates.overall },
      ...rates.byDepartment.map((r) => ({ dimension: 'department', ...r })),
      ...rates.byInstrument.map((r) => ({ dimension: 'instrument', ...r })),
    ];
    return sendCsv(res, 'quality-approval-rates.csv', toCsv(rows, APPROVAL_RATE_CSV_COLUMNS));
  }

  @Get('deficiencies')
  @Operation(
    'getQualityDeficiencies',
    'The most frequent deficiencies (criteria whose final rating was in the bottom half of the scale) and red flags of the decisions of a period, with their share of the decisions (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'Criteria and red flags, most frequent first',
    schema: QualityDeficienciesSchema,
    content: { 'text/csv': DeficiencyCsvSchema },
    headers: csvHeaders('quality-deficiencies.csv', false),
  })
  async deficiencies(
    @Query() query: QualityReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QualityDeficiencies | string> {
    const found = deficienciesOf(await this.decisions(query));
    if (query.format !== 'csv') return found;
    const rows: DeficiencyCsvRow[] = [
      ...found.criteria.map((c) => ({ kind: 'criterion' as const, ...c })),
      ...found.redFlags.map((c) => ({ kind: 'red-flag' as const, ...c })),
    ];
    return sendCsv(res, 'quality-deficiencies.csv', toCsv(rows, DEFICIENCY_CSV_COLUMNS));
  }

  @Get('portfolio')
  @Operation(
    'getQualityPortfolio',
    'The approved financial components (approved with or without conditions in the period) by instrument, delivery channel and region, with their amounts in US dollars (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'Counts and amounts in USD',
    schema: QualityPortfolioSchema,
    content: { 'text/csv': PortfolioCsvSchema },
    headers: csvHeaders('quality-portfolio.csv', false),
  })
  async portfolio(
    @Query() query: QualityReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QualityPortfolioSummary | string> {
    await waitForMinPosition(this.projections, QUALITY_PORTFOLIO_PROJECTION, query.minPosition);
    const approved = await allDocumentsOf<PortfolioDoc>(
      this.projections,
      QUALITY_PORTFOLIO_PROJECTION,
      reportFilter({ ...query, department: undefined }, 'approvedAt', { docType: 'approved' }),
    );
    const summary = portfolioOf(
      query.department ? approved.filter((p) => p.department === query.department) : approved,
    );
    if (query.format !== 'csv') return summary;
    const rows: PortfolioCsvRow[] = [
      ...summary.byInstrument.map((c) => ({ dimension: 'instrument', ...c })),
      ...summary.byChannel.map((c) => ({ dimension: 'channel', ...c })),
      ...summary.byRegion.map((c) => ({ dimension: 'region', ...c })),
    ];
    return sendCsv(res, 'quality-portfolio.csv', toCsv(rows, PORTFOLIO_CSV_COLUMNS));
  }

  @Get('linkage-map')
  @Operation(
    'getQualityLinkageMap',
    'The accepted links between proposals and the other contexts’ tools as a graph: proposals and tools as nodes, each link an edge with its score and reason (as CSV with format=csv: one line per link).',
  )
  @Answers(200, {
    description: 'Nodes and edges',
    schema: QualityLinkageMapSchema,
    content: { 'text/csv': LinkageCsvSchema },
    headers: csvHeaders('quality-linkage-map.csv', false),
  })
  async linkageMap(
    @Query() query: QualityReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QualityLinkageMap | string> {
    await waitForMinPosition(this.projections, QUALITY_LINKAGES_PROJECTION, query.minPosition);
    const links = await allDocumentsOf<LinkageDoc>(
      this.projections,
      QUALITY_LINKAGES_PROJECTION,
      reportFilter({ ...query, instrument: undefined, department: undefined }, 'acceptedAt'),
    );
    const map = linkageMapOf(
      query.department ? links.filter((l) => l.department === query.department) : links,
    );
    if (query.format !== 'csv') return map;
    return sendCsv(res, 'quality-linkage-map.csv', toCsv(map.edges, LINKAGE_CSV_COLUMNS));
  }
}
