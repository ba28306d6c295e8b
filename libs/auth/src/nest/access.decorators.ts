import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Permission } from '../access/roles';
import type { Principal } from '../access/principal';

export const PERMISSION_METADATA = 'sfp:auth:permission';
export const PUBLIC_METADATA = 'sfp:auth:public';

/**
 * Declares the permission an endpoint (or every endpoint of a controller)
 * needs. The guard refuses every route that declares neither this nor
 * `@Public()`: default deny. The OpenAPI document shows the same
 * declarations (`applyRouteSecurity`: `security`, `x-permissions`, `x-public`).
 */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(PERMISSION_METADATA, permission);

/** The endpoint answers without credentials (health, sign-in). */
export const Public = () => SetMetadata(PUBLIC_METADATA, true);

export const AUTHENTICATED_METADATA = 'sfp:auth:authenticated';
export const DURING_PASSWORD_CHANGE_METADATA = 'sfp:auth:during-password-change';

/** Any authenticated principal may call it (its own profile, signing out). */
export const Authenticated = () => SetMetadata(AUTHENTICATED_METADATA, true);

/** Also answers a user who must first change a one-time password. */
export const AllowedDuringPasswordChange = () => SetMetadata(DURING_PASSWORD_CHANGE_METADATA, true);

/** The authenticated principal the guard put on the request. */
export function principalOf(request: Request): Principal {
  const principal = (request as Request & { principal?: Principal }).principal;
  if (!principal)
    throw new Error('No authenticated principal on this request: is the route @Public()?');
  return principal;
}

/** Parameter decorator: the authenticated principal of the request. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    principalOf(context.switchToHttp().getRequest<Request>()),
);
