import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { permissionsOf } from '../access/roles';
import type { Principal } from '../access/principal';
import { Answers, Operation, Refuses } from '../openapi/operation.decorators';
import type { SignedIn } from '../service/authentication.service';
import {
  AllowedDuringPasswordChange,
  Authenticated,
  CurrentPrincipal,
  Public,
} from './access.decorators';
import {
  CurrentUserSchema,
  SignedInSchema,
  type CurrentUserAnswer,
} from './answers/session.answers';
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
  @Operation('signIn', 'Sign in with a user name and password.')
  @Answers(200, {
    description:
      'Signed in: an access token (Bearer, minutes) and a refresh token (days, single use)',
    schema: SignedInSchema,
  })
  @Refuses({
    401: 'INVALID_CREDENTIALS: the user name or password is wrong, the account is disabled, or too many attempts failed for this user name from this address (then with Retry-After: the seconds before the next attempt is even checked). The same answer whatever the reason.',
    429: 'RATE_LIMITED: too many sign-in attempts from this address (Retry-After: the seconds to wait)',
  })
  signIn(@Body() body: SignInDto, @Req() request: Request): Promise<SignedIn> {
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
  @Operation(
    'refreshSession',
    'Exchange a refresh token for a new access token and refresh token.',
    'The refresh token is single use: the answer carries its successor. A token used twice ends every session of its user.',
  )
  @Answers(200, {
    description: 'A new access token and a new refresh token (the one sent is spent)',
    schema: SignedInSchema,
  })
  @Refuses({
    401: 'TOKEN_REJECTED: the refresh token is not valid, has expired, or was already used or revoked (then every session of its user is closed), or the account is disabled',
  })
  refresh(@Body() body: RefreshTokenDto): Promise<SignedIn> {
    return this.runtime.authentication.refresh(body.refreshToken);
  }

  /** Ends the session of this refresh token; its access tokens are refused at once. */
  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @Operation(
    'signOut',
    'End the session of a refresh token.',
    'The refresh token is revoked and the access tokens of its session are refused at once.',
  )
  @Answers(204, { description: 'Signed out: the session’s tokens are refused from now on' })
  @Refuses({ 401: 'TOKEN_REJECTED: the refresh token is not valid' })
  async signOut(@Body() body: RefreshTokenDto): Promise<void> {
    await this.runtime.authentication.signOut(body.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @AllowedDuringPasswordChange()
  @Operation('getCurrentUser', 'Who the caller is, and what their roles allow.')
  @Answers(200, { description: 'The caller', schema: CurrentUserSchema })
  async me(@CurrentPrincipal() principal: Principal): Promise<CurrentUserAnswer> {
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
  @Operation(
    'changeOwnPassword',
    'Change your own password.',
    'Every other session of the caller ends; the answer carries the tokens of a new one. A one-time password must be changed this way before any other call. A new password that is too short, too simple, contains the user name or equals the current one is refused with 400 WEAK_PASSWORD.',
  )
  @Answers(200, {
    description: 'New tokens; every other session is signed out',
    schema: SignedInSchema,
  })
  @Refuses({
    401: 'INVALID_CREDENTIALS: the current password is wrong',
    404: 'UNKNOWN_USER: the caller has no password here (an integration client, or a person signed in through OpenID Connect)',
  })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
  ): Promise<SignedIn> {
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
  @Operation(
    'signOutEverywhere',
    'End every session of the caller.',
    'Every access and refresh token of the caller issued so far is refused from now on, this one included.',
  )
  @Answers(204, { description: 'Every session of the caller is signed out' })
  async signOutEverywhere(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.runtime.authentication.signOutEverywhere(principal.id);
  }
}
