import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import {
  DeadLetterPageSchema,
  DeadLetterSchema,
  DeadLetterTopicSchema,
  ProjectionRebuildStartedSchema,
  ProjectionStatusSchema,
} from '@sfp/contracts';
import { InMemoryEventStore } from '@sfp/event-sourcing';
import {
  contextTopics,
  DeadLetterError,
  EmbeddedEventBus,
  provisionContextTopics,
  SqliteDeadLetterIndex,
  startDeadLetterIndexer,
  startReliableConsumer,
  type RunningConsumer,
} from '@sfp/messaging';
import { defineProjection, ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { FormatRegistry, Type, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import {
  createDeadLettersController,
  deadLetterIdParams,
  deadLetterListQuery,
} from './dead-letters.controller';
import { OperationsController } from './operations.controller';
import { LivenessSchema, MetricsTextSchema, ReadinessSchema } from './operations.answers';
import { OperationsModule } from './operations.module';
import { ServiceMetrics } from '../metrics/service-metrics';
import { createProjectionsController } from './projections.controller';

/** Where @nestjs/swagger keeps `@ApiOperation` (its DECORATORS.API_OPERATION). */
const API_OPERATION = 'swagger/apiOperation';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
FormatRegistry.Set('date-time', (value) => ISO_DATE_TIME.test(value) && !isNaN(Date.parse(value)));

/** The answer matches the schema the route documents; on a mismatch, says where. */
function expectConforms(schema: TSchema, answer: unknown): void {
  const errors = [...Value.Errors(schema, answer)].map((e) => `${e.path}: ${e.message}`);
  expect(errors).toEqual([]);
}

async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`not reached: ${what}`);
}

type Controller = any;

describe('dead-letter answers (a poison message dead-lettered by the real consumer, indexed, re-driven)', () => {
  const topics = contextTopics('dlq-answers');
  let bus: EmbeddedEventBus;
  let index: SqliteDeadLetterIndex;
  const running: RunningConsumer[] = [];

  beforeAll(async () => {
    bus = new EmbeddedEventBus({ filename: ':memory:', retryDelayMs: 5 });
    index = new SqliteDeadLetterIndex({ filename: ':memory:' });
    await provisionContextTopics(bus, 'dlq-answers', { partitions: 1, replicationFactor: 1 });
    running.push(
      await startReliableConsumer<string>({
        bus,
        groupId: 'dlq-answers.worker',
        topics: [topics.events],
        deadLetterTopic: () => topics.dlq,
        decode: async (message) => {
          if (message.value === 'poison')
            throw new DeadLetterError('schema-invalid', 'poison is not allowed', [
              { field: 'value', messages: ['poison'] },
            ]);
          return message.value ?? '';
        },
        handle: async () => undefined,
        retry: { attempts: 1, initialDelayMs: 1, maxDelayMs: 1 },
      }),
      await startDeadLetterIndexer({ bus, index, dlqTopics: [topics.dlq], groupId: 'dlq.index' }),
    );
  });
  afterAll(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    await bus.close();
    await index.close();
  });

  it('list, summary, one letter and its re-drive answer as the contracts say', async () => {
    await bus.publish(topics.events, [
      { key: 's-1', value: 'poison', headers: { 'message-id': 'm-1' } },
      { key: 's-2', value: 'poison', headers: {} },
    ]);
    await eventually(async () => (await index.list({})).items.length === 2, 'indexed');
    const Controller = createDeadLettersController([topics.dlq]);
    const controller: Controller = new Controller({ index, bus, dlqTopics: [topics.dlq] });

    const page = await controller.list({ limit: 1 });
    expectConforms(DeadLetterPageSchema, page);
    expect(page.nextCursor).toEqual(expect.any(String));
    expectConforms(Type.Array(DeadLetterTopicSchema), await controller.summary());
    const [entry] = (await controller.list({})).items;
    const one = await controller.get({ id: entry.id });
    expectConforms(DeadLetterSchema, one);
    expect(one).toMatchObject({ reason: 'schema-invalid', status: 'pending' });
    const redriven = await controller.redrive({ id: entry.id }, {}, { id: 'user-admin' });
    expectConforms(DeadLetterSchema, redriven);
    expect(redriven).toMatchObject({ status: 'redriven', redrivenBy: 'user-admin' });
    await expect(controller.get({ id: `${topics.dlq}@0:999` })).rejects.toMatchObject({
      code: 'DEAD_LETTER_NOT_FOUND',
    });
  });

  it("the list's query takes only the host's topics, a page size of 1 to 200 and a non-empty cursor", async () => {
    const Query = deadLetterListQuery(['sfp.help-desk.dlq', 'sfp.reporting.dlq']);
    const problems = async (query: Record<string, unknown>) =>
      (await validate(plainToInstance(Query, query))).map((e) => e.property).sort();
    expect(
      await problems({ topic: 'sfp.reporting.dlq', status: 'pending', limit: '200', cursor: 'x' }),
    ).toEqual([]);
    expect(
      await problems({ topic: 'sfp.training.dlq', status: 'lost', limit: '0', cursor: '' }),
    ).toEqual(['cursor', 'limit', 'status', 'topic']);
    expect(await problems({ limit: '201' })).toEqual(['limit']);
    const Id = deadLetterIdParams(['sfp.help-desk.dlq', 'sfp.reporting.dlq']);
    const idProblems = async (id: string) =>
      (await validate(plainToInstance(Id, { id }))).map((e) => e.property);
    expect(await idProblems('sfp.reporting.dlq@0:12')).toEqual([]);
    for (const id of ['sfp.training.dlq@0:12', 'sfp.reporting.dlq@0', 'sfpXreporting.dlq@0:1'])
      expect(await idProblems(id)).toEqual(['id']);
  });
});

describe('projection operations', () => {
  let engine: ProjectionEngine;
  beforeAll(async () => {
    const store = new InMemoryEventStore();
    for (let i = 1; i <= 3; i++) {
      await store.append(`s-${i}`, 'no-stream', [
        {
          eventId: `e-${i}`,
          type: i === 3 ? 'x.Failed' : 'x.Happened',
          schemaVersion: 1,
          data: {},
          metadata: {
            correlationId: 'c',
            actor: { kind: 'system', id: 's' },
            occurredAt: '2026-01-01T00:00:00.000Z',
          },
        },
      ]);
    }
    engine = new ProjectionEngine({
      eventStore: store,
      store: new SqliteReadModelStore({ filename: ':memory:' }),
      pollIntervalMs: 5,
      retryInitialDelayMs: 5,
      retryMaxDelayMs: 5,
    });
    engine.register(
      defineProjection({
        name: 'answers-things',
        version: 1,
        handlers: { 'x.Happened': (e, view) => view.upsert(e.streamId, { n: e.position }) },
      }),
    );
    engine.register(
      defineProjection({
        name: 'answers-failing',
        version: 1,
        handlers: {
          'x.Failed': () => {
            throw Object.assign(new Error('cannot'), { code: 'NOPE' });
          },
        },
      }),
    );
    await engine.start();
  });
  afterAll(() => engine.stop());

  const logger = { info: jest.fn(), warn: jest.fn() };

  function controllerOf(tag: string): Controller {
    const Controller = createProjectionsController({
      tag,
      projections: Symbol('engine'),
      logger: Symbol('logger'),
    });
    return new Controller(engine, logger);
  }

  it('a running, a failing and a rebuilding projection answer as the contracts say', async () => {
    const controller = controllerOf('help-desk: operations');
    await eventually(
      async () => (await engine.status('answers-failing')).lastError !== null,
      'the failure recorded',
    );
    const list = await controller.list();
    expectConforms(Type.Array(ProjectionStatusSchema), list);
    const failing = await controller.status({ name: 'answers-failing' });
    expect(failing.lastError).toMatchObject({ code: 'NOPE', stage: 'handler' });
    expectConforms(ProjectionStatusSchema, failing);
    const started = await controller.rebuild({ name: 'answers-things' });
    expectConforms(ProjectionRebuildStartedSchema, started);
    expectConforms(ProjectionStatusSchema, await controller.status({ name: 'answers-things' }));
    await expect(controller.status({ name: 'nothing' })).rejects.toMatchObject({
      code: 'UNKNOWN_PROJECTION',
    });
  });

  it("names each context's operations after it (one OpenAPI document serves every context)", () => {
    const idsOf = (tag: string) => {
      const type = createProjectionsController({
        tag,
        projections: Symbol('engine'),
        logger: Symbol('logger'),
      });
      return ['list', 'status', 'rebuild'].map(
        (method) =>
          (
            Reflect.getMetadata(
              API_OPERATION,
              (type.prototype as Record<string, object>)[method]!,
            ) as { operationId: string }
          ).operationId,
      );
    };
    expect(idsOf('help-desk: operations')).toEqual([
      'listHelpDeskProjections',
      'getHelpDeskProjectionStatus',
      'rebuildHelpDeskProjection',
    ]);
    expect(idsOf('knowledge-base: operations')).toEqual([
      'listKnowledgeBaseProjections',
      'getKnowledgeBaseProjectionStatus',
      'rebuildKnowledgeBaseProjection',
    ]);
  });
});

describe('readiness and metrics (the operations module as a host mounts it)', () => {
  async function operations(checks: Array<{ name: string; check(): Promise<void> }>) {
    const module = await Test.createTestingModule({
      imports: [OperationsModule.register(new ServiceMetrics({ defaultMetrics: false }), checks)],
    }).compile();
    return module.get(OperationsController);
  }

  async function ready(checks: Array<{ name: string; check(): Promise<void> }>) {
    const controller = await operations(checks);
    let status = 200;
    const res = { status: (s: number) => ((status = s), res) } as unknown as Response;
    const body = await controller.ready(res);
    return { status, body };
  }

  it('answers 200 when every check is up, 503 with the outcome of each when one is down', async () => {
    const up = await ready([{ name: 'store', check: async () => undefined }]);
    expect(up.status).toBe(200);
    expectConforms(ReadinessSchema, up.body);
    const down = await ready([
      { name: 'store', check: async () => undefined },
      { name: 'bus', check: () => Promise.reject(new Error('no broker')) },
    ]);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', error: { bus: { error: 'no broker' } } });
    expectConforms(ReadinessSchema, down.body);
  });

  it('liveness and the metrics text', async () => {
    const controller = await operations([]);
    expectConforms(LivenessSchema, controller.live());
    expectConforms(MetricsTextSchema, await controller.metricsText());
  });
});
