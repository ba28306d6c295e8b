import { Controller, Get, HttpCode, Inject, Param, Post, type Type } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import {
  ProjectionRebuildStartedSchema,
  ProjectionStatusSchema,
  type ProjectionRebuildStarted,
  type ProjectionStatus,
} from '@sfp/contracts';
import { Type as T } from '@sinclair/typebox';
import type {
  ProjectionEngine,
  ProjectionStatus as EngineProjectionStatus,
} from '@sfp/projections';
import type { Logger } from '../logging/logger';

/**
 * The engine's status is the answer the contracts describe (ProjectionStatusSchema),
 * both ways: a field added to one and not the other fails to compile.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusIsTheContract: Same<EngineProjectionStatus, ProjectionStatus> = true;
void statusIsTheContract;

/** A projection's name in the path (with an example: one of the context's projections). */
function projectionNameParams(example: string | undefined) {
  class ProjectionNameParams {
    @ApiProperty({ description: 'The projection', ...(example ? { example } : {}) })
    @IsString()
    @MaxLength(200)
    name!: string;
  }
  return ProjectionNameParams;
}

/**
 * A context's projection operations at `<context>/projections`: status of each
 * read model, and rebuild from zero while queries are served. Made per context
 * because the engine and the logger are the context's own DI tokens, and the
 * operations' names carry the context (`listHelpDeskProjections`): the
 * embedded host serves every context in one OpenAPI document.
 */
export function createProjectionsController(options: {
  /** The OpenAPI tag, e.g. `help-desk: operations`. */
  tag: string;
  /** The context's name, kebab-case (default: the tag up to its first colon). */
  context?: string;
  /** DI token of the context's ProjectionEngine. */
  projections: symbol;
  /** DI token of the context's logger. */
  logger: symbol;
  /** The name of one of its projections, the example of the documented paths. */
  exampleProjection?: string;
}): Type<unknown> {
  const context = options.context ?? (options.tag.split(':')[0] ?? options.tag).trim();
  const NameParams = projectionNameParams(options.exampleProjection);
  type NameParams = InstanceType<typeof NameParams>;
  const Context = context.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

  @ApiTags(options.tag)
  @RequirePermission('platform:admin')
  @Controller('projections')
  class ProjectionsController {
    constructor(
      @Inject(options.projections) private readonly projections: ProjectionEngine,
      @Inject(options.logger) private readonly logger: Logger,
    ) {}

    @Get()
    @Operation(
      `list${Context}Projections`,
      `List the ${context} projections with their position, lag and state.`,
    )
    @Answers(200, {
      description:
        'Position, head, lag in events and seconds, last error and state (running, rebuilding, stalled) of each projection',
      schema: T.Array(ProjectionStatusSchema),
    })
    list(): Promise<ProjectionStatus[]> {
      return this.projections.statuses();
    }

    @Get(':name')
    @Operation(
      `get${Context}ProjectionStatus`,
      `Read the status of one ${context} projection, and of its rebuild if one runs.`,
    )
    @Answers(200, { description: "The projection's status", schema: ProjectionStatusSchema })
    @Refuses({ 404: `No ${context} projection of that name` })
    status(@Param() params: NameParams): Promise<ProjectionStatus> {
      return this.projections.status(params.name);
    }

    /** Builds a new version of the read model from zero beside the serving one; swaps when it has caught up. */
    @Post(':name/rebuild')
    @HttpCode(202)
    @Operation(
      `rebuild${Context}Projection`,
      `Rebuild a ${context} projection from zero beside the serving version; swapped in when caught up.`,
    )
    @Answers(202, {
      description: 'Rebuild started; follow it in the status (`rebuild`)',
      schema: ProjectionRebuildStartedSchema,
    })
    @Refuses({
      404: `No ${context} projection of that name`,
      409: 'A rebuild of it is already running',
      503: 'NOT_THE_LEADER: with several instances, another one leads this context and runs its projections; ask again after the Retry-After header (the next answer may come from the leader)',
    })
    async rebuild(@Param() params: NameParams): Promise<ProjectionRebuildStarted> {
      const { name } = params;
      const handle = await this.projections.rebuild(name);
      handle.done.then(
        (result) => this.logger.info({ ...result }, 'Projection rebuilt and swapped'),
        (error: unknown) =>
          this.logger.warn({ err: error, projection: name }, 'Projection rebuild did not finish'),
      );
      return { projection: name, generation: handle.generation };
    }
  }
  Object.defineProperty(ProjectionsController, 'name', {
    value: `${Context}ProjectionsController`,
  });
  return ProjectionsController;
}
