import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { grants, type Permission } from '../access/roles';
import type { Principal } from '../access/principal';
import { AuthError } from '../service/auth-errors';
import type { AuthenticationResult } from '../service/authentication.service';
import {
  AUTHENTICATED_METADATA,
  DURING_PASSWORD_CHANGE_METADATA,
  PERMISSION_METADATA,
  PUBLIC_METADATA,
} from './access.decorators';
import { AUTH_RUNTIME, type AuthRuntime } from './auth.runtime';

/**
 * The platform's one guard, registered globally: authenticates the request
 * (bearer token or API key), then checks the permission the route declares.
 * Default deny: a route that declares no permission is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_RUNTIME) private readonly runtime: AuthRuntime,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const read = <T>(key: string) => this.reflector.getAllAndOverride<T | undefined>(key, targets);
    if (read<boolean>(PUBLIC_METADATA)) return true;

    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const authenticated = await this.authenticate(request);
    request.principal = authenticated.principal;

    if (authenticated.passwordChangeRequired && !read<boolean>(DURING_PASSWORD_CHANGE_METADATA)) {
      throw new AuthError(
        'PASSWORD_CHANGE_REQUIRED',
        'Change your one-time password first (POST /api/auth/me/password)',
      );
    }
    const permission = read<Permission>(PERMISSION_METADATA);
    if (permission) {
      if (!grants(authenticated.principal.roles, permission)) {
        throw new AuthError(
          'FORBIDDEN',
          `This needs the permission "${permission}", which your roles do not give`,
        );
      }
      return true;
    }
    if (read<boolean>(AUTHENTICATED_METADATA)) return true;
    throw new AuthError(
      'FORBIDDEN',
      'This endpoint declares no permission, so it is refused to everyone',
    );
  }

  private authenticate(request: Request): Promise<AuthenticationResult> {
    const authorization = request.headers.authorization;
    const apiKeyHeader = request.headers['x-api-key'];
    const apiKey = Array.isArray(apiKeyHeader) ? apiKeyHeader[0] : apiKeyHeader;
    if (authorization) {
      const [scheme, value] = authorization.split(' ', 2);
      if (scheme?.toLowerCase() === 'bearer' && value)
        return this.runtime.authentication.authenticateBearer(value.trim());
      if (scheme?.toLowerCase() === 'apikey' && value)
        return this.runtime.authentication.authenticateApiKey(value.trim());
      throw new AuthError(
        'AUTHENTICATION_REQUIRED',
        'The Authorization header must be "Bearer <token>" or "ApiKey <key>"',
      );
    }
    if (apiKey) return this.runtime.authentication.authenticateApiKey(apiKey.trim());
    throw new AuthError(
      'AUTHENTICATION_REQUIRED',
      'Sign in first (POST /api/auth/sign-in) and send "Authorization: Bearer <token>", or send an API key in X-API-Key',
    );
  }
}
