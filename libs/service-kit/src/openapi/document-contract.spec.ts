import 'reflect-metadata';
import {
  Body,
  Controller,
  Get,
  Module,
  Param,
  Patch,
  Post,
  Query,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';
import {
  Answers,
  IsCalendarDate,
  Operation,
  Public,
  Refuses,
  RequirePermission,
  SchemaRules,
} from '@sfp/auth';
import { Type as Nested } from '@sinclair/typebox';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Writable } from 'node:stream';
import request from 'supertest';
import { configureHttpApp } from '../app/configure-http-app';
import { createLogger } from '../logging/logger';
import { ServiceMetrics } from '../metrics/service-metrics';

class ContactDto {
  @ApiProperty({ description: 'Who to write to', example: 'Amina Diallo' })
  @IsString()
  @Length(1, 200)
  name!: string;
}

@SchemaRules({
  if: { properties: { kind: { const: 'referral' } }, required: ['kind'] },
  then: { required: ['partner'] },
})
class FileThingDto {
  @IsString()
  @Length(3, 200)
  title!: string;

  @IsIn(['question', 'referral'])
  kind!: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z]+$/i)
  partner?: string | null;

  @IsIn(['youth', 'gender'], { each: true })
  @ArrayUnique()
  @ArrayMaxSize(2)
  themes!: string[];

  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  @IsInt()
  @Min(1)
  @Max(10)
  size!: number;
}

class ListThingsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

class RenameThingDto {
  @IsOptional()
  @IsString()
  title?: string;
}

class ThingIdParams {
  @IsUUID('4')
  id!: string;
}

const THING = Nested.Object({ id: Nested.String(), title: Nested.String() });

@Controller('api/things')
class ThingsController {
  @Post()
  @RequirePermission('records:write')
  @Operation('fileThing', 'File a thing.')
  @Answers(201, { description: 'Filed', schema: THING })
  file(@Body() dto: FileThingDto) {
    return { id: 'x', title: dto.title };
  }

  @Get()
  @RequirePermission('records:read')
  @Operation('listThings', 'List things.')
  @Answers(200, { description: 'A page', schema: Nested.Array(THING) })
  list(@Query() query: ListThingsQuery) {
    return [{ id: String(query.limit ?? 0), title: 't' }];
  }

  @Patch(':id')
  @RequirePermission('records:write')
  @ApiHeader({ name: 'If-Match', required: false })
  @Operation('renameThing', 'Rename a thing.')
  @Answers(200, { description: 'Renamed', schema: THING })
  @Refuses({ 404: 'No such thing', 409: 'A stale If-Match' })
  rename(@Param() params: ThingIdParams, @Body() dto: RenameThingDto) {
    return { id: params.id, title: dto.title ?? '' };
  }

  @Get('ping')
  @Public()
  @Operation('ping', 'Ping.')
  ping() {
    return 'pong';
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

type Json = Record<string, any>;

describe('documentContract: the OpenAPI document says what the routes enforce', () => {
  let app: INestApplication;
  let document: Json;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ThingsModule] }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
    configureHttpApp(app, {
      title: 'things',
      description: 'test',
      errorStatuses: {},
      logger: createLogger('things', 'info', quiet),
      metrics: new ServiceMetrics(),
    });
    await app.init();
    document = (await request(app.getHttpServer()).get('/api/docs-json')).body as Json;
  });

  afterAll(() => app.close());

  it('is OpenAPI 3.1 with the names the routes give', () => {
    expect(document['openapi']).toBe('3.1.0');
    expect(document['paths']['/api/things']['post']['operationId']).toBe('fileThing');
    expect(document['paths']['/api/things']['post']['summary']).toBe('File a thing.');
  });

  it('derives a body schema from the class-validator rules, closed as the pipe is', () => {
    const body = document['paths']['/api/things']['post']['requestBody'];
    expect(body.required).toBe(true);
    expect(body.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/FileThingDto',
    });
    const schema = document['components']['schemas']['FileThingDto'];
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['title', 'kind', 'themes', 'contact', 'size'],
      properties: {
        title: { type: 'string', minLength: 3, maxLength: 200 },
        kind: { enum: ['question', 'referral'] },
        partner: { type: ['string', 'null'], pattern: '^[a-zA-Z]+$' },
        themes: {
          type: 'array',
          uniqueItems: true,
          maxItems: 2,
          items: { enum: ['youth', 'gender'] },
        },
        contact: { $ref: '#/components/schemas/ContactDto' },
        size: { type: 'integer', minimum: 1, maximum: 10 },
      },
      allOf: [
        {
          if: { properties: { kind: { const: 'referral' } }, required: ['kind'] },
          then: { required: ['partner'] },
        },
      ],
    });
    expect(document['components']['schemas']['ContactDto']).toEqual({
      type: 'object',
      properties: {
        name: {
          description: 'Who to write to',
          example: 'Amina Diallo',
          type: 'string',
          minLength: 1,
          maxLength: 200,
        },
      },
      required: ['name'],
      additionalProperties: false,
    });
  });

  it('derives query and path parameters, and the If-Match header the code accepts', () => {
    const list = document['paths']['/api/things']['get'];
    const byName = Object.fromEntries(
      (list.parameters as Json[]).map((p) => [p['name'], p]),
    ) as Json;
    expect(byName['limit']).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 200 },
    });
    expect(byName['from'].schema).toEqual({ type: 'string', format: 'date' });
    const rename = document['paths']['/api/things/{id}']['patch'];
    const id = (rename.parameters as Json[]).find((p) => p['name'] === 'id')!;
    expect(id).toMatchObject({ in: 'path', required: true, schema: { format: 'uuid' } });
    // Every field optional: the body may be left out, as the pipe then validates `{}`.
    expect(rename.requestBody.required).toBe(false);
    const ifMatch = (rename.parameters as Json[]).find((p) => p['name'] === 'If-Match')!;
    expect(new RegExp(ifMatch['schema'].pattern).test('"3"')).toBe(true);
    expect(new RegExp(ifMatch['schema'].pattern).test('W/"12"')).toBe(true);
    expect(new RegExp(ifMatch['schema'].pattern).test('3')).toBe(true);
    expect(new RegExp(ifMatch['schema'].pattern).test('three')).toBe(false);
    expect(new RegExp(ifMatch['schema'].pattern).test('"٣"')).toBe(false);
  });

  it('lists every refusal a route can answer, each with the problem document', () => {
    const statuses = (method: string, path: string) =>
      Object.keys(document['paths'][path][method]['responses']).sort();
    expect(statuses('post', '/api/things')).toEqual([
      '201',
      '400',
      '401',
      '403',
      '413',
      '429',
      '503',
      '507',
    ]);
    expect(statuses('get', '/api/things')).toEqual(['200', '400', '401', '403', '429', '503']);
    expect(statuses('patch', '/api/things/{id}')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '429',
      '503',
      '507',
    ]);
    expect(statuses('get', '/api/things/ping')).toEqual(['200']);
    const notFound = document['paths']['/api/things/{id}']['patch']['responses']['404'];
    expect(notFound.description).toBe('No such thing');
    expect(notFound.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    const full = document['paths']['/api/things']['post']['responses']['507'];
    expect(full.description).toMatch(/STORAGE_FULL.*STORAGE_READ_ONLY/);
    expect(full.headers['Retry-After']).toBeDefined();
    const behind = document['paths']['/api/things']['get']['responses']['503'];
    expect(behind.headers['Retry-After']).toBeDefined();
    const outage = document['paths']['/api/things']['post']['responses']['503'];
    expect(outage.description).toMatch(/STORE_UNAVAILABLE/);
    expect(outage.headers['Retry-After']).toBeDefined();
    expect(document['paths']['/api/things']['get']['responses']['400'].description).toMatch(
      /VALIDATION_FAILED.*POSITION_BEYOND_HEAD/,
    );
  });

  it('answers 405 with Allow for a method a path does not have, and still 404 for no path', async () => {
    const server = app.getHttpServer();
    const wrong = await request(server).delete('/api/things');
    expect(wrong.status).toBe(405);
    expect(wrong.headers['allow']).toBe('GET, HEAD, POST');
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body.code).toBe('METHOD_NOT_ALLOWED');
    const onId = await request(server).get('/api/things/8f7c1a9e-9a51-4c1b-8f0e-2b7d7f0c0a11');
    expect(onId.status).toBe(405);
    expect(onId.headers['allow']).toBe('PATCH');
    expect((await request(server).get('/api/nothing-here')).status).toBe(404);
  });

  it('refuses what the derived schema refuses: a date that does not exist', async () => {
    // No AuthModule here: the validation pipe answers.
    const server = app.getHttpServer();
    const missing = await request(server).get('/api/things?from=2026-02-30');
    expect(missing.status).toBe(400);
    expect(missing.body.fieldErrors[0].field).toBe('from');
    expect((await request(server).get('/api/things?from=2024-02-29&limit=3')).status).toBe(200);
  });
});
