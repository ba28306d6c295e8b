import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Answers,
  departmentScope,
  Operation,
  principalOf,
  Refuses,
  RequirePermission,
} from '@sfp/auth';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import { EVENT_STORE, etagOf, PROJECTION_ENGINE, toCsv } from '@sfp/service-kit';
import { offeringStreamId } from '../../training.context';
import { pagedList } from '@sfp/service-kit';
import { NO_SUCH_OFFERING, OfferingIdParams } from '../../http/record-id.params';
import { sendCsv } from '@sfp/service-kit';
import { OFFERING_CALENDAR_PROJECTION } from './offering-calendar.projection';
import {
  OfferingCalendarQueryDto,
  offeringFilter,
  offeringSortOf,
} from './offering-calendar.query.dto';
import type { OfferingDetail, OfferingEntry } from '@sfp/contracts';
import { buildOfferingDetail } from './offering-detail.view';
import { entryOf, type OfferingCalendarDocument } from './offering-entry';
import {
  OFFERING_CSV_COLUMNS,
  OFFERING_CSV_HEADERS,
  OfferingCsvSchema,
  OfferingDetailSchema,
  OfferingPageSchema,
  ROSTER_CSV_COLUMNS,
  ROSTER_CSV_HEADERS,
  RosterCsvSchema,
  RosterSchema,
  type Roster,
} from './offering.schemas';
import { Format } from '@sfp/service-kit/query-fields';

const ETAG = {
  ETag: {
    description: 'The offering’s version (e.g. "7"), to send as If-Match with its next command',
  },
} as const;

/** The roster's query: JSON or CSV. */
export class RosterQueryDto {
  @Format()
  format?: 'json' | 'csv';
}

@ApiTags('training: offerings')
@RequirePermission('records:read')
@Controller('offerings')
export class OfferingsQueryController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /** The calendar, filtered, sorted by date and paged; `format=csv` exports the page. */
  @Get()
  @Operation(
    'listOfferings',
    'The offering calendar, filtered by region, country, language, course kind, status and dates (as CSV with format=csv).',
    'An offering is in the range from–to when its dates meet it (it ends on or after `from` and starts on or before `to`).',
  )
  @Answers(200, {
    description:
      'A page of offerings, each with its seats taken and waitlist, and the next page’s cursor',
    schema: OfferingPageSchema,
    content: { 'text/csv': OfferingCsvSchema },
    headers: OFFERING_CSV_HEADERS,
  })
  list(
    @Query() query: OfferingCalendarQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: OfferingEntry[]; nextCursor?: string } | string> {
    return pagedList(this.projections, query, res, {
      projection: OFFERING_CALENDAR_PROJECTION,
      filter: { ...offeringFilter(query), record: 'offering' },
      sort: offeringSortOf(query.sort),
      entryOf: (doc: OfferingCalendarDocument) => entryOf(doc),
      csv: { filename: 'training-offerings.csv', columns: OFFERING_CSV_COLUMNS },
    });
  }

  /** Read from the offering's own stream: always current, with its roster. */
  @Get(':id')
  @Operation(
    'getOffering',
    'Read an offering: its plan, where it stands and its roster (enrolments, waitlist, attendance, scores, results, certificates).',
  )
  @Answers(200, {
    description:
      'The offering and its roster (always current); an erased participant’s name and e-mail read "[erased]"',
    schema: OfferingDetailSchema,
    headers: ETAG,
  })
  @Refuses({ 404: NO_SUCH_OFFERING })
  async detail(
    @Param() { id }: OfferingIdParams,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OfferingDetail> {
    const detail = await this.offering(id, req);
    res.setHeader('ETag', etagOf(detail.streamVersion));
    return detail;
  }

  /** The roster alone; `format=csv` exports it. */
  @Get(':id/roster')
  @Operation(
    'getOfferingRoster',
    'The roster of an offering: enrolments with status, participant, attendance, scores, result and certificate; the waitlist in order (as CSV with format=csv).',
  )
  @Answers(200, {
    description:
      'The roster (always current); an erased participant’s name and e-mail read "[erased]"',
    schema: RosterSchema,
    content: { 'text/csv': RosterCsvSchema },
    headers: ROSTER_CSV_HEADERS,
  })
  @Refuses({ 404: NO_SUCH_OFFERING })
  async roster(
    @Param() { id }: OfferingIdParams,
    @Query() query: RosterQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Roster | string> {
    const detail = await this.offering(id, req);
    if (query.format === 'csv') {
      return sendCsv(
        res,
        `training-roster-${id}.csv`,
        toCsv(detail.enrolments, ROSTER_CSV_COLUMNS),
      );
    }
    const { offeringId, streamVersion, sessionDays, enrolments, waitlist } = detail;
    return { offeringId, streamVersion, sessionDays, enrolments, waitlist };
  }

  /** The offering from its stream; to a department's system, with the enrolments its department made. */
  private async offering(id: string, req: Request): Promise<OfferingDetail> {
    const department = departmentScope(principalOf(req));
    const detail = buildOfferingDetail(
      await this.events.readStream(offeringStreamId(id)),
      department === undefined ? {} : { department },
    );
    if (!detail) {
      throw new NotFoundException({
        statusCode: 404,
        code: 'OFFERING_NOT_FOUND',
        message: `Offering ${id} does not exist`,
      });
    }
    return detail;
  }
}
