import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import { PlatformProjectionSchema, ProjectionRebuildStartedSchema } from '@sfp/contracts';
import { Type, type Static } from '@sinclair/typebox';
import { PLATFORM_PROJECTIONS } from '../reporting.tokens';
import { REPORTING_RUNTIME, type ReportingRuntime } from '../reporting.runtime';
import type { PlatformProjections, PlatformProjectionStatus } from './platform-projections';

/** A projection of a context, in the path. */
export class PlatformProjectionParams {
  @ApiProperty({ description: 'The context that runs it', example: 'help-desk' })
  @IsString()
  @MaxLength(100)
  context!: string;

  @ApiProperty({ description: 'The projection', example: 'help-desk-requests' })
  @IsString()
  @MaxLength(200)
  name!: string;
}

export const PlatformProjectionListSchema = Type.Object(
  { projections: Type.Array(PlatformProjectionSchema) },
  { title: 'PlatformProjectionList' },
);

export const PlatformRebuildStartedSchema = Type.Composite(
  [Type.Object({ context: Type.String() }), ProjectionRebuildStartedSchema],
  { title: 'PlatformProjectionRebuildStarted' },
);
export type PlatformRebuildStarted = Static<typeof PlatformRebuildStartedSchema>;

const NOT_FOUND =
  'No context of that name has projections here (UNKNOWN_PROJECTION_SOURCE), or it has no projection of that name (UNKNOWN_PROJECTION)';

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
  @Operation(
    'listPlatformProjections',
    'List every projection of every context known here, with its position, lag and state.',
  )
  @Answers(200, {
    description:
      'Every projection of every context known here: position, head, lag, last error, state',
    schema: PlatformProjectionListSchema,
  })
  async list(): Promise<{ projections: PlatformProjectionStatus[] }> {
    return { projections: await this.projections.list() };
  }

  @Get(':context/:name')
  @RequirePermission('platform:admin')
  @Operation(
    'getPlatformProjectionStatus',
    "Read the status of one context's projection, and of its rebuild if one runs.",
  )
  @Answers(200, { description: "The projection's status", schema: PlatformProjectionSchema })
  @Refuses({ 404: NOT_FOUND })
  status(@Param() params: PlatformProjectionParams): Promise<PlatformProjectionStatus> {
    return this.projections.status(params.context, params.name);
  }

  /** Builds a new version from zero beside the serving one, which keeps answering; swaps when caught up. */
  @Post(':context/:name/rebuild')
  @HttpCode(202)
  @RequirePermission('platform:admin')
  @Operation(
    'rebuildPlatformProjection',
    "Rebuild a context's projection from zero beside the serving version; swapped in when caught up.",
  )
  @Answers(202, {
    description: 'Rebuild started; follow it in the status (`rebuild`)',
    schema: PlatformRebuildStartedSchema,
  })
  @Refuses({ 404: NOT_FOUND, 409: 'A rebuild of it is already running (REBUILD_IN_PROGRESS)' })
  async rebuild(@Param() params: PlatformProjectionParams): Promise<PlatformRebuildStarted> {
    const { context, name } = params;
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
