import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Operation, RequirePermission } from '@sfp/auth';
import type { ProjectionEngine, ReadModelFilter } from '@sfp/projections';
import { MIN_POSITION_WAIT_MS, PROJECTION_ENGINE, toCsv } from '@sfp/service-kit';
import { sendCsv } from '@sfp/service-kit';
import { OFFERING_CALENDAR_PROJECTION } from '../offering/projections/offering-calendar.projection';
import {
  offeringFilter,
  OfferingSelectionDto,
} from '../offering/projections/offering-calendar.query.dto';
import type { OfferingCalendarDocument } from '../offering/projections/offering-entry';
import type { TrainingStatisticsAnswer } from '@sfp/contracts';
import type { ParticipationDocument } from './participation';
import { PARTICIPATIONS_PROJECTION } from './participations.projection';
import { statisticsRows, trainingStatistics } from './training-statistics';
import {
  STATISTICS_CSV_COLUMNS,
  STATISTICS_CSV_HEADERS,
  StatisticsCsvSchema,
  TrainingStatisticsSchema,
} from './training-statistics.schema';

/** The statistics read at most this many documents of a view (a clear error past it, never a silent cut). */
const STATISTICS_LIMIT = 50_000;

/** The views the statistics read. */
const VIEWS = [PARTICIPATIONS_PROJECTION, OFFERING_CALENDAR_PROJECTION];

@ApiTags('training: statistics')
@Controller('statistics')
export class TrainingStatisticsController {
  constructor(@Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine) {}

  @Get()
  @RequirePermission('reports:read')
  @Operation(
    'getTrainingStatistics',
    'Participants by constituent group, sex, region and year; completion rates; knowledge gain; satisfaction; waitlists (as CSV with format=csv).',
    `Of the offerings the filters select (an offering is in the range from–to when its dates meet it). At most ${STATISTICS_LIMIT} enrolments or offerings: past it, narrow the filter (400 QUERY_TOO_LARGE).`,
  )
  @Answers(200, {
    description: 'Every figure as a number with its n; satisfaction is anonymous',
    schema: TrainingStatisticsSchema,
    content: { 'text/csv': StatisticsCsvSchema },
    headers: STATISTICS_CSV_HEADERS,
  })
  async statistics(
    @Query() query: OfferingSelectionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TrainingStatisticsAnswer | string> {
    if (query.minPosition !== undefined) {
      for (const view of VIEWS) {
        await this.projections.waitForPosition(view, query.minPosition, MIN_POSITION_WAIT_MS);
      }
    }
    const selection = offeringFilter(query);
    const [participations, offerings] = await Promise.all([
      this.findAll<ParticipationDocument>(PARTICIPATIONS_PROJECTION, {
        ...selection,
        record: 'enrolment',
      }),
      this.findAll<OfferingCalendarDocument>(OFFERING_CALENDAR_PROJECTION, {
        ...selection,
        record: 'offering',
      }),
    ]);
    const statistics = trainingStatistics(participations, offerings);
    if (query.format === 'csv') {
      return sendCsv(
        res,
        'training-statistics.csv',
        toCsv(statisticsRows(statistics), STATISTICS_CSV_COLUMNS),
      );
    }
    const positions = await Promise.all(
      VIEWS.map(async (view) => (await this.projections.status(view)).position),
    );
    return { ...statistics, position: Math.min(...positions) };
  }

  /** Every document of a filter, page by page. */
  private async findAll<T extends object>(name: string, filter: ReadModelFilter): Promise<T[]> {
    const model = this.projections.readModel<T>(name);
    const total = await model.count(filter);
    if (total > STATISTICS_LIMIT) {
      throw Object.assign(
        new Error(
          `The statistics cover ${total} records, more than ${STATISTICS_LIMIT}; narrow the filter (from, to, region, courseKind)`,
        ),
        { code: 'QUERY_TOO_LARGE' },
      );
    }
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await model.find({ filter, limit: 1_000, ...(cursor ? { cursor } : {}) });
      items.push(...page.items.map((doc) => doc.data));
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}
