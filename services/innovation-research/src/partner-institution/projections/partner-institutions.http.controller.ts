import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import type { PartnerInstitutionEntry } from '@sfp/contracts';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import {
  CsvFile,
  csvHeadersOf,
  IsoDateTime,
  MIN_POSITION_WAIT_MS,
  PageOf,
  pagedList,
  PROJECTION_ENGINE,
  sameShape,
  StringEnum,
  type CsvColumn,
} from '@sfp/service-kit';
import { ViewQueryDto } from '@sfp/service-kit/query-fields';
import {
  RESEARCH_PARTNER_INSTITUTIONS_PROJECTION,
  type PartnerInstitutionDoc,
} from './partner-institutions.projection';
import { PartnerInstitutionListQueryDto } from './partner-institutions.query.dto';

export const PartnerInstitutionEntrySchema = Type.Object(
  {
    institutionId: Type.String(),
    name: Type.Optional(Type.String()),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    status: StringEnum(['registered', 'active', 'suspended', 'closed'] as const),
    updatedAt: IsoDateTime('When the knowledge base last changed it'),
  },
  { title: 'ResearchPartnerInstitution' },
);
sameShape<Static<typeof PartnerInstitutionEntrySchema>, PartnerInstitutionEntry>(true);

const COLUMNS: CsvColumn<PartnerInstitutionEntry>[] = [
  { header: 'institutionId', value: (i) => i.institutionId },
  { header: 'name', value: (i) => i.name },
  { header: 'country', value: (i) => i.country },
  { header: 'status', value: (i) => i.status },
];

const NO_SUCH_INSTITUTION =
  'No institution of that id known to research (code PARTNER_INSTITUTION_NOT_FOUND)';

export class PartnerInstitutionIdParams {
  @ApiProperty({ description: 'The knowledge base’s institution id' })
  @IsString()
  @Length(1, 100)
  id!: string;
}

/** The entry of a document, without its sort key. */
export function partnerEntryOf(doc: PartnerInstitutionDoc): PartnerInstitutionEntry {
  const { sortName: _sort, ...entry } = doc;
  return entry;
}

@ApiTags('innovation research: partner institutions')
@RequirePermission('records:read')
@Controller('partner-institutions')
export class PartnerInstitutionsQueryController {
  constructor(@Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine) {}

  @Get()
  @Operation(
    'listResearchPartnerInstitutions',
    'The knowledge-base institutions research knows, by the start of the name and country (as CSV with format=csv).',
  )
  @Answers(200, {
    description: 'A page of institutions, by name',
    schema: PageOf(PartnerInstitutionEntrySchema, 'ResearchPartnerInstitutionPage'),
    content: {
      'text/csv': CsvFile(
        `CSV with the header line ${COLUMNS.map((c) => c.header).join(',')}, then one line per institution`,
      ),
    },
    headers: csvHeadersOf('research-partner-institutions.csv', { paged: true }),
  })
  list(
    @Query() query: PartnerInstitutionListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: PartnerInstitutionEntry[]; nextCursor?: string } | string> {
    const filter: ReadModelFilter = {};
    if (query.country) filter['country'] = query.country;
    if (query.q) {
      const prefix = query.q.toLowerCase();
      filter['sortName'] = { gte: prefix, lt: `${prefix}\uffff` };
    }
    return pagedList(this.projections, query, res, {
      projection: RESEARCH_PARTNER_INSTITUTIONS_PROJECTION,
      filter,
      sort: { field: 'sortName', direction: 'asc' },
      entryOf: partnerEntryOf,
      csv: { filename: 'research-partner-institutions.csv', columns: COLUMNS },
    });
  }

  @Get(':id')
  @Operation('getResearchPartnerInstitution', 'Read a knowledge-base institution research knows.')
  @Answers(200, { description: 'The institution', schema: PartnerInstitutionEntrySchema })
  @Refuses({ 404: NO_SUCH_INSTITUTION })
  async detail(
    @Param() { id }: PartnerInstitutionIdParams,
    @Query() query: ViewQueryDto,
  ): Promise<PartnerInstitutionEntry> {
    if (query.minPosition !== undefined) {
      await this.projections.waitForPosition(
        RESEARCH_PARTNER_INSTITUTIONS_PROJECTION,
        query.minPosition,
        MIN_POSITION_WAIT_MS,
      );
    }
    const doc = await this.projections
      .readModel<PartnerInstitutionDoc>(RESEARCH_PARTNER_INSTITUTIONS_PROJECTION)
      .get(id);
    if (!doc) {
      throw new NotFoundException({
        statusCode: 404,
        code: 'PARTNER_INSTITUTION_NOT_FOUND',
        message: `No institution ${id} is known to research`,
      });
    }
    return partnerEntryOf(doc);
  }
}
