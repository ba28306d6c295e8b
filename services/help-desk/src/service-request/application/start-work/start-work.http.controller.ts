import { HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { REQUEST_ID, ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';

/** POST /service-requests/:id/start */
@ServiceRequestCommandController()
export class StartWorkController {
  constructor(private readonly requests: ServiceRequests) {}

  @Post(':id/start')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Work started' })
  @ApiNotFoundResponse()
  @VersionedCommandRoute()
  start(
    @Param('id', REQUEST_ID) id: string,
    @HttpCommandContext() context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.requests.run(id, { type: 'StartWorkOnServiceRequest' }, context);
  }
}
