import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Req,
  Res,
} from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { departmentScope, principalOf, RequirePermission } from '@sfp/auth';
import { etagOf } from '@sfp/service-kit';
import { serviceRequestStreamId } from '../../../help-desk.context';
import type { EventStore } from '@sfp/event-sourcing';
import { EVENT_STORE } from '@sfp/service-kit';
import { buildRequestDetail, type RequestDetail } from './request-detail.view';

@ApiTags('help-desk: service requests')
@RequirePermission('records:read')
@Controller('service-requests')
export class RequestDetailController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** Read from the request's own stream: always current, with its full history. */
  @Get(':id')
  @ApiOkResponse({
    description: 'The request, its current state and its history; ETag = its version',
  })
  @ApiNotFoundResponse()
  async detail(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RequestDetail> {
    const events = await this.events.readStream(serviceRequestStreamId(id));
    const detail = buildRequestDetail(events);
    const scope = departmentScope(principalOf(req));
    if (!detail || (scope !== undefined && detail.department !== scope)) {
      throw new NotFoundException({
        statusCode: 404,
        code: 'SERVICE_REQUEST_NOT_FOUND',
        message: `Service request ${id} does not exist`,
      });
    }
    res.setHeader('ETag', etagOf(detail.streamVersion));
    return detail;
  }
}
