import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { REQUEST_ID, ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';
import { resolveRequestCommandOf } from './resolve-request.command';
import { ResolveRequestDto } from './resolve-request.request.dto';

/** POST /service-requests/:id/resolve */
@ServiceRequestCommandController()
export class ResolveRequestController {
  constructor(private readonly requests: ServiceRequests) {}

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Resolved with an answer and its outputs' })
  @ApiNotFoundResponse()
  @VersionedCommandRoute()
  resolve(
    @Param('id', REQUEST_ID) id: string,
    @Body() dto: ResolveRequestDto,
    @HttpCommandContext() context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.requests.run(id, resolveRequestCommandOf(dto), context);
  }
}
