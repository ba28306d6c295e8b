import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '../access/principal';
import { CurrentPrincipal, RequirePermission } from './access.decorators';
import { AUTH_RUNTIME, type AuthRuntime } from './auth.runtime';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';

/** Administrators manage the people who sign in, and their roles. */
@ApiTags('auth: users')
@RequirePermission('platform:admin')
@Controller('auth/users')
export class UsersController {
  constructor(@Inject(AUTH_RUNTIME) private readonly runtime: AuthRuntime) {}

  @Get()
  list() {
    return this.runtime.administration.listUsers();
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.runtime.administration.getUser(id);
  }

  @Post()
  create(@Body() body: CreateUserDto, @CurrentPrincipal() principal: Principal) {
    return this.runtime.administration.createUser(body, principal);
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.runtime.administration.updateUser(id, body, principal);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  resetPassword(@Param('id') id: string) {
    return this.runtime.administration.resetPassword(id);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  unlock(@Param('id') id: string) {
    return this.runtime.administration.unlock(id);
  }
}
