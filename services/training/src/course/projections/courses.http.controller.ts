import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import { EVENT_STORE, etagOf, PROJECTION_ENGINE } from '@sfp/service-kit';
import type { CourseDetail, CourseEntry } from '@sfp/contracts';
import { courseStreamId } from '../../training.context';
import { CourseIdParams, NO_SUCH_COURSE } from '../../http/record-id.params';
import { pagedList } from '@sfp/service-kit';
import { COURSE_CATALOGUE_PROJECTION } from './course-catalogue.projection';
import {
  courseCatalogueFilter,
  CourseCatalogueQueryDto,
  courseSortOf,
} from './course-catalogue.query.dto';
import { withoutFlags, type CourseCatalogueDocument } from './course-entry';
import { buildCourseDetail } from './course-detail.view';
import {
  COURSE_CSV_COLUMNS,
  COURSE_CSV_HEADERS,
  CourseCsvSchema,
  CourseDetailSchema,
  CoursePageSchema,
} from './course.schemas';

const ETAG = {
  ETag: {
    description: 'The course’s version (e.g. "3"), to send as If-Match with its next command',
  },
} as const;

@ApiTags('training: courses')
@RequirePermission('records:read')
@Controller('courses')
export class CoursesQueryController {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /** The catalogue, filtered, sorted and paged; `format=csv` exports the page. */
  @Get()
  @Operation(
    'listCourses',
    'The course catalogue, filtered by kind, status, theme, priority area, audience and language (as CSV with format=csv).',
  )
  @Answers(200, {
    description:
      'A page of courses, each its current revision in brief, and the next page’s cursor',
    schema: CoursePageSchema,
    content: { 'text/csv': CourseCsvSchema },
    headers: COURSE_CSV_HEADERS,
  })
  list(
    @Query() query: CourseCatalogueQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: CourseEntry[]; nextCursor?: string } | string> {
    return pagedList(this.projections, query, res, {
      projection: COURSE_CATALOGUE_PROJECTION,
      filter: courseCatalogueFilter(query),
      sort: courseSortOf(query.sort),
      entryOf: (doc: CourseCatalogueDocument) => withoutFlags(doc),
      csv: { filename: 'training-courses.csv', columns: COURSE_CSV_COLUMNS },
    });
  }

  /** Read from the course's own stream: always current, with every revision. */
  @Get(':id')
  @Operation(
    'getCourse',
    'Read a course: where it stands, its current definition and every revision.',
  )
  @Answers(200, {
    description: 'The course, its current definition and its revisions (always current)',
    schema: CourseDetailSchema,
    headers: ETAG,
  })
  @Refuses({ 404: NO_SUCH_COURSE })
  async detail(
    @Param() { id }: CourseIdParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CourseDetail> {
    const detail = buildCourseDetail(await this.events.readStream(courseStreamId(id)));
    if (!detail) {
      throw new NotFoundException({
        statusCode: 404,
        code: 'COURSE_NOT_FOUND',
        message: `Course ${id} does not exist`,
      });
    }
    res.setHeader('ETag', etagOf(detail.streamVersion));
    return detail;
  }
}
