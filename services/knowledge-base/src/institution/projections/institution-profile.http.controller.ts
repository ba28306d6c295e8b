import { Inject, Param, Query, Req, Res } from '@nestjs/common';
import { KnowledgeBaseController, ExportableView } from '../../shared/http/routes';
import type { Request, Response } from 'express';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import {
  Answers,
  EVENT_STORE,
  Operation,
  PROJECTION_ENGINE,
  Refuses,
  toCsv,
  type CsvColumn,
} from '@sfp/service-kit';
import { fieldColumns, sendCsv } from '../../http/csv-response';
import { answerPage } from '../../http/paged-view';
import { findAll, readYourWrites } from '../../http/read-your-writes';
import { assertVisible, callerOf } from '../../http/request-principal';
import { RATIO_KEYS } from '../../performance-report/domain/standard-ratios';
import {
  PERFORMANCE_REPORTS_PROJECTION,
  type ReportRow,
} from '../../performance-report/projections/performance-reports.projection';
import { readYourTargetStatuses } from '../../target/projections/target-statuses.read-your-writes';
import { InstitutionNotFoundError } from '../domain/institution.errors';
import {
  INSTITUTION_PROFILES_PROJECTION,
  type InstitutionProfile,
  type SeriesPoint,
} from './institution-profile.projection';
import { CsvFile, csvHeadersOf } from '../../shared/http/schema-helpers';
import { ViewQueryDto } from '../../shared/http/view-query.dto';
import { InstitutionIdParams } from '../application/institution.request.dto';
import { InstitutionListQueryDto } from './institution-profile.query.dto';
import {
  InstitutionIrisSchema,
  InstitutionListPageSchema,
  InstitutionProfileAnswerSchema,
  type InstitutionIris,
  type InstitutionListItem,
  type InstitutionProfileAnswer,
} from './institution-views.schema';
import { irisValues, type IrisValue } from './iris-export';

const NOT_FOUND =
  'No institution with this id (or the view has not applied it yet: pass minPosition); for an integration client, also one of another department, answered as an unknown id';

const LIST_COLUMNS = fieldColumns<InstitutionProfile>(
  'institutionId',
  'name',
  'status',
  'kind',
  'legalType',
  'country',
  'region',
  'programmes',
  'reportingDepartment',
  'reports',
  'latestPeriodEnd',
  'targetsOffTrack',
  'registeredAt',
);

const SERIES_COLUMNS: CsvColumn<SeriesPoint>[] = [
  ...fieldColumns<SeriesPoint>('reportId'),
  { header: 'periodStart', value: (p) => p.period.start },
  { header: 'periodEnd', value: (p) => p.period.end },
  ...fieldColumns<SeriesPoint>('year', 'version', 'currency'),
  ...RATIO_KEYS.map((key) => ({ header: key, value: (p: SeriesPoint) => p.ratios[key].value })),
];

const IRIS_COLUMNS = fieldColumns<IrisValue>(
  'irisId',
  'metric',
  'reportId',
  'periodStart',
  'periodEnd',
  'value',
  'unit',
  'currency',
  'reason',
);

@KnowledgeBaseController('institutions', 'institutions')
export class InstitutionProfileController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
  ) {}

  /** Institutions with their status, latest ratios and targets off track, filtered and paged (a view: reports:read). */
  @Operation(
    'listInstitutions',
    'Institutions with their status, latest ratios and targets off track, filtered and paged.',
  )
  @Answers(200, {
    description: 'A page of institutions (format=csv: the page as a CSV file)',
    schema: InstitutionListPageSchema,
    content: { 'text/csv': CsvFile('One line per institution, with a header line') },
    headers: csvHeadersOf('institutions.csv', { paged: true }),
  })
  @ExportableView()
  async list(
    @Query() query: InstitutionListQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const profiles = await this.profilesShowing(query.minPosition);
    const caller = callerOf(req);
    const filter: ReadModelFilter = {};
    if (query.status?.length) filter['status'] = { in: query.status };
    if (query.region?.length) filter['region'] = { in: query.region };
    if (query.legalType?.length) filter['legalType'] = { in: query.legalType };
    if (query.kind?.length) filter['kind'] = { in: query.kind };
    if (query.country) filter['country'] = query.country;
    if (caller.scope !== undefined) filter['reportingDepartment'] = caller.scope;
    const ids = await this.reportingIn(query);
    if (ids) filter['id'] = { in: ids };
    const sort = query.sort ?? 'name';
    return answerPage(
      profiles,
      query,
      res,
      {
        filter,
        sort: { field: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'desc' : 'asc' },
      },
      { file: 'institutions.csv', columns: LIST_COLUMNS },
      (doc): InstitutionListItem => {
        const { series, ...rest } = doc.data;
        const latest = series.at(-1);
        return { ...rest, ...(latest ? { latest } : {}), position: doc.position };
      },
    );
  }

  /**
   * The institutions asked for (`id`), narrowed to those with a report whose
   * period ends between reportedFrom and reportedTo (the institutions behind
   * a period's figures); undefined when neither narrows the list.
   */
  private async reportingIn(query: InstitutionListQueryDto): Promise<string[] | undefined> {
    if (!query.reportedFrom && !query.reportedTo) return query.id;
    const periodEnd: Record<string, string> = {};
    if (query.reportedFrom) periodEnd['gte'] = query.reportedFrom;
    if (query.reportedTo) periodEnd['lte'] = query.reportedTo;
    const reports = await findAll<ReportRow>(this.projections, PERFORMANCE_REPORTS_PROJECTION, {
      periodEnd,
    });
    const reporting = new Set(reports.map((r) => r.institutionId));
    return (query.id ?? [...reporting]).filter((id) => reporting.has(id));
  }

  /** The institution's profile: identity, status, the time series of its ratios (CSV: the series), its targets. */
  @Operation(
    'getInstitutionProfile',
    'An institution’s profile: identity, status, the time series of its ratios, its targets.',
  )
  @Answers(200, {
    description:
      'Profile with the ratio time series (each report at its current version) and target status (format=csv: the series)',
    schema: InstitutionProfileAnswerSchema,
    content: { 'text/csv': CsvFile('One line per report of the series, with a header line') },
    headers: csvHeadersOf('institution-{id}-ratios.csv'),
  })
  @Refuses({ 404: NOT_FOUND })
  @ExportableView(':id/profile')
  async profile(
    @Param() { id }: InstitutionIdParams,
    @Query() query: ViewQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InstitutionProfileAnswer | string> {
    const profiles = await this.profilesShowing(query.minPosition);
    const doc = await profiles.getDocument(id);
    if (!doc) throw new InstitutionNotFoundError(id);
    assertVisible(
      callerOf(req),
      doc.data.reportingDepartment,
      () => new InstitutionNotFoundError(id),
    );
    if (query.format === 'csv')
      return sendCsv(res, `institution-${id}-ratios.csv`, toCsv(doc.data.series, SERIES_COLUMNS));
    return { ...doc.data, position: doc.position };
  }

  /** The institution's indicators with their IRIS+ metric ids, one entry per report and metric. */
  @Operation(
    'getInstitutionIris',
    'An institution’s indicators with their IRIS+ metric ids, one per report and metric.',
  )
  @Answers(200, {
    description: 'The IRIS+ values of every report, oldest first (format=csv: one line per value)',
    schema: InstitutionIrisSchema,
    content: { 'text/csv': CsvFile('One line per value, with a header line') },
    headers: csvHeadersOf('institution-{id}-iris.csv'),
  })
  @Refuses({ 404: NOT_FOUND })
  @ExportableView(':id/iris')
  async iris(
    @Param() { id }: InstitutionIdParams,
    @Query() query: ViewQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InstitutionIris | string> {
    await readYourWrites(
      this.projections,
      query.minPosition,
      PERFORMANCE_REPORTS_PROJECTION,
      INSTITUTION_PROFILES_PROJECTION,
    );
    const profile = await this.projections
      .readModel<InstitutionProfile>(INSTITUTION_PROFILES_PROJECTION)
      .get(id);
    if (!profile) throw new InstitutionNotFoundError(id);
    assertVisible(
      callerOf(req),
      profile.reportingDepartment,
      () => new InstitutionNotFoundError(id),
    );
    const reports = await findAll<ReportRow>(this.projections, PERFORMANCE_REPORTS_PROJECTION, {
      institutionId: id,
    });
    reports.sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
    const values = reports.flatMap(irisValues);
    if (query.format === 'csv')
      return sendCsv(res, `institution-${id}-iris.csv`, toCsv(values, IRIS_COLUMNS));
    return { institutionId: id, name: profile.name, country: profile.country, values };
  }

  /** The profiles, once they show `minPosition` and the target statuses recorded in reaction to it. */
  private async profilesShowing(minPosition: number | undefined) {
    await readYourTargetStatuses(
      this.projections,
      this.events,
      minPosition,
      INSTITUTION_PROFILES_PROJECTION,
    );
    return this.projections.readModel<InstitutionProfile>(INSTITUTION_PROFILES_PROJECTION);
  }
}
