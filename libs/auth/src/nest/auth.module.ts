import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuthController } from './auth.http.controller';
import { AuthGuard } from './auth.guard';
import { AUTH_RUNTIME, type AuthRuntime } from './auth.runtime';
import { ClientsController } from './clients.http.controller';
import { UsersController } from './users.http.controller';

/**
 * Authentication and access for a whole HTTP host: registers the guard
 * globally (every route of every module), and the /auth endpoints. Mount it
 * under /api with RouterModule.
 */
@Module({})
export class AuthModule {
  static register(
    runtime: AuthRuntime,
    options: { identityEndpoints?: boolean } = {},
  ): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [DiscoveryModule],
      controllers:
        options.identityEndpoints === false
          ? []
          : [AuthController, UsersController, ClientsController],
      providers: [
        { provide: AUTH_RUNTIME, useValue: runtime },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_RUNTIME],
    };
  }
}
