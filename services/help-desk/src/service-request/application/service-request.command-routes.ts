import {
  applyDecorators,
  Body,
  Controller,
  HttpCode,
  Param,
  Post,
  type Type,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import {
  REQUEST_COMMAND_ACTIONS,
  REQUEST_COMMAND_ALLOWED_FROM,
  type RequestAction,
  type RequestCommandType,
} from '@sfp/contracts';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { NO_SUCH_REQUEST, RequestIdParams } from '../../http/request-id.params';
import { ETAG_HEADER } from '../../http/schema-helpers';
import { ServiceRequestCommandResultSchema } from './service-request.answers';
import {
  ServiceRequests,
  type ServiceRequestCommandBody,
  type ServiceRequestCommandResult,
} from './service-requests';

/**
 * A controller of service request commands, at /service-requests: operators
 * and departments with `records:write`; each answers with the new version
 * (ETag) and the position of its last event.
 */
export function ServiceRequestCommandController(): ClassDecorator {
  return applyDecorators(
    ApiTags('help-desk: service requests'),
    RequirePermission('records:write'),
    Controller('service-requests'),
  );
}

/** A command on an existing request, as its use case declares it. */
export interface RequestCommandUseCase<Dto extends object> {
  /** POST /service-requests/:id/<action> (the action of @sfp/contracts' REQUEST_COMMAND_ACTIONS). */
  action: RequestAction;
  /** What the command does, in one line (the operation's summary in the OpenAPI document). */
  summary: string;
  /** What the answer means, for the OpenAPI document. */
  done: string;
  /** A refusal (409) of the command besides its status and a stale If-Match, e.g. a closed window. */
  alsoRefusedWhen?: string;
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
 * an unknown request, 409 in a status the contracts' table does not allow it
 * from. The body is validated as the use case's DTO. Its operation is named
 * after its command (`TriageServiceRequest` → `triageServiceRequest`).
 */
export function requestCommandController<Dto extends object>(
  useCase: RequestCommandUseCase<Dto>,
): Type {
  const status = useCase.status ?? 200;
  const commandType = commandTypeOf(useCase.action);
  const route = applyDecorators(
    Post(`:id/${useCase.action}`),
    HttpCode(status),
    Operation(operationIdOf(commandType), useCase.summary),
    Answers(status, {
      description: `${useCase.done}: the request’s new version and the position of the command’s last event`,
      schema: ServiceRequestCommandResultSchema,
      headers: ETAG_HEADER,
    }),
    VersionedCommandRoute(),
    // After VersionedCommandRoute: this route's own 409 replaces its generic one.
    Refuses({ 404: NO_SUCH_REQUEST, 409: conflictOf(commandType, useCase.alsoRefusedWhen) }),
  );
  @ServiceRequestCommandController()
  class RequestCommandController {
    constructor(readonly requests: ServiceRequests) {}

    run(
      { id }: RequestIdParams,
      context: CommandContext,
      body?: Dto,
    ): Promise<ServiceRequestCommandResult> {
      return this.requests.run(id, useCase.command(body as Dto), context);
    }
  }
  // Decorated here rather than in the class: the body parameter exists only
  // when the use case has a DTO, and its class (which a generic parameter
  // erases) is what the validation pipe and the OpenAPI document read.
  const prototype = RequestCommandController.prototype;
  Param()(prototype, 'run', 0);
  HttpCommandContext()(prototype, 'run', 1);
  if (useCase.dto) Body()(prototype, 'run', 2);
  Reflect.defineMetadata(
    'design:paramtypes',
    useCase.dto ? [RequestIdParams, Object, useCase.dto] : [RequestIdParams, Object],
    prototype,
    'run',
  );
  route(prototype, 'run', Object.getOwnPropertyDescriptor(prototype, 'run') as PropertyDescriptor);
  const name = useCase.action.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  Object.defineProperty(RequestCommandController, 'name', { value: `${name}RequestController` });
  return RequestCommandController;
}

/** The command of a route's action, by the contracts' table of actions. */
function commandTypeOf(action: RequestAction): RequestCommandType {
  const entry = Object.entries(REQUEST_COMMAND_ACTIONS).find(([, a]) => a === action);
  if (!entry) throw new Error(`No command has the action ${action}`);
  return entry[0] as RequestCommandType;
}

/** `TriageServiceRequest` → `triageServiceRequest`. */
export function operationIdOf(command: RequestCommandType): string {
  return command.charAt(0).toLowerCase() + command.slice(1);
}

/** When the command is a 409, by the contracts' table of the statuses it is allowed from. */
export function conflictOf(command: RequestCommandType, alsoRefusedWhen?: string): string {
  const allowed = REQUEST_COMMAND_ALLOWED_FROM[command];
  return (
    `The request’s status does not allow it (code ILLEGAL_TRANSITION; allowed only when ${allowed.join(', ')})` +
    (alsoRefusedWhen ? `, ${alsoRefusedWhen}` : '') +
    ', or If-Match is stale: the request changed since you read it (code WRONG_EXPECTED_VERSION)'
  );
}
