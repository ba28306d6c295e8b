import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@sfp/auth';
import type { ProjectionEngine, ProjectionStatus } from '@sfp/projections';
import { KNOWLEDGE_BASE_PROJECTIONS, KNOWLEDGE_BASE_RUNTIME, type KnowledgeBaseRuntime } from '../knowledge-base.runtime';

/** Projection operations: status of each read model, and rebuild from zero while queries are served. */
@ApiTags('knowledge-base: operations')
@RequirePermission('platform:admin')
@Controller('projections')
export class ProjectionsController {
  constructor(
    @Inject(KNOWLEDGE_BASE_PROJECTIONS) private readonly projections: ProjectionEngine,
    @Inject(KNOWLEDGE_BASE_RUNTIME) private readonly runtime: KnowledgeBaseRuntime,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Position, head, lag in events and seconds, last error and state (running, rebuilding, stalled) of each projection' })
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
  @ApiAcceptedResponse({ description: 'Rebuild started: { projection, generation }; follow it in the status' })
  @ApiNotFoundResponse()
  async rebuild(@Param('name') name: string): Promise<{ projection: string; generation: number }> {
    const handle = await this.projections.rebuild(name);
    handle.done.then(
      (result) => this.runtime.logger.info({ ...result }, 'Projection rebuilt and swapped'),
      (error: unknown) => this.runtime.logger.warn({ err: error, projection: name }, 'Projection rebuild did not finish'),
    );
    return { projection: name, generation: handle.generation };
  }
}
