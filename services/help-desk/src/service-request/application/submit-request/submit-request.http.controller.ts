import { randomUUID } from 'node:crypto';
import { Body, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CommandContext } from '@sfp/event-sourcing';
import {
  CreatingCommandRoute,
  HttpCommandContext,
  PERSON_ID_OF,
  type PersonIdOf,
} from '@sfp/service-kit';
import { ServiceRequestCommandController } from '../service-request.command-routes';
import { ServiceRequests, type ServiceRequestCommandResult } from '../service-requests';
import { submitCommandOf } from './submit-request.command';
import { SubmitRequestDto } from './submit-request.request.dto';

/** POST /service-requests: a unit, department, regional office or constituent files a request. */
@ServiceRequestCommandController()
export class SubmitRequestController {
  constructor(
    private readonly requests: ServiceRequests,
    @Inject(PERSON_ID_OF) private readonly personIdOf: PersonIdOf,
  ) {}

  @Post()
  @ApiCreatedResponse({
    description: 'Submitted; Location and ETag headers point at the new request',
  })
  @CreatingCommandRoute()
  async submit(
    @Body() dto: SubmitRequestDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestCommandResult> {
    const requestId = randomUUID();
    const result = await this.requests.run(
      requestId,
      submitCommandOf(dto, requestId, this.personIdOf),
      context,
    );
    res.setHeader('Location', `${req.baseUrl}${req.path}/${requestId}`.replace(/\/+/g, '/'));
    return result;
  }
}
