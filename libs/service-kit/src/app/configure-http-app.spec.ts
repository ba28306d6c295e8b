import 'reflect-metadata';
import { Body, Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../logging/logger';
import { ServiceMetrics } from '../metrics/service-metrics';
import { configureHttpApp, maxBodyDepthOf } from './configure-http-app';

class RequesterDto {
  @IsString()
  @MaxLength(100)
  name!: string;
}

class FilingDto {
  @IsString()
  @MaxLength(100)
  title!: string;

  @IsInt()
  count!: number;

  @ValidateNested()
  @Type(() => RequesterDto)
  requester!: RequesterDto;
}

@Controller('api/things')
class ThingsController {
  @Post()
  file(@Body() dto: FilingDto) {
    return { title: dto.title };
  }

  @Get('broken')
  broken() {
    throw new Error('a bug with an internal detail');
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

/** The answer is a problem document (RFC 9457) with this status. */
function expectProblem(answer: request.Response, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
}

const nested = (depth: number) => '{"title":' + '['.repeat(depth) + ']'.repeat(depth) + '}';

describe('configureHttpApp: what every host answers the same way', () => {
  let app: INestApplication;
  const logLines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ThingsModule] }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    configureHttpApp(app, {
      title: 'test',
      description: 'test',
      errorStatuses: {},
      logger: createLogger(
        'test',
        'info',
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            for (const line of chunk.toString().split('\n').filter(Boolean))
              logLines.push(JSON.parse(line));
            done();
          },
        }),
      ),
      metrics: new ServiceMetrics(),
    });
    await app.init();
  });
  afterAll(() => app.close());

  const post = (body: string) =>
    request(app.getHttpServer())
      .post('/api/things')
      .set('content-type', 'application/json')
      .send(body);

  it('answers a body nested thousands of levels deep with a 400 problem document, and stays healthy', async () => {
    for (const depth of [33, 5_000, 50_000]) {
      const answer = await post(nested(depth));
      expectProblem(answer, 400);
      expect(answer.body).toMatchObject({
        type: 'urn:sfp:problem:body-too-deep',
        title: 'Body too deep',
        status: 400,
        code: 'BODY_TOO_DEEP',
        detail: 'The body is nested deeper than 32 levels of objects and arrays',
        instance: '/api/things',
        details: { maxDepth: 32 },
      });
    }
    const fine = await post(
      JSON.stringify({ title: 'Guarantee fund', count: 1, requester: { name: 'Amina' } }),
    );
    expect(fine.status).toBe(201);
  });

  it('answers wrong JSON types with one short message per field and its JSON pointer (RFC 9457)', async () => {
    const answer = await post(
      JSON.stringify({ title: 12, count: '3', requester: { name: ['x'] } }),
    );
    expectProblem(answer, 400);
    expect(answer.body).toEqual({
      type: 'urn:sfp:problem:validation-failed',
      title: 'Validation failed',
      status: 400,
      detail:
        'The request is invalid: title expected a string, got a number; count expected a whole number, got a string; requester.name expected a string, got an array',
      instance: '/api/things',
      code: 'VALIDATION_FAILED',
      correlationId: expect.any(String),
      fieldErrors: [
        { field: 'title', pointer: '/title', messages: ['expected a string, got a number'] },
        { field: 'count', pointer: '/count', messages: ['expected a whole number, got a string'] },
        {
          field: 'requester.name',
          pointer: '/requester/name',
          messages: ['expected a string, got an array'],
        },
      ],
    });
  });

  it('answers malformed JSON and unexpected errors as problem documents that tell nothing internal', async () => {
    const malformed = await post('{"title":');
    expectProblem(malformed, 400);
    expect(malformed.body).toMatchObject({
      status: 400,
      code: 'MALFORMED_JSON',
      type: 'urn:sfp:problem:malformed-json',
    });

    const broken = await request(app.getHttpServer()).get('/api/things/broken');
    expect(broken.status).toBe(500);
    expect(broken.body).toMatchObject({
      status: 500,
      code: 'INTERNAL_ERROR',
      instance: '/api/things/broken',
    });
    expect(JSON.stringify(broken.body)).not.toContain('internal detail');
  });

  it('refuses a reserved property name (an object under `constructor` crashes class-transformer)', async () => {
    const answer = await post(
      '{"title":"x","count":1,"requester":{"name":"A","constructor":{"prototype":{"polluted":true}}}}',
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'RESERVED_PROPERTY_NAME',
      detail: 'The body uses the reserved property name "constructor" (at /requester/constructor)',
      fieldErrors: [
        {
          field: 'requester.constructor',
          pointer: '/requester/constructor',
          messages: ['is a reserved property name'],
        },
      ],
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it("answers bodies it cannot decode with 415 or 400, with the caller's correlation id", async () => {
    const unsupported = await request(app.getHttpServer())
      .post('/api/things')
      .set('content-type', 'application/json')
      .set('content-encoding', 'br, zstd, x-bogus')
      .set('x-correlation-id', 'dept-finance-42')
      .send('{}');
    expect(unsupported.status).toBe(415);
    expect(unsupported.headers['x-correlation-id']).toBe('dept-finance-42');
    expect(unsupported.body).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_CONTENT_ENCODING',
      correlationId: 'dept-finance-42',
    });

    const notGzip = await request(app.getHttpServer())
      .post('/api/things')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send('not gzip');
    expect(notGzip.status).toBe(400);
    expect(notGzip.body).toMatchObject({
      status: 400,
      code: 'UNREADABLE_BODY',
      correlationId: expect.any(String),
    });

    const charset = await request(app.getHttpServer())
      .post('/api/things')
      .set('content-type', 'application/json; charset=klingon')
      .send('{}');
    expect(charset.status).toBe(415);
    expect(charset.body).toMatchObject({ code: 'UNSUPPORTED_CHARSET' });
  });

  it('sends a Content-Security-Policy without inline scripts on every answer', async () => {
    const answer = await request(app.getHttpServer()).get('/api/docs');
    const policy = answer.headers['content-security-policy'] as string;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('logs one line per API request with its correlation id, never its query, headers or body', async () => {
    await request(app.getHttpServer())
      .post('/api/things?email=amina@example.org')
      .set('authorization', 'Bearer secret-token')
      .set('x-correlation-id', 'log-check-1')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ title: 'Private title', count: 1, requester: { name: 'Amina' } }));
    await request(app.getHttpServer()).get('/api/health/live');
    const line = logLines.find((l) => l['correlationId'] === 'log-check-1');
    expect(line).toMatchObject({
      level: 30,
      msg: 'POST /api/things 201',
      req: { method: 'POST', path: '/api/things' },
      res: { status: 201 },
      ms: expect.any(Number),
    });
    const text = JSON.stringify(logLines);
    expect(text).not.toMatch(/amina@example.org|secret-token|Private title/);
    expect(logLines.some((l) => String(l['msg']).includes('/api/health/'))).toBe(false);
    const refused = logLines.find((l) => l['msg'] === 'POST /api/things 400');
    expect(refused?.['level']).toBe(40);
  });

  it('reads the depth limit from SFP_MAX_BODY_DEPTH, refusing nonsense', () => {
    expect(maxBodyDepthOf({})).toBe(32);
    expect(maxBodyDepthOf({ SFP_MAX_BODY_DEPTH: '64' })).toBe(64);
    expect(() => maxBodyDepthOf({ SFP_MAX_BODY_DEPTH: 'deep' })).toThrow(/SFP_MAX_BODY_DEPTH/);
    expect(() => maxBodyDepthOf({ SFP_MAX_BODY_DEPTH: '1' })).toThrow(/2 to 1000/);
  });
});
