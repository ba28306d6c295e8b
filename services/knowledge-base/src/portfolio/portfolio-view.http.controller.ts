import { Inject, Param, Query, Res } from '@nestjs/common';
import { KnowledgeBaseController, ExportableView } from '../shared/http/routes';
import type { Response } from 'express';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import {
  Answers,
  EVENT_STORE,
  Operation,
  PROJECTION_ENGINE,
  toCsv,
  type CsvColumn,
} from '@sfp/service-kit';
import { fieldColumns, sendCsv } from '../http/csv-response';
import { findAll } from '../http/read-your-writes';
import {
  INSTITUTION_PROFILES_PROJECTION,
  type InstitutionProfile,
} from '../institution/projections/institution-profile.projection';
import { ViewQueryDto } from '../shared/http/view-query.dto';
import {
  PROGRAMME_MEMBERS_PROJECTION,
  type ProgrammeMember,
} from '../institution/projections/programme-members.projection';
import { aggregateFigures } from '../performance-report/domain/normalised-figures';
import { RATIO_KEYS, standardRatios } from '../performance-report/domain/standard-ratios';
import {
  PERFORMANCE_REPORTS_PROJECTION,
  type ReportRow,
} from '../performance-report/projections/performance-reports.projection';
import { latestPerInstitutionAndYear } from '../performance-report/projections/outreach-summary';
import { readYourTargetStatuses } from '../target/projections/target-statuses.read-your-writes';
import { TARGETS_PROJECTION, type TargetRow } from '../target/projections/targets.projection';

import { CsvFile, csvHeadersOf } from '../shared/http/schema-helpers';
import { ProgrammeParams } from './portfolio-view.params.dto';
import {
  ProgrammePortfolioSchema,
  type PortfolioMember,
  type ProgrammePortfolio,
} from './portfolio-view.schema';

const COLUMNS: CsvColumn<PortfolioMember>[] = [
  ...fieldColumns<PortfolioMember>(
    'institutionId',
    'name',
    'status',
    'country',
    'region',
    'latestPeriodEnd',
  ),
  ...RATIO_KEYS.map((key) => ({
    header: key,
    value: (m: PortfolioMember) => m.ratios?.[key].value,
  })),
  {
    header: 'targetsOffTrack',
    value: (m) => m.targets.filter((t) => t.active && t.status === 'off-track').length,
  },
];

@KnowledgeBaseController('analysis', 'portfolios')
export class PortfolioViewController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
  ) {}

  /** A programme's institutions with their latest ratios and target status, the programme's own ratios by year and its targets. */
  @Operation(
    'getProgrammePortfolio',
    'A programme’s portfolio: its institutions with their latest ratios and targets, its ratios by year, its own targets.',
  )
  @Answers(200, {
    description:
      'The programme’s portfolio (a programme without institutions has none: empty lists; format=csv: one line per member)',
    schema: ProgrammePortfolioSchema,
    content: { 'text/csv': CsvFile('One line per member institution, with a header line') },
    headers: csvHeadersOf('portfolio-{programme}.csv'),
  })
  @ExportableView(':programme')
  async portfolio(
    @Param() { programme }: ProgrammeParams,
    @Query() query: ViewQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgrammePortfolio | string> {
    await readYourTargetStatuses(
      this.projections,
      this.events,
      query.minPosition,
      PROGRAMME_MEMBERS_PROJECTION,
      INSTITUTION_PROFILES_PROJECTION,
      TARGETS_PROJECTION,
    );
    const memberIds = (
      await findAll<ProgrammeMember>(this.projections, PROGRAMME_MEMBERS_PROJECTION, { programme })
    ).map((m) => m.institutionId);
    const profiles = memberIds.length
      ? await findAll<InstitutionProfile>(this.projections, INSTITUTION_PROFILES_PROJECTION, {
          id: { in: memberIds },
        })
      : [];
    const members: PortfolioMember[] = profiles
      .map((p) => ({
        institutionId: p.institutionId,
        name: p.name,
        status: p.status,
        country: p.country,
        region: p.region,
        ...(p.latestPeriodEnd ? { latestPeriodEnd: p.latestPeriodEnd } : {}),
        ...(p.series.length
          ? { ratios: (p.series[p.series.length - 1] as (typeof p.series)[number]).ratios }
          : {}),
        targets: p.targets,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (query.format === 'csv')
      return sendCsv(res, `portfolio-${programme}.csv`, toCsv(members, COLUMNS));
    const reports = memberIds.length
      ? latestPerInstitutionAndYear(
          await findAll<ReportRow>(this.projections, PERFORMANCE_REPORTS_PROJECTION, {
            institutionId: { in: memberIds },
          }),
        )
      : [];
    const years = [...new Set(reports.map((r) => r.year))].sort();
    const byYear = years.map((year) => {
      const ofYear = reports.filter((r) => r.year === year);
      const total = aggregateFigures(ofYear.map((r) => r.figures));
      return {
        year,
        institutions: ofYear.length,
        ...(total ? { ratios: standardRatios(total) } : {}),
      };
    });
    const targets = await findAll<TargetRow>(this.projections, TARGETS_PROJECTION, {
      scopeKey: `programme:${programme}`,
    });
    return { programme, members, byYear, targets };
  }
}
