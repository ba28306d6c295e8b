import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import type { ResearchProjectDetail, ResearchProjectListEntry } from '@sfp/contracts';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import {
  CLOCK,
  CsvFile,
  csvHeadersOf,
  ETAG_HEADER,
  etagOf,
  pagedList,
  PROJECTION_ENGINE,
  type Clock,
  type CsvColumn,
} from '@sfp/service-kit';
import { ViewQueryDto } from '@sfp/service-kit/query-fields';
import {
  NO_SUCH_RESEARCH_PROJECT,
  ResearchProjectIdParams,
} from '../application/research-project.params';
import { RESEARCH_PROJECTS_PROJECTION, type ProjectDoc } from './research-projects.projection';
import { deficitFlag, themeFlag } from './research-project.document';
import { ResearchProjectListQueryDto } from './research-queries.dto';
import { postingRestriction, todayOf, waitFor } from './research-read';
import { detailAsOf } from './research-reports';
import { ResearchProjectDetailSchema, ResearchProjectPageSchema } from './research-project.schemas';

export const RESEARCH_PROJECT_CSV_COLUMNS: CsvColumn<ResearchProjectListEntry>[] = [
  { header: 'projectId', value: (p) => p.projectId },
  { header: 'title', value: (p) => p.title },
  { header: 'status', value: (p) => p.status },
  { header: 'phase', value: (p) => p.phase },
  { header: 'innovationKind', value: (p) => p.innovationKind },
  { header: 'themes', value: (p) => p.themes },
  { header: 'deficits', value: (p) => p.deficits },
  { header: 'countries', value: (p) => p.countries },
  { header: 'design', value: (p) => p.design },
  { header: 'plannedStart', value: (p) => p.plannedStart },
  { header: 'plannedEnd', value: (p) => p.plannedEnd },
  { header: 'slippingMilestones', value: (p) => p.slippingMilestones },
  { header: 'publicationVersion', value: (p) => p.publicationVersion },
];

/** The list entry of a project document, without its flags, postings and detail. */
export function projectEntryOf(doc: ProjectDoc): ResearchProjectListEntry {
  return {
    projectId: doc.projectId,
    title: doc.title,
    status: doc.status,
    phase: doc.phase,
    innovationKind: doc.innovationKind,
    themes: doc.themes,
    deficits: doc.deficits,
    countries: doc.countries,
    design: doc.design,
    partnerInstitutionIds: doc.partnerInstitutionIds,
    plannedStart: doc.plannedStart,
    plannedEnd: doc.plannedEnd,
    slippingMilestones: doc.slippingMilestones,
    ...(doc.publicationVersion !== undefined ? { publicationVersion: doc.publicationVersion } : {}),
    proposedAt: doc.proposedAt,
    updatedAt: doc.updatedAt,
  };
}

/** The read-model filter of a list query, with the ids its words and country allow. */
export function projectListFilter(
  query: ResearchProjectListQueryDto,
  ids: string[] | undefined,
): ReadModelFilter {
  const filter: ReadModelFilter = { docType: 'project' };
  if (ids !== undefined) filter['id'] = { in: ids };
  if (query.status?.length) filter['status'] = { in: query.status };
  if (query.theme) filter[themeFlag(query.theme)] = true;
  if (query.deficit) filter[deficitFlag(query.deficit)] = true;
  if (query.design) filter['design'] = query.design;
  if (query.innovationKind) filter['innovationKind'] = query.innovationKind;
  return filter;
}

@ApiTags('innovation research: projects')
@RequirePermission('records:read')
@Controller('projects')
export class ResearchProjectsQueryController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Operation(
    'listResearchProjects',
    'The research portfolio, by status, theme, deficit, country, design, innovation kind and title words, sorted by title (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'A page of projects and the next page’s cursor',
    schema: ResearchProjectPageSchema,
    content: {
      'text/csv': CsvFile(
        `CSV with the header line ${RESEARCH_PROJECT_CSV_COLUMNS.map((c) => c.header).join(',')}, then one line per project`,
      ),
    },
    headers: csvHeadersOf('research-projects.csv', { paged: true }),
  })
  async list(
    @Query() query: ResearchProjectListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: ResearchProjectListEntry[]; nextCursor?: string } | string> {
    await waitFor(this.projections, RESEARCH_PROJECTS_PROJECTION, query.minPosition);
    const ids = await postingRestriction(
      this.projections,
      RESEARCH_PROJECTS_PROJECTION,
      query.q,
      query.country,
    );
    const { minPosition: _waited, ...rest } = query;
    return pagedList(this.projections, rest, res, {
      projection: RESEARCH_PROJECTS_PROJECTION,
      filter: projectListFilter(query, ids),
      sort: { field: 'sortTitle', direction: 'asc' },
      entryOf: (doc: ProjectDoc) => projectEntryOf(doc),
      csv: { filename: 'research-projects.csv', columns: RESEARCH_PROJECT_CSV_COLUMNS },
    });
  }

  @Get(':id')
  @Operation(
    'getResearchProject',
    'Read a research project: definition, status and phase, timeline, milestones with days late, survey rounds, hypotheses with findings, cost-benefit, recommendations and publications.',
  )
  @Answers(200, {
    description: 'The whole project (days late as of today); its version in the ETag',
    schema: ResearchProjectDetailSchema,
    headers: ETAG_HEADER,
  })
  @Refuses({ 404: NO_SUCH_RESEARCH_PROJECT })
  async detail(
    @Param() { id }: ResearchProjectIdParams,
    @Query() query: ViewQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResearchProjectDetail> {
    await waitFor(this.projections, RESEARCH_PROJECTS_PROJECTION, query.minPosition);
    const doc = (await this.projections
      .readModel<ProjectDoc>(RESEARCH_PROJECTS_PROJECTION)
      .get(id)) as ProjectDoc | undefined;
    if (!doc || doc.docType !== 'project') {
      throw new NotFoundException({
        statusCode: 404,
        code: 'RESEARCH_PROJECT_NOT_FOUND',
        message: `Research project ${id} does not exist`,
      });
    }
    res.setHeader('ETag', etagOf(doc.detail.version));
    return detailAsOf(doc.detail, todayOf(this.clock));
  }
}
