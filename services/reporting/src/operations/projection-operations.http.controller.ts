import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@sfp/auth';
import { PLATFORM_PROJECTIONS } from '../reporting.tokens';
import { REPORTING_RUNTIME, type ReportingRuntime } from '../reporting.runtime';
import type { PlatformProjections, PlatformProjectionStatus } from './platform-projections';

/** Projection operations of the whole platform (the admin console's API). */
@ApiTags('reporting: projection operations')
@Controller('projections')
export class ProjectionOperationsController {
  constructor(
    @Inject(PLATFORM_PROJECTIONS) private readonly projections: PlatformProjections,
    @Inject(REPORTING_RUNTIME) private readonly runtime: ReportingRuntime,
  ) {}

  @Get()
  @RequirePermission('platform:admin')
  @ApiOkResponse({
    description:
      'Every projection of every context known here: position, head, lag, last error, state',
  })
  async list(): Promise<{ projections: PlatformProjectionStatus[] }> {
    return { projections: await this.projections.list() };
  }

  @Get(':context/:name')
  @RequirePermission('platform:admin')
  @ApiNotFoundResponse()
  status(
    @Param('context') context: string,
    @Param('name') name: string,
  ): Promise<PlatformProjectionStatus> {
    return this.projections.status(context, name);
  }

  /** Builds a new version from zero beside the serving one, which keeps answering; swaps when caught up. */
  @Post(':context/:name/rebuild')
  @HttpCode(202)
  @RequirePermission('platform:admin')
  @ApiAcceptedResponse({
    description: 'Rebuild started: { context, projection, generation }; follow it in the status',
  })
  @ApiNotFoundResponse()
  async rebuild(
    @Param('context') context: string,
    @Param('name') name: string,
  ): Promise<{ context: string; projection: string; generation: number }> {
    const handle = await this.projections.rebuild(context, name);
    handle.done.then(
      (result) =>
        this.runtime.logger.info({ context, ...result }, 'Projection rebuilt and swapped'),
      (error: unknown) =>
        this.runtime.logger.warn(
          { err: error, context, projection: name },
          'Projection rebuild did not finish',
        ),
    );
    return { context, projection: name, generation: handle.generation };
  }
}
