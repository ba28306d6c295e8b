import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '../access/principal';
import { CurrentPrincipal, RequirePermission } from './access.decorators';
import { AUTH_RUNTIME, type AuthRuntime } from './auth.runtime';
import { CreateClientDto, IssueApiKeyDto, UpdateClientDto } from './dto/client.dto';

/** Administrators manage departments' integration clients and their API keys. */
@ApiTags('auth: integration clients')
@RequirePermission('platform:admin')
@Controller('auth/clients')
export class ClientsController {
  constructor(@Inject(AUTH_RUNTIME) private readonly runtime: AuthRuntime) {}

  @Get()
  list() {
    return this.runtime.administration.listClients();
  }

  @Post()
  create(@Body() body: CreateClientDto, @CurrentPrincipal() principal: Principal) {
    return this.runtime.administration.createClient(body, principal);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateClientDto) {
    return this.runtime.administration.setClientDisabled(id, body.disabled);
  }

  @Get(':id/keys')
  keys(@Param('id') id: string) {
    return this.runtime.administration.listKeys(id);
  }

  /** The key is in this answer only: store it in the department's system now. */
  @Post(':id/keys')
  issueKey(
    @Param('id') id: string,
    @Body() body: IssueApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.runtime.administration.issueKey(
      id,
      { label: body.label, expiresInDays: body.expiresInDays ?? 90 },
      principal,
    );
  }

  @Post(':id/keys/:keyId/revoke')
  @HttpCode(200)
  revokeKey(
    @Param('id') id: string,
    @Param('keyId') keyId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.runtime.administration.revokeKey(id, keyId, principal);
  }
}
