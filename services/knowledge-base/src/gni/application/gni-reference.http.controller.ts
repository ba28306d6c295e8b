import { Body, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsInt,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { KnowledgeBaseController, ExportableView } from '../../shared/http/routes';
import type { Response } from 'express';
import { RequirePermission } from '@sfp/auth';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import { Answers, Operation, PROJECTION_ENGINE, toCsv } from '@sfp/service-kit';
import { CommandCall, dispatch, type HttpCall } from '../../http/command-dispatch';
import { plain } from '../../http/plain-json';
import { fieldColumns, sendCsv } from '../../http/csv-response';
import { findAll, readYourWrites } from '../../http/read-your-writes';
import { CountryCode, FiniteNumber, Text } from '../../shared/http/dto-fields';
import { ViewQueryDto } from '../../shared/http/view-query.dto';
import { CommandResultSchema } from '../../shared/http/command-answers.schema';
import { CsvFile, csvHeadersOf, ETAG_HEADER } from '../../shared/http/schema-helpers';
import { GniTableSchema, type GniTable } from './gni-table.schema';
import { GNI_TABLE_PROJECTION, type GniRow } from '../projections/gni-table.projection';
import { RecordGniCommand } from './record-gni/record-gni.command';

export class GniEntryDto {
  @CountryCode('KE')
  country!: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1960)
  @Max(2100)
  year!: number;

  @FiniteNumber({ example: 2_170, description: 'GNI per capita, current USD (Atlas method)' })
  @Min(1)
  @Max(1_000_000)
  usd!: number;
}

/** What an entry must not repeat: its country and year (anything else as it is, for the other rules to refuse). */
function countryYearOf(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null) return entry;
  const { country, year } = entry as Partial<GniEntryDto>;
  return JSON.stringify([country, year]);
}

export class RecordGniDto {
  @ApiProperty({
    type: [GniEntryDto],
    description:
      'At most one entry per country and year, and 2 000 entries a call (a larger table in several calls: the body stays within its size limit)',
  })
  @ValidateNested({ each: true })
  @Type(() => GniEntryDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(2_000)
  @ArrayUnique((entry: unknown) => countryYearOf(entry), {
    message: 'entries must not give a country and year twice',
  })
  entries!: GniEntryDto[];

  @Text({ min: 1, max: 300 }, { example: 'World Bank WDI NY.GNP.PCAP.CD, July 2026 release' })
  source!: string;
}

export class GniQueryDto extends ViewQueryDto {
  @CountryCode('KE', { optional: true })
  country?: string;
}

const COLUMNS = fieldColumns<GniRow>('country', 'year', 'usd', 'source', 'recordedAt');

/** The GNI per capita reference table (depth of outreach): loadable and updatable; later reports use it. */
@KnowledgeBaseController('reference data', 'reference/gni-per-capita')
export class GniReferenceController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
  ) {}

  /** Adds or replaces entries; reports filed or restated afterwards use them. */
  @Operation(
    'recordGniPerCapita',
    'Add or replace GNI per capita values (reports filed or restated afterwards use them).',
  )
  @Answers(200, {
    description:
      'Recorded (changed: false when every value was already so); ETag = the table’s new version',
    schema: CommandResultSchema,
    headers: ETAG_HEADER,
  })
  @Post()
  @HttpCode(200)
  @RequirePermission('records:write')
  record(@Body() dto: RecordGniDto, @CommandCall({ ifMatch: false }) call: HttpCall) {
    const { entries, source } = plain(dto);
    return dispatch(
      this.commandBus,
      call,
      (context) => new RecordGniCommand({ type: 'RecordGniPerCapita', entries, source }, context),
    );
  }

  @Operation('getGniPerCapitaTable', 'The GNI per capita reference table, by country and year.')
  @Answers(200, {
    description: 'The values by country, then year (format=csv: one line per value)',
    schema: GniTableSchema,
    content: { 'text/csv': CsvFile('One line per country and year, with a header line') },
    headers: csvHeadersOf('gni-per-capita.csv'),
  })
  @ExportableView()
  async table(
    @Query() query: GniQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GniTable | string> {
    await readYourWrites(this.projections, query.minPosition, GNI_TABLE_PROJECTION);
    const filter: ReadModelFilter = query.country ? { country: query.country } : {};
    const rows = (await findAll<GniRow>(this.projections, GNI_TABLE_PROJECTION, filter)).sort(
      (a, b) => a.country.localeCompare(b.country) || a.year - b.year,
    );
    if (query.format === 'csv') return sendCsv(res, 'gni-per-capita.csv', toCsv(rows, COLUMNS));
    return { items: rows };
  }
}
