import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '../access/principal';
import type { ClientRecord } from '../identity/identity-records';
import { Answers, Operation, Refuses } from '../openapi/operation.decorators';
import type { ApiKeyView } from '../service/identity-administration.service';
import { CurrentPrincipal, RequirePermission } from './access.decorators';
import {
  ApiKeyListSchema,
  ApiKeySchema,
  ClientListSchema,
  ClientSchema,
  IssuedApiKeySchema,
} from './answers/identity-administration.answers';
import { AUTH_RUNTIME, type AuthRuntime } from './auth.runtime';
import {
  ClientIdParams,
  ClientKeyParams,
  CreateClientDto,
  IssueApiKeyDto,
  UpdateClientDto,
} from './dto/client.dto';

const UNKNOWN_CLIENT = 'UNKNOWN_CLIENT: no integration client has this id';

/** Administrators manage departments' integration clients and their API keys. */
@ApiTags('auth: integration clients')
@RequirePermission('platform:admin')
@Controller('auth/clients')
export class ClientsController {
  constructor(@Inject(AUTH_RUNTIME) private readonly runtime: AuthRuntime) {}

  @Get()
  @Operation('listIntegrationClients', 'List the integration clients, by name.')
  @Answers(200, {
    description: 'Every integration client, by name',
    schema: ClientListSchema,
  })
  list(): Promise<ClientRecord[]> {
    return this.runtime.administration.listClients();
  }

  @Post()
  @Operation(
    'createIntegrationClient',
    'Register a department’s system as an integration client.',
    'The client has no API key yet: issue one with `POST /api/auth/clients/{id}/keys` (the key is shown in that answer only).',
  )
  @Answers(201, { description: 'The integration client is created', schema: ClientSchema })
  @Refuses({ 409: 'NAME_TAKEN: an integration client already has this name' })
  create(
    @Body() body: CreateClientDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClientRecord> {
    return this.runtime.administration.createClient(body, principal);
  }

  @Patch(':id')
  @Operation(
    'updateIntegrationClient',
    'Disable or enable an integration client.',
    'The API keys of a disabled client are refused until it is enabled again.',
  )
  @Answers(200, { description: 'The integration client as changed', schema: ClientSchema })
  @Refuses({ 404: UNKNOWN_CLIENT })
  update(@Param() params: ClientIdParams, @Body() body: UpdateClientDto): Promise<ClientRecord> {
    return this.runtime.administration.setClientDisabled(params.id, body.disabled);
  }

  @Get(':id/keys')
  @Operation('listClientKeys', 'List the API keys of an integration client (never their secret).')
  @Answers(200, {
    description: 'The client’s API keys, oldest first',
    schema: ApiKeyListSchema,
  })
  @Refuses({ 404: UNKNOWN_CLIENT })
  keys(@Param() params: ClientIdParams): Promise<ApiKeyView[]> {
    return this.runtime.administration.listKeys(params.id);
  }

  /** The key is in this answer only: store it in the department's system now. */
  @Post(':id/keys')
  @Operation(
    'issueClientKey',
    'Issue an API key to an integration client.',
    'The key (`apiKey`) is in this answer only: store it in the department’s system now; keep `key.id` to revoke it. A key lives `expiresInDays` days (90 unless given), at most as many as the platform allows (else 400 INVALID_INPUT).',
  )
  @Answers(201, {
    description: 'The new API key: `apiKey` is shown once, in this answer only',
    schema: IssuedApiKeySchema,
  })
  @Refuses({ 404: UNKNOWN_CLIENT })
  issueKey(
    @Param() params: ClientIdParams,
    @Body() body: IssueApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.runtime.administration.issueKey(
      params.id,
      { label: body.label, expiresInDays: body.expiresInDays ?? 90 },
      principal,
    );
  }

  @Post(':id/keys/:keyId/revoke')
  @HttpCode(200)
  @Operation(
    'revokeClientKey',
    'Revoke an API key of an integration client.',
    'Calls with the key are refused from now on. Revoking a revoked key answers it unchanged.',
  )
  @Answers(200, { description: 'The key, revoked', schema: ApiKeySchema })
  @Refuses({ 404: 'UNKNOWN_KEY: the integration client has no API key with this id' })
  revokeKey(
    @Param() params: ClientKeyParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiKeyView> {
    return this.runtime.administration.revokeKey(params.id, params.keyId, principal);
  }
}
