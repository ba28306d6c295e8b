import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { currentCorrelationId, etagOf, expectedVersionFromIfMatch } from '@sfp/service-kit';
import { HELP_DESK_RUNTIME, type HelpDeskRuntime } from '../../../help-desk.runtime';
import { actorOf, principalOf, RequirePermission } from '@sfp/auth';
import type { ServiceRequestCommand } from '../../domain/service-request.commands';
import {
  AssignRequestDto,
  CancelRequestDto,
  CommentDto,
  RequestReasonDto,
  ReferRequestDto,
  ResolveRequestDto,
  TriageRequestDto,
} from './dto/lifecycle.request.dto';
import { submitCommandOf } from './dto/submit-request.mapping';
import { SubmitRequestDto } from './dto/submit-request.request.dto';
import {
  ExecuteServiceRequestCommand,
  type ServiceRequestCommandResult,
} from './execute-service-request-command';

type Distribute<T> = T extends unknown ? Omit<T, 'at' | 'by'> : never;
type CommandBody = Distribute<ServiceRequestCommand>;

const uuid = new ParseUUIDPipe({ version: '4' });

/** The help desk's commands over HTTP. Each answers with the new version (ETag) and the position of its last event. */
@ApiTags('help-desk: service requests')
@ApiBadRequestResponse({ description: 'Invalid input, with a message per field' })
@RequirePermission('records:write')
@Controller('service-requests')
export class ServiceRequestCommandsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(HELP_DESK_RUNTIME) private readonly runtime: HelpDeskRuntime,
  ) {}

  @Post()
  @ApiCreatedResponse({
    description: 'Submitted; Location and ETag headers point at the new request',
  })
  async submit(
    @Body() dto: SubmitRequestDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestCommandResult> {
    const requestId = randomUUID();
    const result = await this.run(
      requestId,
      req,
      undefined,
      submitCommandOf(dto, requestId, this.runtime.personIdOf),
    );
    res.setHeader('Location', `${req.baseUrl}${req.path}/${requestId}`.replace(/\/+/g, '/'));
    res.setHeader('ETag', etagOf(result.streamVersion));
    return result;
  }

  @Post(':id/triage')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Triaged' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag you saw; a stale one is a 409',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not allowed in the current status, or a stale If-Match' })
  triage(
    @Param('id', uuid) id: string,
    @Body() dto: TriageRequestDto,
    @Req() req: Request,
    @Headers('if-match') ifMatch?: string,
    @Res({ passthrough: true }) res?: Response,
  ) {
    return this.respond(
      res,
      this.run(id, req, ifMatch, {
        type: 'TriageServiceRequest',
        kind: dto.kind,
        ...(dto.globalInitiative ? { globalInitiative: dto.globalInitiative } : {}),
        themes: dto.themes,
        priority: dto.priority,
        ...(dto.note ? { note: dto.note } : {}),
      }),
    );
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  assign(
    @Param('id', uuid) id: string,
    @Body() dto: AssignRequestDto,
    @Req() req: Request,
    @Headers('if-match') ifMatch?: string,
    @Res({ passthrough: true }) res?: Response,
  ) {
    return this.respond(
      res,
      this.run(id, req, ifMatch, { type: 'AssignServiceRequest', assignee: dto.assignee }),
    );
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  start(
    @Param('id', uuid) id: string,
    @Req() req: Request,
    @Headers('if-match') ifMatch?: string,
    @Res({ passthrough: true }) res?: Response,
  ) {
    return this.respond(res, this.run(id, req, ifMatch, { type: 'StartWorkOnServiceRequest' }));
  }

  @Post(':id/refer')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  refer(
    @Param('id', uuid) id: string,
    @Body() dto: ReferRequestDto,
    @Req() req: Request,
    @Headers('if-match') ifMatch?: string,
    @Res({ passthrough: true }) res?: Response,
  ) {
    return this.respond(
      res,
      this.run(id, req, ifMatch, {
        type: 'ReferServiceRequest',
        target: dto.target,
        referredTo: dto.referredTo,
        reason: dto.reason,
      }),
    );
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  resolve(
    @Param('id', uuid) id: string,
    @Body() dto: ResolveRequestDto,
    @Req() req: Request,
    @Headers('if-match') ifMatch?: string,
    @Res({ passthrough: true }) res?: Response,
  ) {
    return this.respond(
      res,
      this.run(id, req, ifMatch, {
        type: 'ResolveServiceRequest',
        answer: dto.answer,
        outputs: dto.outputs,
      }),
    );
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  close(
    @Param('id', uuid) id: string,
    @Req() req: Request,
    @Headers('if-match') ifMatch?: string,
    @Res({ passthrough: true }) res?: Response,
  ) {
    return this.respond(res, this.run(id, req, ifMatch, { type: 'CloseServiceRequest' }));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  reopen(
    @Param('id', uuid) id: string,
    @Body() dto: RequestReasonDto,
    @Req() req: Request,
    @Headers('if-match') ifMatch?: string,
    @Res({ passthrough: true }) res?: Response,
  ) {
    return this.respond(
      res,
      this.run(id, req, ifMatch, { type: 'ReopenServiceRequest', reason: dto.reason }),
    );
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  cancel(
    @Param('id', uuid) id: string,
    @Body() dto: CancelRequestDto,
    @Req() req: Request,
    @Headers('if-match') ifMatch?: string,
    @Res({ passthrough: true }) res?: Response,
  ) {
    return this.respond(
      res,
      this.run(id, req, ifMatch, {
        type: 'CancelServiceRequest',
        cancelledBy: dto.cancelledBy,
        reason: dto.reason,
      }),
    );
  }

  @Post(':id/comments')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: false })
  comment(
    @Param('id', uuid) id: string,
    @Body() dto: CommentDto,
    @Req() req: Request,
    @Headers('if-match') ifMatch?: string,
    @Res({ passthrough: true }) res?: Response,
  ) {
    return this.respond(
      res,
      this.run(id, req, ifMatch, {
        type: 'CommentOnServiceRequest',
        commentId: randomUUID(),
        text: dto.text,
      }),
    );
  }

  private async respond(res: Response | undefined, result: Promise<ServiceRequestCommandResult>) {
    const done = await result;
    res?.setHeader('ETag', etagOf(done.streamVersion));
    return done;
  }

  private run(
    requestId: string,
    req: Request,
    ifMatch: string | undefined,
    body: CommandBody,
  ): Promise<ServiceRequestCommandResult> {
    const actor = actorOf(principalOf(req));
    const command = {
      ...body,
      at: this.runtime.clock().toISOString(),
      by: actor.id,
    } as ServiceRequestCommand;
    return this.commandBus.execute(
      new ExecuteServiceRequestCommand(requestId, command, {
        correlationId: currentCorrelationId() ?? randomUUID(),
        actor,
        expectedVersion: expectedVersionFromIfMatch(ifMatch),
      }),
    );
  }
}
