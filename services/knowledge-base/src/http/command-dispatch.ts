import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { currentCorrelationId, etagOf, expectedVersionFromIfMatch } from '@sfp/service-kit';
import type {
  CommandContext,
  CommandResult,
  KnowledgeBaseCommand,
} from '../application/knowledge-base-command';
import { callerOf } from './request-principal';

/**
 * Sends an HTTP command through the command bus as the authenticated caller
 * (a department's integration client confined to it); sets the record's ETag.
 */
export async function dispatch(
  commandBus: CommandBus,
  req: Request,
  res: Response | undefined,
  command: (context: CommandContext) => KnowledgeBaseCommand<unknown>,
  ifMatch?: string,
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
  res?.setHeader('ETag', etagOf(result.streamVersion));
  return result;
}

/**
 * Sends a command that creates a record under a new id, as `dispatch` does;
 * Location points at the new record, below the path the request was posted to.
 */
export async function dispatchCreate(
  commandBus: CommandBus,
  req: Request,
  res: Response,
  command: (id: string, context: CommandContext) => KnowledgeBaseCommand<unknown>,
): Promise<CommandResult> {
  const id = randomUUID();
  const result = await dispatch(commandBus, req, res, (context) => command(id, context));
  res.setHeader('Location', `${req.baseUrl}${req.path}/${id}`.replace(/\/+/g, '/'));
  return result;
}
