import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext, VersionedCommandRoute } from '@sfp/service-kit';
import { REQUEST_ID, ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';
import { commentCommandOf } from './comment-on-request.command';
import { CommentDto } from './comment-on-request.request.dto';

/** POST /service-requests/:id/comments */
@ServiceRequestCommandController()
export class CommentOnRequestController {
  constructor(private readonly requests: ServiceRequests) {}

  @Post(':id/comments')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'Comment added to the request' })
  @ApiNotFoundResponse()
  @VersionedCommandRoute()
  comment(
    @Param('id', REQUEST_ID) id: string,
    @Body() dto: CommentDto,
    @HttpCommandContext() context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.requests.run(id, commentCommandOf(dto, randomUUID()), context);
  }
}
