import { applyDecorators, Controller, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission, type JsonSchema } from '@sfp/auth';
import { RESEARCH_COMMAND_ALLOWED_FROM, type ResearchProjectCommandType } from '@sfp/contracts';
import type { CommandContext } from '@sfp/event-sourcing';
import { commandRouteController } from '@sfp/service-kit';
import { ResearchCommandResultSchema } from './research-project.answers';
import { NO_SUCH_RESEARCH_PROJECT, ResearchProjectIdParams } from './research-project.params';
import {
  ResearchProjects,
  type ResearchCommandResult,
  type ResearchProjectCommandOf,
} from './research-projects';

/** A controller of research project commands, at /projects: researchers with `records:write`. */
export function ResearchProjectCommandController(): ClassDecorator {
  return applyDecorators(
    ApiTags('innovation-research: projects'),
    RequirePermission('records:write'),
    Controller('projects'),
  );
}

/** A command on an existing research project, as its use case declares it. */
export interface ResearchCommandUseCase<
  Params extends ResearchProjectIdParams,
  Dto extends object,
  Result extends ResearchCommandResult = ResearchCommandResult,
> {
  /** POST /projects/:id/<path> */
  path: string;
  commandType: Exclude<ResearchProjectCommandType, 'FlagSlippingMilestones'>;
  /** camelCase verb and noun, unique across the platform. */
  operationId: string;
  summary: string;
  /** What the answer means, for the OpenAPI document. */
  done: string;
  /** The path's parameters (default: the project's id). */
  params?: new () => Params;
  dto?: new () => Dto;
  /** The answer's schema when it says more than the project's version. */
  schema?: JsonSchema;
  /** The rules of the domain a well-formed body may still break (400 RULE_VIOLATED, …). */
  rules?: string;
  /** The 404 besides an unknown project (an unknown milestone). */
  alsoNotFound?: string;
  /** The guard of the project's phases the command may not meet yet (409 PHASE_GUARD). */
  guard?: string;
  /** The domain command of a validated body (or how to build it when it must read first). */
  command(dto: Dto, params: Params, projects: ResearchProjects): ResearchProjectCommandOf;
  /** How to run it when the answer says more than the version (default: ResearchProjects.run). */
  run?(
    projects: ResearchProjects,
    params: Params,
    context: CommandContext,
    command: ResearchProjectCommandOf,
  ): Promise<Result>;
}

export function researchCommand<
  Params extends ResearchProjectIdParams,
  Dto extends object,
  Result extends ResearchCommandResult = ResearchCommandResult,
>(
  useCase: ResearchCommandUseCase<Params, Dto, Result>,
): ResearchCommandUseCase<Params, Dto, Result> {
  return useCase;
}

/** POST /projects/:id/<path>: If-Match, ETag, 404 for an unknown project, 409 by the contracts' table. */
export function researchCommandController<
  Params extends ResearchProjectIdParams,
  Dto extends object,
  Result extends ResearchCommandResult,
>(useCase: ResearchCommandUseCase<Params, Dto, Result>): Type {
  return commandRouteController<ResearchProjects, Params, Dto, Result>({
    controller: ResearchProjectCommandController,
    name: `${useCase.commandType}Controller`,
    path: `:id/${useCase.path}`,
    params: useCase.params ?? (ResearchProjectIdParams as new () => Params),
    ...(useCase.dto ? { dto: useCase.dto } : {}),
    operationId: useCase.operationId,
    summary: useCase.summary,
    status: 200,
    answer: {
      description: `${useCase.done}: the project’s new version and the position of the command’s last event`,
      schema: useCase.schema ?? ResearchCommandResultSchema,
    },
    refuses: {
      ...(useCase.rules ? { 400: useCase.rules } : {}),
      404: useCase.alsoNotFound
        ? `${NO_SUCH_RESEARCH_PROJECT}, or ${useCase.alsoNotFound}`
        : NO_SUCH_RESEARCH_PROJECT,
      409: researchConflictOf(useCase.commandType, useCase.guard),
    },
    service: ResearchProjects,
    run: (projects, params, context, body) => {
      const command = useCase.command(body, params, projects);
      return useCase.run
        ? useCase.run(projects, params, context, command)
        : (projects.run(params.id, command, context) as Promise<Result>);
    },
  });
}

/** When a research command is a 409, by the contracts' table and the phase guards. */
export function researchConflictOf(command: ResearchProjectCommandType, guard?: string): string {
  return (
    `The project’s status does not allow it (code ILLEGAL_TRANSITION; allowed only when ${RESEARCH_COMMAND_ALLOWED_FROM[command].join(', ')})` +
    (guard ? `, or ${guard} (code PHASE_GUARD)` : '') +
    ', or If-Match is stale: the project changed since you read it (code WRONG_EXPECTED_VERSION)'
  );
}
