import { applyDecorators, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import { RequirePermission } from '@sfp/auth';

/** A controller of the knowledge base: its routes below `path`, under the tag `knowledge-base: <area>`. */
export function KnowledgeBaseController(area: string, path?: string): ClassDecorator {
  return applyDecorators(
    ApiTags(`knowledge-base: ${area}`),
    path === undefined ? Controller() : Controller(path),
  );
}

/** A controller of the knowledge base that takes commands: invalid input is a 400 with a message per field. */
export function CommandsController(area: string, path?: string): ClassDecorator {
  return applyDecorators(
    KnowledgeBaseController(area, path),
    ApiBadRequestResponse({ description: 'Invalid input, with a message per field' }),
  );
}

/**
 * A command that creates a record: POST (to the controller's path, or `path` below it),
 * records:write, 201 (Location and ETag of the new record).
 */
export function CreatesRecord(
  ...route: [created?: ApiResponseOptions] | [path: string, created?: ApiResponseOptions]
): MethodDecorator {
  const [path, created] =
    typeof route[0] === 'string'
      ? [route[0], route[1] as ApiResponseOptions | undefined]
      : [undefined, route[0]];
  return applyDecorators(
    Post(path),
    RequirePermission('records:write'),
    ApiCreatedResponse(created),
  );
}

/**
 * A command on a record that exists: POST `path`, 200, records:write. It takes an
 * optional If-Match (`ifMatch` describes it), or, with `ifMatch: false`, none.
 */
export function CommandOnRecord(
  path: string,
  { ifMatch }: { ifMatch?: string | false } = {},
): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    RequirePermission('records:write'),
    ...(ifMatch === false
      ? []
      : [
          ApiHeader({
            name: 'If-Match',
            required: false,
            ...(ifMatch ? { description: ifMatch } : {}),
          }),
        ]),
  );
}

/** A record read from its own stream: GET `path`, records:read, 404 where there is none. */
export function RecordDetail(path: string, found?: ApiResponseOptions): MethodDecorator {
  return applyDecorators(
    Get(path),
    RequirePermission('records:read'),
    ...(found ? [ApiOkResponse(found)] : []),
    ApiNotFoundResponse(),
  );
}

/** A view of the read models: GET `path`, reports:read, as JSON or (`format=csv`) CSV. */
export function ExportableView(path?: string, answer?: ApiResponseOptions): MethodDecorator {
  return applyDecorators(
    Get(path),
    RequirePermission('reports:read'),
    ApiProduces('application/json', 'text/csv'),
    ...(answer ? [ApiOkResponse(answer)] : []),
  );
}
