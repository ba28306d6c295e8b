import { randomUUID } from 'node:crypto';
import {
  applyDecorators,
  createParamDecorator,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiConflictResponse, ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { actorOf, principalOf } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { currentCorrelationId } from './request-context';
import { etagOf, expectedVersionFromIfMatch } from './if-match';

/** The command context of an HTTP request: the caller as actor, the request's correlation id, If-Match as the expected version. */
export function commandContextOf(
  req: Request,
  options: { ifMatch?: boolean } = {},
): CommandContext {
  const ifMatch = options.ifMatch === false ? undefined : req.headers['if-match'];
  const expectedVersion = expectedVersionFromIfMatch(
    typeof ifMatch === 'string' ? ifMatch : undefined,
  );
  return {
    correlationId: currentCorrelationId() ?? randomUUID(),
    actor: actorOf(principalOf(req)),
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  };
}

/**
 * A route parameter: the CommandContext of the request (who, correlation,
 * If-Match). A malformed If-Match is a 400 before the command runs. A route
 * that creates a record passes `{ ifMatch: false }`: there is no version to match.
 */
export const HttpCommandContext = createParamDecorator(
  (options: { ifMatch?: boolean } | undefined, context: ExecutionContext): CommandContext =>
    commandContextOf(context.switchToHttp().getRequest<Request>(), options),
);

/** Sets the ETag header from the `streamVersion` of a command's answer. */
class ETagOfResultInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((result: unknown) => {
        const version = (result as { streamVersion?: unknown } | undefined)?.streamVersion;
        if (typeof version === 'number') res.setHeader('ETag', etagOf(version));
        return result;
      }),
    );
  }
}

/**
 * A command route on an existing record: takes If-Match (documented), answers
 * a stale one with 409, and sends the record's new version as its ETag.
 */
export function VersionedCommandRoute(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag you saw; a stale one is a 409',
    }),
    ApiConflictResponse({ description: 'Not allowed in the current state, or a stale If-Match' }),
    UseInterceptors(ETagOfResultInterceptor),
  );
}

/** A command route that creates a record: its new version goes out as the ETag. */
export function CreatingCommandRoute(): MethodDecorator & ClassDecorator {
  return UseInterceptors(ETagOfResultInterceptor);
}
