import { applyDecorators, Controller, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@sfp/auth';
import { commandRouteController, operationIdOf } from '@sfp/service-kit';
import type { ProgrammeCommand } from '../domain/programme.commands';
import { NO_SUCH_PROGRAMME, ProgrammeIdParams } from './programme-id.params';
import { ProgrammeCommandResultSchema } from './programme.answers';
import { Programmes, type ProgrammeCommandOf, type ProgrammeCommandResult } from './programmes';

/** A controller of programme commands, at /programmes: training operators with `records:write`. */
export function ProgrammeCommandController(): ClassDecorator {
  return applyDecorators(
    ApiTags('training: programmes'),
    RequirePermission('records:write'),
    Controller('programmes'),
  );
}

const CLOSED = 'the programme is closed (code PROGRAMME_CLOSED)';
const STALE =
  'If-Match is stale: the programme changed since you read it (code WRONG_EXPECTED_VERSION)';

/** A command on an existing programme, as its use case declares it. */
export interface ProgrammeCommandUseCase<Dto extends object> {
  /** POST /programmes/:id/<path> */
  path: string;
  commandType: Exclude<ProgrammeCommand['type'], 'LaunchProgramme'>;
  summary: string;
  /** What the answer means, for the OpenAPI document. */
  done: string;
  dto: new () => Dto;
  /** The 400 of the domain's rules (code RULE_VIOLATED), when it has some. */
  rules?: string;
  /** The 404 besides an unknown programme. */
  alsoNotFound?: string;
  /** A 409 besides a closed programme and a stale If-Match. */
  alsoRefusedWhen?: string;
  /** The domain command of a validated body (Programmes checks what it refers to, e.g. an offering). */
  command(dto: Dto, programmes: Programmes): ProgrammeCommandOf;
}

export function programmeCommand<Dto extends object>(
  useCase: ProgrammeCommandUseCase<Dto>,
): ProgrammeCommandUseCase<Dto> {
  return useCase;
}

/** POST /programmes/:id/<path>: If-Match, ETag, 404 for an unknown programme, 409 when closed. */
export function programmeCommandController<Dto extends object>(
  useCase: ProgrammeCommandUseCase<Dto>,
): Type {
  return commandRouteController<Programmes, ProgrammeIdParams, Dto, ProgrammeCommandResult>({
    controller: ProgrammeCommandController,
    name: `${useCase.commandType}Controller`,
    path: `:id/${useCase.path}`,
    params: ProgrammeIdParams,
    dto: useCase.dto,
    operationId: operationIdOf(useCase.commandType),
    summary: useCase.summary,
    status: 200,
    answer: {
      description: `${useCase.done}: the programme’s new version and the position of the command’s last event`,
      schema: ProgrammeCommandResultSchema,
    },
    refuses: {
      ...(useCase.rules ? { 400: `${useCase.rules} (code RULE_VIOLATED)` } : {}),
      404: useCase.alsoNotFound
        ? `${NO_SUCH_PROGRAMME}, or ${useCase.alsoNotFound}`
        : NO_SUCH_PROGRAMME,
      409: [CLOSED, ...(useCase.alsoRefusedWhen ? [useCase.alsoRefusedWhen] : []), STALE]
        .join(', or ')
        .replace(/^t/, 'T'),
    },
    service: Programmes,
    run: (programmes, params, context, body) =>
      programmes.run(params.id, useCase.command(body, programmes), context),
  });
}
