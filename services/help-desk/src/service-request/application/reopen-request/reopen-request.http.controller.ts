import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { REQUEST_ID, ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';
import { reopenRequestCommandOf } from './reopen-request.command';
import { RequestReasonDto } from './reopen-request.request.dto';

/** POST /service-requests/:id/reopen */
@ServiceRequestCommandController()
export class ReopenRequestController {
  constructor(private readonly requests: ServiceRequests) {}

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Reopened' })
  @ApiNotFoundResponse()
  @VersionedCommandRoute()
  reopen(
    @Param('id', REQUEST_ID) id: string,
    @Body() dto: RequestReasonDto,
    @HttpCommandContext() context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.requests.run(id, reopenRequestCommandOf(dto), context);
  }
}
