import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { permissionsOf } from '../access/roles';
import type { Principal } from '../access/principal';
import {
  AllowedDuringPasswordChange,
  Authenticated,
  CurrentPrincipal,
  Public,
} from './access.decorators';
import { AUTH_RUNTIME, type AuthRuntime } from './auth.runtime';
import { ChangePasswordDto, RefreshTokenDto, SignInDto } from './dto/sign-in.dto';

/** Sign-in, token refresh and sign-out; the caller's own profile and password. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AUTH_RUNTIME) private readonly runtime: AuthRuntime) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    description: 'An access token (Bearer, minutes) and a refresh token (days, single use)',
  })
  @ApiResponse({
    status: 429,
    description: 'RATE_LIMITED: too many attempts from this address (Retry-After)',
  })
  signIn(@Body() body: SignInDto, @Req() request: Request) {
    // The connection's address, or the client's behind a proxy named in SFP_TRUSTED_PROXIES (Express `trust proxy`).
    return this.runtime.authentication.signIn(
      body.username,
      body.password,
      request.ip ?? 'unknown',
    );
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  refresh(@Body() body: RefreshTokenDto) {
    return this.runtime.authentication.refresh(body.refreshToken);
  }

  /** Ends the session of this refresh token; its access tokens are refused at once. */
  @Post('sign-out')
  @Public()
  @HttpCode(204)
  async signOut(@Body() body: RefreshTokenDto): Promise<void> {
    await this.runtime.authentication.signOut(body.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @AllowedDuringPasswordChange()
  async me(@CurrentPrincipal() principal: Principal) {
    const user =
      principal.kind === 'person' ? await this.runtime.store.findUser(principal.id) : undefined;
    return {
      ...principal,
      permissions: [...permissionsOf(principal.roles)],
      passwordChangeRequired: user?.passwordChangeRequired ?? false,
      ...(user ? { displayName: user.displayName } : {}),
    };
  }

  @Post('me/password')
  @Authenticated()
  @AllowedDuringPasswordChange()
  @HttpCode(200)
  @ApiOkResponse({ description: 'New tokens; every other session is signed out' })
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto) {
    const user = await this.runtime.administration.changeOwnPassword(
      principal.id,
      body.currentPassword,
      body.newPassword,
    );
    return this.runtime.authentication.issue(user, randomUUID());
  }

  @Post('me/sign-out-everywhere')
  @Authenticated()
  @HttpCode(204)
  async signOutEverywhere(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.runtime.authentication.signOutEverywhere(principal.id);
  }
}
