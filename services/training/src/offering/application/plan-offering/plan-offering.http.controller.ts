import { randomUUID } from 'node:crypto';
import { Body, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Answers, Operation, Refuses } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { CreatingCommandRoute, HttpCommandContext } from '@sfp/service-kit';
import { Courses } from '../../../course/application/courses';
import { CourseNotFoundError } from '../../../course/domain/course.errors';
import { ETAG_HEADER } from '@sfp/service-kit';
import type { PlannedCourse } from '../../domain/offering.commands';
import { plannedCourseOf } from '../../domain/planned-course';
import { OfferingCommandResultSchema } from '../offering.answers';
import { OfferingCommandController } from '../offering.command-routes';
import { Offerings, type OfferingCommandResult } from '../offerings';
import { offeringPlanOf } from './plan-offering.command';
import { PlanOfferingDto } from './plan-offering.request.dto';

/** POST /offerings: an offering of a published course, planned with its current revision. */
@OfferingCommandController()
export class PlanOfferingController {
  constructor(
    private readonly offerings: Offerings,
    private readonly courses: Courses,
  ) {}

  @Post()
  @Operation(
    'planOffering',
    'Plan an offering of a published course: where, when, for how many, by whom and who pays.',
  )
  @Answers(201, {
    description: 'Planned: the new offering’s id, version and the position of its event',
    schema: OfferingCommandResultSchema,
    headers: {
      Location: { description: 'The new offering: /api/training/offerings/{offeringId}' },
      ...ETAG_HEADER,
    },
  })
  @Refuses({
    404: 'No such course (code COURSE_NOT_FOUND)',
    409: 'The course is not published (code COURSE_NOT_PUBLISHED)',
  })
  @CreatingCommandRoute()
  async plan(
    @Body() dto: PlanOfferingDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OfferingCommandResult> {
    const offeringId = randomUUID();
    const plan = offeringPlanOf(dto.plan);
    const result = await this.offerings.run(
      offeringId,
      // The course as it stands when the offering is decided (read again on a retry).
      async () => ({
        type: 'PlanOffering',
        offeringId,
        course: await this.plannedCourse(dto.courseId),
        plan,
      }),
      context,
    );
    res.setHeader('Location', `${req.baseUrl}${req.path}/${offeringId}`.replace(/\/+/g, '/'));
    return result;
  }

  /** What the offering takes from the course as it stands (its current revision). */
  private async plannedCourse(courseId: string): Promise<PlannedCourse> {
    const course = await this.courses.load(courseId);
    if (course.status === 'none') throw new CourseNotFoundError(courseId);
    return plannedCourseOf(course);
  }
}
