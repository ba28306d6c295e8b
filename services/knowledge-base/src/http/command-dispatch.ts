import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { currentCorrelationId, etagOf, expectedVersionFromIfMatch } from '@sfp/service-kit';
import type {
  CommandContext,
  CommandResult,
  KnowledgeBaseCommand,
} from '../application/knowledge-base-command';
import { callerOf } from './request-principal';

/** The HTTP side of a command: who sent it and where (the request), its answer's headers, its If-Match. */
export interface HttpCall {
  req: Request;
  res: Response;
  /** The If-Match header as sent (parsed, and a malformed one refused with 400, when the command runs). */
  ifMatch?: string;
}

/**
 * A route parameter: the command's HttpCall. `{ ifMatch: false }` for routes
 * that take no If-Match (creations, revisions that always add a version).
 */
export const CommandCall = createParamDecorator(
  (options: { ifMatch?: boolean } | undefined, context: ExecutionContext): HttpCall => {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const ifMatch = options?.ifMatch === false ? undefined : req.headers['if-match'];
    return {
      req,
      res: http.getResponse<Response>(),
      ...(typeof ifMatch === 'string' ? { ifMatch } : {}),
    };
  },
);

/**
 * Sends an HTTP command through the command bus as the authenticated caller
 * (a department's integration client confined to it); sets the record's ETag.
 */
export async function dispatch(
  commandBus: CommandBus,
  { req, res, ifMatch }: HttpCall,
  command: (context: CommandContext) => KnowledgeBaseCommand<unknown>,
): Promise<CommandResult> {
  const caller = callerOf(req);
  const result: CommandResult = await commandBus.execute(
    command({
      correlationId: currentCorrelationId() ?? randomUUID(),
      actor: caller.actor,
      expectedVersion: expectedVersionFromIfMatch(ifMatch),
      ...(caller.scope !== undefined ? { scope: caller.scope } : {}),
    }),
  );
  res.setHeader('ETag', etagOf(result.streamVersion));
  return result;
}

/**
 * Sends a command that creates a record under a new id, as `dispatch` does;
 * Location points at the new record, below the path the request was posted to.
 */
export async function dispatchCreate(
  commandBus: CommandBus,
  call: HttpCall,
  command: (id: string, context: CommandContext) => KnowledgeBaseCommand<unknown>,
): Promise<CommandResult> {
  const { req, res } = call;
  const id = randomUUID();
  const result = await dispatch(commandBus, { req, res }, (context) => command(id, context));
  res.setHeader('Location', `${req.baseUrl}${req.path}/${id}`.replace(/\/+/g, '/'));
  return result;
}
