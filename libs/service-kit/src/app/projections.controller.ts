import { Controller, Get, HttpCode, Inject, Param, Post, type Type } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@sfp/auth';
import type { ProjectionEngine, ProjectionStatus } from '@sfp/projections';
import type { Logger } from '../logging/logger';

/**
 * A context's projection operations at `<context>/projections`: status of each
 * read model, and rebuild from zero while queries are served. Made per context
 * because the engine and the logger are the context's own
 * DI tokens.
 */
export function createProjectionsController(options: {
  /** The OpenAPI tag, e.g. `help-desk: operations`. */
  tag: string;
  /** DI token of the context's ProjectionEngine. */
  projections: symbol;
  /** DI token of the context's logger. */
  logger: symbol;
}): Type<unknown> {
  @ApiTags(options.tag)
  @RequirePermission('platform:admin')
  @Controller('projections')
  class ProjectionsController {
    constructor(
      @Inject(options.projections) private readonly projections: ProjectionEngine,
      @Inject(options.logger) private readonly logger: Logger,
    ) {}

    @Get()
    @ApiOkResponse({
      description:
        'Position, head, lag in events and seconds, last error and state (running, rebuilding, stalled) of each projection',
    })
    list(): Promise<ProjectionStatus[]> {
      return this.projections.statuses();
    }

    @Get(':name')
    @ApiNotFoundResponse()
    status(@Param('name') name: string): Promise<ProjectionStatus> {
      return this.projections.status(name);
    }

    /** Builds a new version of the read model from zero beside the serving one; swaps when it has caught up. */
    @Post(':name/rebuild')
    @HttpCode(202)
    @ApiAcceptedResponse({
      description: 'Rebuild started: { projection, generation }; follow it in the status',
    })
    @ApiNotFoundResponse()
    async rebuild(
      @Param('name') name: string,
    ): Promise<{ projection: string; generation: number }> {
      const handle = await this.projections.rebuild(name);
      handle.done.then(
        (result) => this.logger.info({ ...result }, 'Projection rebuilt and swapped'),
        (error: unknown) =>
          this.logger.warn({ err: error, projection: name }, 'Projection rebuild did not finish'),
      );
      return { projection: name, generation: handle.generation };
    }
  }
  return ProjectionsController;
}
