import { applyDecorators, Controller, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission, type JsonSchema } from '@sfp/auth';
import { PROPOSAL_COMMAND_ALLOWED_FROM, type ProposalCommandType } from '@sfp/contracts';
import type { CommandContext } from '@sfp/event-sourcing';
import { commandRouteController } from '@sfp/service-kit';
import { ProposalCommandResultSchema } from './proposal.answers';
import { NO_SUCH_PROPOSAL, ProposalIdParams } from './proposal.params';
import { Proposals, type ProposalCommandOf, type ProposalCommandResult } from './proposals';

/** A controller of proposal commands, at /proposals: staff with `records:write`. */
export function ProposalCommandController(): ClassDecorator {
  return applyDecorators(
    ApiTags('quality-monitoring: proposals'),
    RequirePermission('records:write'),
    Controller('proposals'),
  );
}

/** A command on an existing proposal, as its use case declares it. */
export interface ProposalCommandUseCase<
  Dto extends object,
  Result extends ProposalCommandResult = ProposalCommandResult,
> {
  /** POST /proposals/:id/<path> */
  path: string;
  commandType: ProposalCommandType;
  /** camelCase verb and noun, unique across the platform. */
  operationId: string;
  summary: string;
  /** What the answer means, for the OpenAPI document. */
  done: string;
  dto: new () => Dto;
  /** The answer's schema when it says more than the proposal's version. */
  schema?: JsonSchema;
  /** The rules of the domain a well-formed body may still break (400). */
  rules?: string;
  /** Who may not (403), when the command is a reviewer's. */
  forbidden?: string;
  /** What else is a 409 besides the status table and a stale If-Match. */
  conflicts?: string;
  /** The domain command of a validated body (or how to build it when it must read first). */
  command(dto: Dto, params: ProposalIdParams, proposals: Proposals): ProposalCommandOf;
  /** How to run it when the answer says more than the version (default: Proposals.run). */
  run?(
    proposals: Proposals,
    params: ProposalIdParams,
    context: CommandContext,
    command: ProposalCommandOf,
  ): Promise<Result>;
}

export function proposalCommand<
  Dto extends object,
  Result extends ProposalCommandResult = ProposalCommandResult,
>(useCase: ProposalCommandUseCase<Dto, Result>): ProposalCommandUseCase<Dto, Result> {
  return useCase;
}

/** POST /proposals/:id/<path>: If-Match, ETag, 404 for an unknown proposal, 409 by the contracts' table. */
export function proposalCommandController<Dto extends object, Result extends ProposalCommandResult>(
  useCase: ProposalCommandUseCase<Dto, Result>,
): Type {
  return commandRouteController<Proposals, ProposalIdParams, Dto, Result>({
    controller: ProposalCommandController,
    name: `${useCase.operationId.charAt(0).toUpperCase()}${useCase.operationId.slice(1)}Controller`,
    path: `:id/${useCase.path}`,
    params: ProposalIdParams,
    dto: useCase.dto,
    operationId: useCase.operationId,
    summary: useCase.summary,
    status: 200,
    answer: {
      description: `${useCase.done}: the proposal’s new stream version and the position of the command’s last event`,
      schema: useCase.schema ?? ProposalCommandResultSchema,
    },
    refuses: {
      ...(useCase.rules ? { 400: useCase.rules } : {}),
      ...(useCase.forbidden ? { 403: useCase.forbidden } : {}),
      404: NO_SUCH_PROPOSAL,
      409: proposalConflictOf(useCase.commandType, useCase.conflicts),
    },
    service: Proposals,
    run: (proposals, params, context, body) => {
      const command = useCase.command(body, params, proposals);
      return useCase.run
        ? useCase.run(proposals, params, context, command)
        : (proposals.run(params.id, command, context) as Promise<Result>);
    },
  });
}

/** When a proposal command is a 409, by the contracts' table. */
export function proposalConflictOf(command: ProposalCommandType, also?: string): string {
  return (
    `The proposal’s status does not allow it (code ILLEGAL_TRANSITION; allowed only when ${PROPOSAL_COMMAND_ALLOWED_FROM[command].join(', ')})` +
    (also ? `, ${also}` : '') +
    ', or If-Match is stale: the proposal changed since you read it (code WRONG_EXPECTED_VERSION)'
  );
}
