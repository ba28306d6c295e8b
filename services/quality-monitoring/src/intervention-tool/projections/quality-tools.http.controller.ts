import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import type { InterventionTool, QualityPartnerView } from '@sfp/contracts';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import { pagedList, PROJECTION_ENGINE, waitForMinPosition } from '@sfp/service-kit';
import { ViewQueryDto } from '@sfp/service-kit/query-fields';
import {
  NO_SUCH_PARTNER,
  PartnerIdParams,
  ToolListQueryDto,
} from '../../proposal/projections/quality-queries.dto';
import { QualityPartnerSchema } from '../../proposal/projections/quality-proposal.schemas';
import {
  csvHeaders,
  InterventionToolPageSchema,
  TOOL_CSV_COLUMNS,
  ToolCsvSchema,
} from '../../proposal/projections/quality-reports.schemas';
import { QUALITY_PARTNER_RATIOS_PROJECTION } from './quality-partner-ratios.projection';
import { QUALITY_TOOLS_PROJECTION, type ToolDoc } from './quality-tools.projection';

/** A tool document without its sort field. */
export function toolOf(doc: ToolDoc): InterventionTool {
  const { sortTitle: _sort, ...tool } = doc;
  return tool;
}

@ApiTags('quality monitoring: tools and partners')
@RequirePermission('records:read')
@Controller()
export class QualityToolsQueryController {
  constructor(@Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine) {}

  @Get('tools')
  @Operation(
    'listQualityInterventionTools',
    'The other contexts’ intervention tools quality monitoring knows from their public events (courses, programmes, research projects, practice notes, impact assessments) by kind, owner and whether active, sorted by title (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'A page of tools and the next page’s cursor',
    schema: InterventionToolPageSchema,
    content: { 'text/csv': ToolCsvSchema },
    headers: csvHeaders('quality-tools.csv', true),
  })
  tools(
    @Query() query: ToolListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: InterventionTool[]; nextCursor?: string } | string> {
    const filter: ReadModelFilter = {};
    if (query.kind) filter['kind'] = query.kind;
    if (query.context) filter['context'] = query.context;
    if (query.active) filter['active'] = query.active === 'true';
    return pagedList(this.projections, query, res, {
      projection: QUALITY_TOOLS_PROJECTION,
      filter,
      sort: { field: 'sortTitle', direction: 'asc' },
      entryOf: toolOf,
      csv: { filename: 'quality-tools.csv', columns: TOOL_CSV_COLUMNS },
    });
  }

  @Get('partners/:institutionId')
  @Operation(
    'getQualityPartner',
    'A partner institution as quality monitoring knows it from the knowledge base’s events: name, country, status and its latest ratios (PAR30, OSS, operating expense ratio, the report and its date).',
  )
  @Answers(200, {
    description: 'The institution and its latest ratios',
    schema: QualityPartnerSchema,
  })
  @Refuses({ 404: NO_SUCH_PARTNER })
  async partner(
    @Param() { institutionId }: PartnerIdParams,
    @Query() query: ViewQueryDto,
  ): Promise<QualityPartnerView> {
    await waitForMinPosition(
      this.projections,
      QUALITY_PARTNER_RATIOS_PROJECTION,
      query.minPosition,
    );
    const partner = await this.projections
      .readModel<QualityPartnerView>(QUALITY_PARTNER_RATIOS_PROJECTION)
      .get(institutionId);
    if (!partner) {
      throw new NotFoundException({
        statusCode: 404,
        code: 'PARTNER_NOT_FOUND',
        message: `No institution ${institutionId} is known to quality monitoring`,
      });
    }
    return partner;
  }
}
