import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Answers,
  departmentScope,
  Operation,
  principalOf,
  Refuses,
  RequirePermission,
} from '@sfp/auth';
import { etagOf } from '@sfp/service-kit';
import { serviceRequestStreamId } from '../../../help-desk.context';
import type { EventStore } from '@sfp/event-sourcing';
import { EVENT_STORE } from '@sfp/service-kit';
import { NO_SUCH_REQUEST, RequestIdParams } from '../../../http/request-id.params';
import { ETAG_HEADER } from '../../../http/schema-helpers';
import { RequestDetailSchema } from './request-detail.schema';
import { buildRequestDetail, type RequestDetail } from './request-detail.view';

@ApiTags('help-desk: service requests')
@RequirePermission('records:read')
@Controller('service-requests')
export class RequestDetailController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** Read from the request's own stream: always current, with its full history. */
  @Get(':id')
  @Operation(
    'getServiceRequest',
    'Read a request: as filed, where it stands, its comments and its whole history.',
  )
  @Answers(200, {
    description: 'The request, its current state, its comments and its history (always current)',
    schema: RequestDetailSchema,
    headers: ETAG_HEADER,
  })
  @Refuses({ 404: NO_SUCH_REQUEST })
  async detail(
    @Param() { id }: RequestIdParams,
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
