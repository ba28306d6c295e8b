import {
  Body,
  Controller,
  Get,
  GoneException,
  HttpCode,
  Inject,
  Param,
  Post,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Answers, Operation, Public, Refuses } from '@sfp/auth';
import type { Actor, EventStore, RecordedEvent } from '@sfp/event-sourcing';
import { EVENT_STORE } from '@sfp/service-kit';
import { serviceRequestStreamId } from '../help-desk.context';
import { RequesterMailer } from '../notifications/requester-mailer';
import { ServiceRequestCommandResultSchema } from '../service-request/application/service-request.answers';
import {
  ServiceRequests,
  type ServiceRequestCommandBody,
  type ServiceRequestCommandResult,
} from '../service-request/application/service-requests';
import type { ServiceRequestSubmittedData } from '../service-request/domain/service-request.events';
import { requesterLinkClaims } from './requester-link';
import { RequesterReplyDto, RequesterTokenParams, SatisfactionDto } from './requester.request.dto';
import { RequesterViewSchema } from './requester.schema';
import { buildRequesterView, type RequesterView } from './requester.view';

const BAD_LINK = 'The link is not a valid requester link (code REQUESTER_LINK_INVALID)';
const EXPIRED_LINK =
  'The link has expired (code REQUESTER_LINK_EXPIRED): ask the help desk for a new one';
const BAD_TOKEN = 'The token is not shaped like a requester link';

/**
 * The requester's own routes, without an account: their signed link (from
 * their mail) opens their one request, its status and public thread; they
 * reply, and rate their satisfaction once after resolution.
 */
@ApiTags('help-desk: requester')
@Controller('requester')
export class RequesterController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly requests: ServiceRequests,
    private readonly mailer: RequesterMailer,
  ) {}

  @Get(':token')
  @Public()
  @Operation(
    'getRequesterView',
    'Read a request through the requester’s signed link: its status and public thread.',
    'Public: the link is the credential. Internal notes and staff names are never shown.',
  )
  @Answers(200, {
    description: 'The request as its requester sees it',
    schema: RequesterViewSchema,
  })
  @Refuses({ 400: BAD_TOKEN, 401: BAD_LINK, 410: EXPIRED_LINK })
  async view(@Param() { token }: RequesterTokenParams): Promise<RequesterView> {
    const { recorded, expiresAt } = await this.opened(token);
    return buildRequesterView(recorded, expiresAt) as RequesterView;
  }

  @Post(':token/replies')
  @Public()
  @HttpCode(201)
  @Operation(
    'replyAsRequester',
    'The requester replies through their signed link: a public reply on the request’s timeline.',
  )
  @Answers(201, {
    description: 'Reply recorded on the request: its new version',
    schema: ServiceRequestCommandResultSchema,
  })
  @Refuses({
    400: 'The text is missing or too long, or the token is not shaped like a link',
    401: BAD_LINK,
    409: 'The request is closed or cancelled (code ILLEGAL_TRANSITION)',
    410: EXPIRED_LINK,
  })
  async reply(
    @Param() { token }: RequesterTokenParams,
    @Body() dto: RequesterReplyDto,
  ): Promise<ServiceRequestCommandResult> {
    return this.run(token, {
      type: 'CommentOnServiceRequest',
      commentId: randomUUID(),
      text: dto.text,
      visibility: 'public',
      fromRequester: true,
    });
  }

  @Post(':token/satisfaction')
  @Public()
  @HttpCode(201)
  @Operation(
    'rateSatisfactionAsRequester',
    'The requester rates their satisfaction (1–5, with a comment) once their request is resolved: once.',
  )
  @Answers(201, {
    description: 'Satisfaction recorded on the request: its new version',
    schema: ServiceRequestCommandResultSchema,
  })
  @Refuses({
    400: 'The rating is not a whole number from 1 to 5, the comment is too long, or the token is not shaped like a link',
    401: BAD_LINK,
    409: 'The request is not resolved (code ILLEGAL_TRANSITION), or the requester already rated it (code SATISFACTION_ALREADY_RATED)',
    410: EXPIRED_LINK,
  })
  async rate(
    @Param() { token }: RequesterTokenParams,
    @Body() dto: SatisfactionDto,
  ): Promise<ServiceRequestCommandResult> {
    return this.run(token, {
      type: 'RateServiceRequestSatisfaction',
      rating: dto.rating,
      ...(dto.comment ? { comment: dto.comment } : {}),
    });
  }

  private async run(token: string, command: ServiceRequestCommandBody) {
    const { requestId, personId } = await this.opened(token);
    const actor: Actor = { kind: 'person', id: `requester:${personId}` };
    return this.requests.run(requestId, command, { correlationId: randomUUID(), actor });
  }

  /** The request the link opens, once its signature (over the requester's e-mail as recorded) and expiry check. */
  private async opened(token: string): Promise<{
    requestId: string;
    personId: string;
    recorded: RecordedEvent[];
    expiresAt: Date;
  }> {
    const claims = requesterLinkClaims(token);
    const recorded = claims
      ? await this.events.readStream(serviceRequestStreamId(claims.requestId))
      : [];
    const [filed] = recorded;
    if (!claims || filed?.type !== 'help-desk.ServiceRequestSubmitted') throw invalidLink();
    const { requester } = filed.data as ServiceRequestSubmittedData;
    const check = this.mailer.verify(token, requester.email);
    if (!check.valid && check.reason === 'expired')
      throw new GoneException({
        statusCode: 410,
        code: 'REQUESTER_LINK_EXPIRED',
        message: 'This link has expired: ask the help desk for a new one',
      });
    if (!check.valid) throw invalidLink();
    return {
      requestId: claims.requestId,
      personId: requester.personId,
      recorded,
      expiresAt: new Date(claims.expiresAt * 1000),
    };
  }
}

function invalidLink(): UnauthorizedException {
  return new UnauthorizedException({
    statusCode: 401,
    code: 'REQUESTER_LINK_INVALID',
    message: 'This link is not valid',
  });
}
