import { HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { REQUEST_ID, ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';

/** POST /service-requests/:id/close */
@ServiceRequestCommandController()
export class CloseRequestController {
  constructor(private readonly requests: ServiceRequests) {}

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Closed' })
  @ApiNotFoundResponse()
  @VersionedCommandRoute()
  close(
    @Param('id', REQUEST_ID) id: string,
    @HttpCommandContext() context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.requests.run(id, { type: 'CloseServiceRequest' }, context);
  }
}
