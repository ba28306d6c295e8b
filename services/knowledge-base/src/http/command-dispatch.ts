import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { currentCorrelationId, etagOf, expectedVersionFromIfMatch } from '@sfp/service-kit';
import type { KnowledgeBaseCommandResult } from '../application/execute-knowledge-base-command.handler';
import {
  ExecuteKnowledgeBaseCommand,
  type KnowledgeBaseRequest,
} from '../application/knowledge-base-request';
import { callerOf } from './request-principal';

/** Sends an HTTP command through the command bus as the authenticated caller; sets the record's ETag. */
export async function dispatch(
  commandBus: CommandBus,
  req: Request,
  res: Response | undefined,
  request: KnowledgeBaseRequest,
  ifMatch?: string,
): Promise<KnowledgeBaseCommandResult> {
  const caller = callerOf(req);
  const result: KnowledgeBaseCommandResult = await commandBus.execute(
    new ExecuteKnowledgeBaseCommand(request, {
      correlationId: currentCorrelationId() ?? randomUUID(),
      actor: caller.actor,
      expectedVersion: expectedVersionFromIfMatch(ifMatch),
      ...(caller.scope !== undefined ? { scope: caller.scope } : {}),
    }),
  );
  res?.setHeader('ETag', etagOf(result.streamVersion));
  return result;
}
