import { applyDecorators, Controller, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission, type JsonSchema } from '@sfp/auth';
import { OFFERING_COMMAND_ALLOWED_FROM, type OfferingCommandType } from '@sfp/contracts';
import type { CommandContext } from '@sfp/event-sourcing';
import { commandRouteController, operationIdOf } from '@sfp/service-kit';
import { NO_SUCH_OFFERING, OfferingIdParams } from '../../http/record-id.params';
import { OfferingCommandResultSchema } from './offering.answers';
import { Offerings, type OfferingCommandOf, type OfferingCommandResult } from './offerings';

/** A controller of offering commands, at /offerings: training operators with `records:write`. */
export function OfferingCommandController(): ClassDecorator {
  return applyDecorators(
    ApiTags('training: offerings'),
    RequirePermission('records:write'),
    Controller('offerings'),
  );
}

/** A command on an existing offering, as its use case declares it. */
export interface OfferingCommandUseCase<
  Params extends OfferingIdParams,
  Dto extends object,
  Result extends OfferingCommandResult = OfferingCommandResult,
> {
  /** POST /offerings/:id/<path> */
  path: string;
  commandType: OfferingCommandType;
  summary: string;
  /** What the answer means, for the OpenAPI document. */
  done: string;
  /** The path's parameters (default: the offering's id). */
  params?: new () => Params;
  dto?: new () => Dto;
  /** 201 when the command adds a record to the offering (an enrolment, an evaluation); 200 otherwise. */
  status?: 200 | 201;
  /** The answer's schema when it says more than the offering's version. */
  schema?: JsonSchema;
  /** The 404 besides an unknown offering (an unknown enrolment or certificate). */
  alsoNotFound?: string;
  /** A 409 besides the offering's status and a stale If-Match. */
  alsoRefusedWhen?: string;
  /** The domain command of a validated body (or how to build it from the offering as it stands). */
  command(dto: Dto, params: Params): OfferingCommandOf;
  /** How to run it when the answer says more than the version (default: Offerings.run). */
  run?(
    offerings: Offerings,
    params: Params,
    context: CommandContext,
    command: OfferingCommandOf,
  ): Promise<Result>;
}

export function offeringCommand<
  Params extends OfferingIdParams,
  Dto extends object,
  Result extends OfferingCommandResult = OfferingCommandResult,
>(
  useCase: OfferingCommandUseCase<Params, Dto, Result>,
): OfferingCommandUseCase<Params, Dto, Result> {
  return useCase;
}

/** POST /offerings/:id/<path>: If-Match, ETag, 404 for an unknown offering, 409 by the contracts' table. */
export function offeringCommandController<
  Params extends OfferingIdParams,
  Dto extends object,
  Result extends OfferingCommandResult,
>(useCase: OfferingCommandUseCase<Params, Dto, Result>): Type {
  const name = useCase.commandType;
  return commandRouteController<Offerings, Params, Dto, Result>({
    controller: OfferingCommandController,
    name: `${name}Controller`,
    path: `:id/${useCase.path}`,
    params: useCase.params ?? (OfferingIdParams as new () => Params),
    ...(useCase.dto ? { dto: useCase.dto } : {}),
    operationId: operationIdOf(name),
    summary: useCase.summary,
    status: useCase.status ?? 200,
    answer: {
      description: `${useCase.done}: the offering’s new version and the position of the command’s last event`,
      schema: useCase.schema ?? OfferingCommandResultSchema,
    },
    refuses: {
      404: useCase.alsoNotFound
        ? `${NO_SUCH_OFFERING}, or ${useCase.alsoNotFound}`
        : NO_SUCH_OFFERING,
      409: offeringConflictOf(name, useCase.alsoRefusedWhen),
    },
    service: Offerings,
    run: (offerings, params, context, body) => {
      const command = useCase.command(body, params);
      return useCase.run
        ? useCase.run(offerings, params, context, command)
        : (offerings.run(params.id, command, context) as Promise<Result>);
    },
  });
}

/** When an offering command is a 409, by the contracts' table. */
export function offeringConflictOf(command: OfferingCommandType, alsoRefusedWhen?: string): string {
  return (
    `The offering’s status does not allow it (code ILLEGAL_TRANSITION; allowed only when ${OFFERING_COMMAND_ALLOWED_FROM[command].join(', ')})` +
    (alsoRefusedWhen ? `, ${alsoRefusedWhen}` : '') +
    ', or If-Match is stale: the offering changed since you read it (code WRONG_EXPECTED_VERSION)'
  );
}
