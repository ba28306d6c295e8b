import {
  applyDecorators,
  Body,
  Controller,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  type Type,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import {
  ServiceRequests,
  type ServiceRequestCommandBody,
  type ServiceRequestCommandResult,
} from './service-requests';

/** The id of a request in a route (a version 4 UUID, else 400). */
export const REQUEST_ID = new ParseUUIDPipe({ version: '4' });

/**
 * A controller of service request commands, at /service-requests: operators
 * and departments with `records:write`; each answers with the new version
 * (ETag) and the position of its last event.
 */
export function ServiceRequestCommandController(): ClassDecorator {
  return applyDecorators(
    ApiTags('help-desk: service requests'),
    ApiBadRequestResponse({ description: 'Invalid input, with a message per field' }),
    RequirePermission('records:write'),
    Controller('service-requests'),
  );
}

/** A command on an existing request, as its use case declares it. */
export interface RequestCommandUseCase<Dto extends object> {
  /** POST /service-requests/:id/<action> (the action of @sfp/contracts' REQUEST_COMMAND_ACTIONS). */
  action: string;
  /** What the answer means, for the OpenAPI document. */
  done: string;
  /** The validated body (none: the command takes no input). */
  dto?: new () => Dto;
  /** 201 when the command adds something to the request (a comment); 200 otherwise. */
  status?: 200 | 201;
  /** The domain command of a validated body. */
  command(dto: Dto): ServiceRequestCommandBody;
}

/** Declares a use case (typed by its DTO). */
export function requestCommand<Dto extends object>(
  useCase: RequestCommandUseCase<Dto>,
): RequestCommandUseCase<Dto> {
  return useCase;
}

/**
 * The route of a use case on an existing request: POST /service-requests/:id/<action>,
 * If-Match honoured (a stale one is a 409), the new version as ETag, 404 for
 * an unknown request. The body is validated as the use case's DTO.
 */
export function requestCommandController<Dto extends object>(
  useCase: RequestCommandUseCase<Dto>,
): Type {
  const status = useCase.status ?? 200;
  const route = applyDecorators(
    Post(`:id/${useCase.action}`),
    HttpCode(status),
    status === 201
      ? ApiCreatedResponse({ description: useCase.done })
      : ApiOkResponse({ description: useCase.done }),
    ApiNotFoundResponse({ description: 'No such request (or another department’s)' }),
    VersionedCommandRoute(),
  );
  @ServiceRequestCommandController()
  class RequestCommandController {
    constructor(readonly requests: ServiceRequests) {}

    run(id: string, context: CommandContext, body?: Dto): Promise<ServiceRequestCommandResult> {
      return this.requests.run(id, useCase.command(body as Dto), context);
    }
  }
  // Decorated here rather than in the class: the body parameter exists only
  // when the use case has a DTO, and its class (which a generic parameter
  // erases) is what the validation pipe and the OpenAPI document read.
  const prototype = RequestCommandController.prototype;
  Param('id', REQUEST_ID)(prototype, 'run', 0);
  HttpCommandContext()(prototype, 'run', 1);
  if (useCase.dto) Body()(prototype, 'run', 2);
  Reflect.defineMetadata(
    'design:paramtypes',
    useCase.dto ? [String, Object, useCase.dto] : [String, Object],
    prototype,
    'run',
  );
  route(prototype, 'run', Object.getOwnPropertyDescriptor(prototype, 'run') as PropertyDescriptor);
  const name = useCase.action.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  Object.defineProperty(RequestCommandController, 'name', { value: `${name}RequestController` });
  return RequestCommandController;
}
