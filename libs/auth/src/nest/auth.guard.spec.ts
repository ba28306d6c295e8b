import 'reflect-metadata';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SYSTEM_PRINCIPAL } from '../access/principal';
import { SqliteIdentityStore } from '../identity/sqlite/sqlite-identity-store';
import { createAuthRuntime } from '../service/auth-runtime.factory';
import { AuthError, AUTH_ERROR_STATUSES } from '../service/auth-errors';
import { DEFAULT_AUTH_SETTINGS } from '../service/auth-settings';
import { Authenticated, Public, RequirePermission } from './access.decorators';
import { AuthModule } from './auth.module';
import { listRouteAccess } from './route-access';

@Controller('things')
class ThingsController {
  @Get('open')
  @Public()
  open() {
    return { ok: true };
  }

  @Get('mine')
  @Authenticated()
  mine() {
    return { ok: true };
  }

  @Get('report')
  @RequirePermission('reports:read')
  report() {
    return { ok: true };
  }

  /** Declares nothing: must be refused to everyone, administrators included. */
  @Get('forgotten')
  forgotten() {
    return { ok: true };
  }
}

describe('AuthGuard (default deny)', () => {
  let app: INestApplication;
  let url: string;
  const store = new SqliteIdentityStore({ filename: ':memory:' });
  const runtime = createAuthRuntime({
    store,
    tokenSecret: 'guard-test-secret-of-32-bytes-or-more',
    settings: DEFAULT_AUTH_SETTINGS,
  });
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [AuthModule.register(runtime, { identityEndpoints: false })],
      controllers: [ThingsController],
    }).compile();
    app = module.createNestApplication({ logger: false });
    // The error body of the platform, reduced: the guard throws AuthError with a code.
    app.useGlobalFilters({
      catch(error: unknown, host: import('@nestjs/common').ArgumentsHost) {
        const response = host.switchToHttp().getResponse<import('express').Response>();
        const code = error instanceof AuthError ? error.code : 'OTHER';
        response.status(AUTH_ERROR_STATUSES[code] ?? 500).json({ code });
      },
    });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    for (const [username, roles] of [
      ['root', ['administrator']],
      ['ana', ['analyst']],
    ] as const) {
      await runtime.administration.createUser(
        { username, displayName: username, roles: [...roles], password: 'guard test phrase' },
        SYSTEM_PRINCIPAL,
      );
      const { accessToken } = await runtime.authentication.signIn(
        username,
        'guard test phrase',
        'test',
      );
      headers[username] = { authorization: `Bearer ${accessToken}` };
    }
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const status = async (path: string, h: Record<string, string> = {}) =>
    (await fetch(`${url}/things/${path}`, { headers: h })).status;

  it('lets public routes through and asks everything else for credentials', async () => {
    expect(await status('open')).toBe(200);
    for (const path of ['mine', 'report', 'forgotten']) expect(await status(path)).toBe(401);
  });

  it('checks the declared permission, and refuses a route that declares none even to an administrator', async () => {
    expect(await status('mine', headers['ana'])).toBe(200);
    expect(await status('report', headers['ana'])).toBe(200);
    expect(await status('report', headers['root'])).toBe(200);
    expect(await status('forgotten', headers['root'])).toBe(403);
    expect(await status('forgotten', headers['ana'])).toBe(403);
  });

  it('lists each route with its declared access', () => {
    expect(
      listRouteAccess(app)
        .map((r) => `${r.method} ${r.path} ${r.access ?? 'NONE'}`)
        .sort(),
    ).toEqual([
      'GET /things/forgotten NONE',
      'GET /things/mine authenticated',
      'GET /things/open public',
      'GET /things/report reports:read',
    ]);
  });
});
