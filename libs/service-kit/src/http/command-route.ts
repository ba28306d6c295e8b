import { applyDecorators, Body, HttpCode, Inject, Param, Post, type Type } from '@nestjs/common';
import { Answers, Operation, Refuses, type JsonSchema } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from './command-context.decorator';

/** The ETag header of a command's answer: the record's version, for If-Match. */
export const ETAG_HEADER = {
  ETag: {
    description: 'The record’s version (e.g. "3"), to send as If-Match with its next command',
  },
} as const;

/** One command route on an existing record, as a use case declares it (after its record's conventions). */
export interface CommandRouteSpec<Service, Params extends object, Dto extends object, Result> {
  /** The controller's class decorator: its tag, permission and base path. */
  controller: () => ClassDecorator;
  /** The Nest class name (for logs and the document). */
  name: string;
  /** Path under the controller, e.g. `:id/publish`. */
  path: string;
  /** The path parameters' DTO. */
  params: new () => Params;
  /** The validated body (none: the command takes no input). */
  dto?: new () => Dto;
  operationId: string;
  summary: string;
  status: 200 | 201;
  answer: { description: string; schema: JsonSchema };
  /** The route's own refusals (status → when), after the If-Match 409 of every versioned route. */
  refuses: Partial<Record<number, string>>;
  /** The application service the route calls. */
  service: Type<Service>;
  run(service: Service, params: Params, context: CommandContext, body: Dto): Promise<Result>;
}

/**
 * The route of a command on an existing record: POST <path>, If-Match honoured
 * (a stale one is a 409), the new version as ETag, the body validated as the
 * use case's DTO and the path as its params DTO.
 */
export function commandRouteController<Service, Params extends object, Dto extends object, Result>(
  spec: CommandRouteSpec<Service, Params, Dto, Result>,
): Type {
  const route = applyDecorators(
    Post(spec.path),
    HttpCode(spec.status),
    Operation(spec.operationId, spec.summary),
    Answers(spec.status, { ...spec.answer, headers: ETAG_HEADER }),
    VersionedCommandRoute(),
    // After VersionedCommandRoute: this route's own 409 replaces its generic one.
    Refuses(spec.refuses),
  );
  @spec.controller()
  class CommandController {
    constructor(readonly service: Service) {}

    run(params: Params, context: CommandContext, body?: Dto): Promise<Result> {
      return spec.run(this.service, params, context, body as Dto);
    }
  }
  Inject(spec.service)(CommandController, undefined, 0);
  // Decorated here rather than in the class: the body parameter exists only
  // when the use case has a DTO, and its class (which a generic parameter
  // erases) is what the validation pipe and the OpenAPI document read.
  const prototype = CommandController.prototype;
  Param()(prototype, 'run', 0);
  HttpCommandContext()(prototype, 'run', 1);
  if (spec.dto) Body()(prototype, 'run', 2);
  Reflect.defineMetadata(
    'design:paramtypes',
    spec.dto ? [spec.params, Object, spec.dto] : [spec.params, Object],
    prototype,
    'run',
  );
  route(prototype, 'run', Object.getOwnPropertyDescriptor(prototype, 'run') as PropertyDescriptor);
  Object.defineProperty(CommandController, 'name', { value: spec.name });
  return CommandController;
}

/** `PublishCourse` → `publishCourse`. */
export function operationIdOf(command: string): string {
  return command.charAt(0).toLowerCase() + command.slice(1);
}
