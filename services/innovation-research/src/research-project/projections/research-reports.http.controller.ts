import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Operation, RequirePermission } from '@sfp/auth';
import type {
  CostBenefitProjectEntry,
  CostBenefitSummary,
  FindingsLibraryEntry,
  MilestoneCalendarEntry,
  ResearchPortfolioSummary,
} from '@sfp/contracts';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import {
  allDocumentsOf,
  CLOCK,
  pagedList,
  PROJECTION_ENGINE,
  sendCsv,
  toCsv,
  type Clock,
} from '@sfp/service-kit';
import { ViewQueryDto } from '@sfp/service-kit/query-fields';
import {
  RESEARCH_COST_BENEFIT_PROJECTION,
  type CostBenefitDoc,
} from './research-cost-benefit.projection';
import {
  findingEntryOf,
  RESEARCH_FINDINGS_PROJECTION,
  type FindingDoc,
} from './research-findings.projection';
import {
  RESEARCH_MILESTONES_PROJECTION,
  type MilestoneDoc,
} from './research-milestones.projection';
import { themeFlag } from './research-project.document';
import { RESEARCH_PROJECTS_PROJECTION, type ProjectDoc } from './research-projects.projection';
import { FindingsLibraryQueryDto, MilestoneCalendarQueryDto } from './research-queries.dto';
import { postingRestriction, todayOf, waitFor } from './research-read';
import { costBenefitSummaryOf, daysLateOf, portfolioSummaryOf } from './research-reports';
import {
  COST_BENEFIT_CSV_COLUMNS,
  CostBenefitCsvSchema,
  CostBenefitSummarySchema,
  csvHeaders,
  FINDING_CSV_COLUMNS,
  FindingCsvSchema,
  FindingsLibraryPageSchema,
  MILESTONE_CSV_COLUMNS,
  MilestoneCalendarPageSchema,
  MilestoneCsvSchema,
  PORTFOLIO_CSV_COLUMNS,
  PortfolioCsvSchema,
  ResearchPortfolioSummarySchema,
  type PortfolioCsvRow,
} from './research-reports.schemas';

/** Every document of a read model matching `filter`, page by page. */
const allOf = allDocumentsOf;

/** The calendar entry of a milestone document, its days late as of today. */
export function calendarEntryOf(doc: MilestoneDoc, today: string): MilestoneCalendarEntry {
  const daysLate = daysLateOf(doc, today);
  return {
    projectId: doc.projectId,
    milestoneId: doc.milestoneId,
    projectTitle: doc.projectTitle,
    phase: doc.phase,
    title: doc.title,
    plannedOn: doc.plannedOn,
    ...(doc.completedOn ? { completedOn: doc.completedOn } : {}),
    state: doc.state,
    ...(daysLate !== undefined ? { daysLate } : {}),
    deliverables: doc.deliverables,
  };
}

@ApiTags('innovation research: reports')
@Controller()
export class ResearchReportsQueryController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('portfolio')
  @RequirePermission('reports:read')
  @Operation(
    'getResearchPortfolio',
    'The research portfolio in counts by status, theme, deficit, country, design and innovation kind, with the projects at risk (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'The counts and the projects with slipping milestones (days late as of today)',
    schema: ResearchPortfolioSummarySchema,
    content: { 'text/csv': PortfolioCsvSchema },
    headers: csvHeaders('research-portfolio.csv', false),
  })
  async portfolio(
    @Query() query: ViewQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResearchPortfolioSummary | string> {
    await waitFor(this.projections, RESEARCH_PROJECTS_PROJECTION, query.minPosition);
    const projects = await allOf<ProjectDoc>(this.projections, RESEARCH_PROJECTS_PROJECTION, {
      docType: 'project',
    });
    const summary = portfolioSummaryOf(projects, todayOf(this.clock));
    if (query.format !== 'csv') return summary;
    const rows: PortfolioCsvRow[] = [
      ...summary.byStatus.map((c) => ({ dimension: 'status', ...c })),
      ...summary.byTheme.map((c) => ({ dimension: 'theme', ...c })),
      ...summary.byDeficit.map((c) => ({ dimension: 'deficit', ...c })),
      ...summary.byCountry.map((c) => ({ dimension: 'country', ...c })),
      ...summary.byDesign.map((c) => ({ dimension: 'design', ...c })),
      ...summary.byInnovationKind.map((c) => ({ dimension: 'innovationKind', ...c })),
    ];
    return sendCsv(res, 'research-portfolio.csv', toCsv(rows, PORTFOLIO_CSV_COLUMNS));
  }

  @Get('milestones')
  @RequirePermission('records:read')
  @Operation(
    'listResearchMilestones',
    'The milestone calendar by planned date, state and project, with days late (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'A page of milestones by planned date (days late as of today)',
    schema: MilestoneCalendarPageSchema,
    content: { 'text/csv': MilestoneCsvSchema },
    headers: csvHeaders('research-milestones.csv', true),
  })
  milestones(
    @Query() query: MilestoneCalendarQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: MilestoneCalendarEntry[]; nextCursor?: string } | string> {
    const filter: ReadModelFilter = { docType: 'milestone' };
    if (query.from || query.to) {
      filter['plannedOn'] = {
        ...(query.from ? { gte: query.from } : {}),
        ...(query.to ? { lte: query.to } : {}),
      };
    }
    if (query.state) filter['state'] = query.state;
    if (query.projectId) filter['projectId'] = query.projectId;
    const today = todayOf(this.clock);
    return pagedList(this.projections, query, res, {
      projection: RESEARCH_MILESTONES_PROJECTION,
      filter,
      sort: { field: 'plannedOn', direction: 'asc' },
      entryOf: (doc: MilestoneDoc) => calendarEntryOf(doc, today),
      csv: { filename: 'research-milestones.csv', columns: MILESTONE_CSV_COLUMNS },
    });
  }

  @Get('findings')
  @RequirePermission('records:read')
  @Operation(
    'listResearchFindings',
    'The findings library: published findings (null results included) by words, verdict, outcome, theme, country and project (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'A page of published findings, by project title',
    schema: FindingsLibraryPageSchema,
    content: { 'text/csv': FindingCsvSchema },
    headers: csvHeaders('research-findings.csv', true),
  })
  async findings(
    @Query() query: FindingsLibraryQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: FindingsLibraryEntry[]; nextCursor?: string } | string> {
    await waitFor(this.projections, RESEARCH_FINDINGS_PROJECTION, query.minPosition);
    const ids = await postingRestriction(
      this.projections,
      RESEARCH_FINDINGS_PROJECTION,
      query.q,
      query.country,
    );
    const filter: ReadModelFilter = { docType: 'finding' };
    if (ids !== undefined) filter['id'] = { in: ids };
    if (query.verdict) filter['verdict'] = query.verdict;
    if (query.outcome) filter['outcome'] = query.outcome;
    if (query.theme) filter[themeFlag(query.theme)] = true;
    if (query.projectId) filter['projectId'] = query.projectId;
    const { minPosition: _waited, ...rest } = query;
    return pagedList(this.projections, rest, res, {
      projection: RESEARCH_FINDINGS_PROJECTION,
      filter,
      sort: { field: 'sortTitle', direction: 'asc' },
      entryOf: (doc: FindingDoc) => findingEntryOf(doc),
      csv: { filename: 'research-findings.csv', columns: FINDING_CSV_COLUMNS },
    });
  }

  @Get('cost-benefit')
  @RequirePermission('reports:read')
  @Operation(
    'getResearchCostBenefitSummary',
    'Cost-benefit across projects with a recorded analysis: NPV and B/C of each, and by innovation kind the median B/C and NPV total per currency (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'Each project’s analysis, and the summary by innovation kind',
    schema: CostBenefitSummarySchema,
    content: { 'text/csv': CostBenefitCsvSchema },
    headers: csvHeaders('research-cost-benefit.csv', false),
  })
  async costBenefit(
    @Query() query: ViewQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CostBenefitSummary | string> {
    await waitFor(this.projections, RESEARCH_COST_BENEFIT_PROJECTION, query.minPosition);
    const docs = await allOf<CostBenefitDoc>(this.projections, RESEARCH_COST_BENEFIT_PROJECTION, {
      docType: 'analysis',
    });
    const entries = docs.flatMap((d): CostBenefitProjectEntry[] => {
      if (d.docType !== 'analysis') return [];
      const { docType: _type, ...entry } = d;
      return [entry];
    });
    const summary = costBenefitSummaryOf(entries);
    if (query.format !== 'csv') return summary;
    return sendCsv(
      res,
      'research-cost-benefit.csv',
      toCsv(summary.projects, COST_BENEFIT_CSV_COLUMNS),
    );
  }
}
