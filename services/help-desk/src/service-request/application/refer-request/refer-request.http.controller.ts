import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { REQUEST_ID, ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';
import { referRequestCommandOf } from './refer-request.command';
import { ReferRequestDto } from './refer-request.request.dto';

/** POST /service-requests/:id/refer */
@ServiceRequestCommandController()
export class ReferRequestController {
  constructor(private readonly requests: ServiceRequests) {}

  @Post(':id/refer')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Referred to another unit or organisation' })
  @ApiNotFoundResponse()
  @VersionedCommandRoute()
  refer(
    @Param('id', REQUEST_ID) id: string,
    @Body() dto: ReferRequestDto,
    @HttpCommandContext() context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.requests.run(id, referRequestCommandOf(dto), context);
  }
}
