import { applyDecorators, Controller, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@sfp/auth';
import { COURSE_COMMAND_ALLOWED_FROM, type CourseCommandType } from '@sfp/contracts';
import { commandRouteController, operationIdOf } from '@sfp/service-kit';
import { CourseIdParams, NO_SUCH_COURSE } from '../../http/record-id.params';
import { CourseCommandResultSchema } from './course.answers';
import { Courses, type CourseCommandBody } from './courses';

/** A controller of course commands, at /courses: course owners and operators with `records:write`. */
export function CourseCommandController(): ClassDecorator {
  return applyDecorators(
    ApiTags('training: courses'),
    RequirePermission('records:write'),
    Controller('courses'),
  );
}

/** A command on an existing course, as its use case declares it. */
export interface CourseCommandUseCase<Dto extends object> {
  /** POST /courses/:id/<path> */
  path: string;
  commandType: CourseCommandType;
  summary: string;
  /** What the answer means, for the OpenAPI document. */
  done: string;
  dto?: new () => Dto;
  command(dto: Dto): CourseCommandBody;
}

export function courseCommand<Dto extends object>(
  useCase: CourseCommandUseCase<Dto>,
): CourseCommandUseCase<Dto> {
  return useCase;
}

/** POST /courses/:id/<path>: If-Match, ETag, 404 for an unknown course, 409 by the contracts' table. */
export function courseCommandController<Dto extends object>(
  useCase: CourseCommandUseCase<Dto>,
): Type {
  return commandRouteController({
    controller: CourseCommandController,
    name: `${useCase.commandType}Controller`,
    path: `:id/${useCase.path}`,
    params: CourseIdParams,
    ...(useCase.dto ? { dto: useCase.dto } : {}),
    operationId: operationIdOf(useCase.commandType),
    summary: useCase.summary,
    status: 200,
    answer: {
      description: `${useCase.done}: the course’s new version and the position of the command’s last event`,
      schema: CourseCommandResultSchema,
    },
    refuses: { 404: NO_SUCH_COURSE, 409: courseConflictOf(useCase.commandType) },
    service: Courses,
    run: (courses, { id }, context, body) => courses.run(id, useCase.command(body), context),
  });
}

/** When a course command is a 409, by the contracts' table. */
export function courseConflictOf(command: CourseCommandType): string {
  return (
    `The course’s status does not allow it (code ILLEGAL_TRANSITION; allowed only when ${COURSE_COMMAND_ALLOWED_FROM[command].join(', ')})` +
    ', or If-Match is stale: the course changed since you read it (code WRONG_EXPECTED_VERSION)'
  );
}
