import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { REQUEST_ID, ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';
import { cancelRequestCommandOf } from './cancel-request.command';
import { CancelRequestDto } from './cancel-request.request.dto';

/** POST /service-requests/:id/cancel */
@ServiceRequestCommandController()
export class CancelRequestController {
  constructor(private readonly requests: ServiceRequests) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Cancelled' })
  @ApiNotFoundResponse()
  @VersionedCommandRoute()
  cancel(
    @Param('id', REQUEST_ID) id: string,
    @Body() dto: CancelRequestDto,
    @HttpCommandContext() context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.requests.run(id, cancelRequestCommandOf(dto), context);
  }
}
