import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { REQUEST_ID, ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';
import { assignRequestCommandOf } from './assign-request.command';
import { AssignRequestDto } from './assign-request.request.dto';

/** POST /service-requests/:id/assign */
@ServiceRequestCommandController()
export class AssignRequestController {
  constructor(private readonly requests: ServiceRequests) {}

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Assigned to the staff member' })
  @ApiNotFoundResponse()
  @VersionedCommandRoute()
  assign(
    @Param('id', REQUEST_ID) id: string,
    @Body() dto: AssignRequestDto,
    @HttpCommandContext() context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.requests.run(id, assignRequestCommandOf(dto), context);
  }
}
