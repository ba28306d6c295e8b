import { randomUUID } from 'node:crypto';
import { Body, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Answers, Operation } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { CreatingCommandRoute, HttpCommandContext } from '@sfp/service-kit';
import { ETAG_HEADER } from '@sfp/service-kit';
import { CourseCommandResultSchema } from '../course.answers';
import { CourseCommandController } from '../course.command-routes';
import { CourseBodyDto, courseDefinitionOf } from '../course-definition.dto';
import { Courses, type CourseCommandResult } from '../courses';

/** POST /courses: a course owner writes a new course (a draft, revision 1). */
@CourseCommandController()
export class CreateCourseController {
  constructor(private readonly courses: Courses) {}

  @Post()
  @Operation('createCourse', 'Create a course, as a draft at revision 1.')
  @Answers(201, {
    description: 'Created: the new course’s id, version and the position of its event',
    schema: CourseCommandResultSchema,
    headers: {
      Location: { description: 'The new course: /api/training/courses/{courseId}' },
      ...ETAG_HEADER,
    },
  })
  @CreatingCommandRoute()
  async create(
    @Body() dto: CourseBodyDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CourseCommandResult> {
    const courseId = randomUUID();
    const result = await this.courses.run(
      courseId,
      { type: 'CreateCourse', courseId, course: courseDefinitionOf(dto.course) },
      context,
    );
    res.setHeader('Location', `${req.baseUrl}${req.path}/${courseId}`.replace(/\/+/g, '/'));
    return result;
  }
}
