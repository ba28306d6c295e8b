import { randomUUID } from 'node:crypto';
import { Body, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Answers, Operation } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import {
  CreatingCommandRoute,
  HttpCommandContext,
  PERSON_ID_OF,
  type PersonIdOf,
} from '@sfp/service-kit';
import { ETAG_HEADER } from '../../../http/schema-helpers';
import { ServiceRequestCommandResultSchema } from '../service-request.answers';
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
  @Operation(
    'submitServiceRequest',
    'File a service request for a unit, department, regional office or constituent.',
  )
  @Answers(201, {
    description:
      'Submitted: the new request’s id, version and the position of its event (its due date follows from its priority)',
    schema: ServiceRequestCommandResultSchema,
    headers: {
      Location: { description: 'The new request: /api/help-desk/service-requests/{requestId}' },
      ...ETAG_HEADER,
    },
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
