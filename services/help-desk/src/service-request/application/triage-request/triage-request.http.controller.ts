import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { REQUEST_ID, ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';
import { triageRequestCommandOf } from './triage-request.command';
import { TriageRequestDto } from './triage-request.request.dto';

/** POST /service-requests/:id/triage */
@ServiceRequestCommandController()
export class TriageRequestController {
  constructor(private readonly requests: ServiceRequests) {}

  @Post(':id/triage')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Triaged; the request now has its kind, themes and priority' })
  @ApiNotFoundResponse()
  @VersionedCommandRoute()
  triage(
    @Param('id', REQUEST_ID) id: string,
    @Body() dto: TriageRequestDto,
    @HttpCommandContext() context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.requests.run(id, triageRequestCommandOf(dto), context);
  }
}
