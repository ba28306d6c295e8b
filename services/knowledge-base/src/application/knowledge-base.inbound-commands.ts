import type { CommandBus } from '@nestjs/cqrs';
import { IsUUID, Matches } from 'class-validator';
import { DuplicateEventError } from '@sfp/event-sourcing';
import type {
  CommandRejection,
  InboundCommandContext,
  InboundCommandDefinition,
} from '@sfp/messaging';
import { RegisterInstitutionDto } from '../institution/application/institution.request.dto';
import {
  FileReportDto,
  RestateReportDto,
} from '../performance-report/application/performance-report.request.dto';
import { performanceReportId } from '../performance-report/domain/performance-report.id';
import { plain } from '../http/plain-json';
import { callerOfActor } from '../http/request-principal';
import { streamIds } from '../knowledge-base.context';
import type { KnowledgeBaseRuntime } from '../knowledge-base.runtime';
import { KnowledgeBaseError } from '../shared/domain/knowledge-base.errors';
import { uuidFrom } from './command-runner';
import type { KnowledgeBaseCommandResult } from './execute-knowledge-base-command.handler';
import { ExecuteKnowledgeBaseCommand, type KnowledgeBaseRequest } from './knowledge-base-request';

export class FileReportMessageDto extends FileReportDto {
  @IsUUID('4')
  institutionId!: string;
}

export class RestateReportMessageDto extends RestateReportDto {
  @Matches(/^[0-9a-f-]{36}_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/, {
    message: 'reportId must be <institutionId>_<start>_<end>',
  })
  reportId!: string;
}

/**
 * What departments' and regional offices' systems may do by message on
 * `sfp.knowledge-base.commands`: register an institution, file and restate
 * performance reports. Payloads are the HTTP DTOs (plus the ids), validated
 * the same way; a client is confined to its department (the `department`
 * header), as over HTTP.
 */
export function knowledgeBaseInboundCommands(
  commandBus: CommandBus,
  runtime: KnowledgeBaseRuntime,
): Array<InboundCommandDefinition<object>> {
  const run = async (
    request: KnowledgeBaseRequest,
    streamId: string,
    ctx: InboundCommandContext,
  ) => {
    const caller = callerOfActor(ctx.actor);
    try {
      const result: KnowledgeBaseCommandResult = await commandBus.execute(
        new ExecuteKnowledgeBaseCommand(request, {
          correlationId: ctx.correlationId,
          causationId: ctx.causationId,
          actor: ctx.actor,
          idempotencyKey: ctx.messageId,
          ...(caller.scope !== undefined ? { scope: caller.scope } : {}),
        }),
      );
      return {
        streamId: result.streamId,
        streamVersion: result.streamVersion,
        position: result.position,
      };
    } catch (error) {
      // Appended before, by this very message (its event ids derive from the message id).
      if (error instanceof DuplicateEventError) {
        return {
          streamId,
          streamVersion: await runtime.eventStore.streamVersion(streamId),
          position: await runtime.eventStore.headPosition(),
        };
      }
      throw error;
    }
  };

  const register: InboundCommandDefinition<RegisterInstitutionDto> = {
    type: 'RegisterInstitution',
    dto: RegisterInstitutionDto,
    execute: (dto, ctx) => {
      const institutionId = uuidFrom(`register:${ctx.actor.id}:${ctx.messageId}`);
      const body = plain(dto);
      return run(
        {
          kind: 'institution',
          institutionId,
          command: { type: 'RegisterInstitution', institutionId, ...body },
        },
        streamIds.institution(institutionId),
        ctx,
      );
    },
  };
  const file: InboundCommandDefinition<FileReportMessageDto> = {
    type: 'FilePerformanceReport',
    dto: FileReportMessageDto,
    execute: (dto, ctx) => {
      const body = plain(dto);
      return run(
        {
          kind: 'file-report',
          institutionId: body.institutionId,
          period: body.period,
          currency: body.currency,
          fx: body.fx,
          inputs: body.inputs,
        },
        streamIds.performanceReport(performanceReportId(body.institutionId, body.period)),
        ctx,
      );
    },
  };
  const restate: InboundCommandDefinition<RestateReportMessageDto> = {
    type: 'RestatePerformanceReport',
    dto: RestateReportMessageDto,
    execute: (dto, ctx) => {
      const body = plain(dto);
      return run(
        {
          kind: 'restate-report',
          reportId: body.reportId,
          currency: body.currency,
          fx: body.fx,
          inputs: body.inputs,
          reason: body.reason,
        },
        streamIds.performanceReport(body.reportId),
        ctx,
      );
    },
  };
  return [register, file, restate] as Array<InboundCommandDefinition<object>>;
}

/** Refusals the sender must hear about: every domain error of the knowledge base (identities named in the message). */
export function knowledgeBaseRejectionOf(error: unknown): CommandRejection | undefined {
  if (error instanceof KnowledgeBaseError) return { code: error.code, message: error.message };
  return undefined;
}
