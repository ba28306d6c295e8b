import 'reflect-metadata';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Request, Response } from 'express';
import type { Principal } from '@sfp/auth';
import {
  InMemoryEventStore,
  MemoryKeyStore,
  TypedEventStore,
  type CommandContext,
} from '@sfp/event-sourcing';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { ContextCommands, pseudonymizer, ServiceMetrics } from '@sfp/service-kit';
import { helpDeskEventTypes, HELP_DESK_CONTEXT } from './help-desk.context';
import {
  ErasureResultSchema,
  PersonalDataErasureController,
} from './personal-data/personal-data-erasure.http.controller';
import { ServiceRequestCommandResultSchema } from './service-request/application/service-request.answers';
import {
  ServiceRequests,
  type ServiceRequestCommandBody,
  type ServiceRequestCommandResult,
} from './service-request/application/service-requests';
import { SubmitRequestController } from './service-request/application/submit-request/submit-request.http.controller';
import type { SubmitRequestDto } from './service-request/application/submit-request/submit-request.request.dto';
import { DEFAULT_SLA_POLICY } from './service-request/domain/sla-policy';
import { commands, T0 } from './service-request/domain/testing/service-request.fixtures';
import { RequestDetailController } from './service-request/projections/request-detail/request-detail.http.controller';
import { RequestDetailSchema } from './service-request/projections/request-detail/request-detail.schema';
import {
  RequestListCsvSchema,
  RequestListPageSchema,
  RequestStatisticsSchema,
} from './service-request/projections/requests/request-list.answers';
import type {
  RequestListQueryDto,
  RequestStatisticsQueryDto,
} from './service-request/projections/requests/request-list.query.dto';
import { RequestsQueryController } from './service-request/projections/requests/requests.http.controller';
import {
  REQUESTS_PROJECTION,
  requestsProjection,
} from './service-request/projections/requests/requests.projection';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
FormatRegistry.Set('date-time', (value) => ISO_DATE_TIME.test(value) && !isNaN(Date.parse(value)));
FormatRegistry.Set('uuid', (value) => UUID.test(value));

/** The answer matches the schema the route documents; on a mismatch, says where. */
function expectConforms(schema: TSchema, answer: unknown): void {
  const errors = [...Value.Errors(schema, answer)].map((e) => `${e.path}: ${e.message}`);
  expect(errors).toEqual([]);
}

const OPERATOR: Principal = { kind: 'person', id: 'op-1', name: 'op', roles: ['operator'] };
const DEPARTMENT_CLIENT: Principal = {
  kind: 'integration-client',
  id: 'client-1',
  name: 'hr system',
  roles: ['integration'],
  department: 'HR',
};

/** A response that keeps the headers a controller sets. */
function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
  } as unknown as Response & { headers: Record<string, string> };
}

const requestOf = (principal: Principal) =>
  ({ principal, baseUrl: '/api/help-desk', path: '/service-requests' }) as unknown as Request;

/** The body of a fixture command: the use case's part (time and author are the pipeline's). */
function bodyOf<C extends keyof typeof commands>(type: C): ServiceRequestCommandBody {
  const { at: _at, by: _by, ...body } = commands[type];
  return body as ServiceRequestCommandBody;
}

const FILING: SubmitRequestDto = {
  requester: {
    name: 'Amina Diallo',
    email: 'amina.diallo@example.org',
    origin: 'constituent',
    organisation: 'National Federation of Workers',
    constituentGroup: 'workers-organisation',
  },
  title: 'Coordinating the CGAP response',
  description: 'Who leads the response to the campaign?',
  kind: 'global-initiative-coordination',
  globalInitiative: 'cgap',
  themes: ['youth', 'gender'],
  region: 'africa',
  country: 'SN',
  priority: 'high',
};

/**
 * The bodies the help desk's routes answer, produced by its controllers over a
 * real command pipeline, event store and read model, conform to the schemas
 * the OpenAPI document gives for them: when the code and a schema drift apart,
 * this fails.
 */
describe('help desk route answers and their schemas', () => {
  let now: Date;
  let store: TypedEventStore;
  const keys = new MemoryKeyStore();
  const personIdOf = pseudonymizer('a secret of 32 characters or more for the answers spec');
  let readModels: SqliteReadModelStore;
  let engine: ProjectionEngine;
  let requests: ServiceRequests;
  let submitter: SubmitRequestController;
  const results: ServiceRequestCommandResult[] = [];
  const ids: string[] = [];

  const contextOf = (principal: Principal): CommandContext => ({
    correlationId: `corr-${results.length}`,
    actor: {
      kind: principal.kind,
      id: principal.id,
      ...(principal.department ? { department: principal.department } : {}),
    },
  });
  const later = (days: number) => {
    now = new Date(now.getTime() + days * 86_400_000);
  };
  const run = async (id: string, type: keyof typeof commands, principal = OPERATOR) => {
    results.push(await requests.run(id, bodyOf(type), contextOf(principal)));
  };
  const submit = async (dto: SubmitRequestDto, principal = OPERATOR) => {
    const res = response();
    const result = await submitter.submit(dto, contextOf(principal), requestOf(principal), res);
    expect(res.headers['location']).toBe(`/api/help-desk/service-requests/${result.requestId}`);
    results.push(result);
    ids.push(result.requestId);
    return result.requestId;
  };

  beforeAll(async () => {
    now = new Date(T0);
    const eventTypes = helpDeskEventTypes();
    store = new TypedEventStore({
      store: new InMemoryEventStore({ now: () => now }),
      eventTypes,
      keyStore: keys,
    });
    readModels = new SqliteReadModelStore({ filename: ':memory:' });
    engine = new ProjectionEngine({ eventStore: store, store: readModels, pollIntervalMs: 10 });
    engine.register(requestsProjection);
    const pipeline = new ContextCommands({
      context: HELP_DESK_CONTEXT,
      store,
      eventTypes,
      metrics: new ServiceMetrics(),
    });
    requests = new ServiceRequests(pipeline, store, () => now, DEFAULT_SLA_POLICY);
    submitter = new SubmitRequestController(requests, personIdOf);

    // Resolved after a referral, with a comment.
    const referred = await submit(FILING);
    later(1);
    await run(referred, 'TriageServiceRequest');
    await run(referred, 'AssignServiceRequest');
    await run(referred, 'StartWorkOnServiceRequest');
    await run(referred, 'CommentOnServiceRequest');
    await run(referred, 'ReferServiceRequest');
    later(1);
    await run(referred, 'ResolveServiceRequest');
    // Closed, reopened, then past its due date (breached by the SLA check).
    const { globalInitiative: _none, ...referral } = FILING;
    const reopened = await submit({ ...referral, kind: 'referral', priority: 'urgent' });
    await run(reopened, 'TriageServiceRequest');
    await run(reopened, 'AssignServiceRequest');
    await run(reopened, 'StartWorkOnServiceRequest');
    await run(reopened, 'ResolveServiceRequest');
    await run(reopened, 'CloseServiceRequest');
    await run(reopened, 'ReopenServiceRequest');
    later(30);
    await requests.run(reopened, { type: 'CheckServiceRequestSla' }, contextOf(OPERATOR));
    // Cancelled; and one just filed by a department's system.
    const cancelled = await submit({ ...referral, kind: 'referral' });
    await run(cancelled, 'CancelServiceRequest');
    await submit({ ...referral, kind: 'tool-development' }, DEPARTMENT_CLIENT);
    // An idempotent repeat: nothing changes.
    await run(reopened, 'AssignServiceRequest');

    await engine.start();
    await engine.waitForPosition(REQUESTS_PROJECTION, await store.headPosition(), 5_000);
  });

  afterAll(async () => {
    await engine.stop();
    await readModels.close();
  });

  it('every command answers its result: id, version, position, changed', () => {
    expect(results.some((r) => !r.changed)).toBe(true);
    for (const result of results) expectConforms(ServiceRequestCommandResultSchema, result);
  });

  it('GET /service-requests/{id}: the detail of a request in every state, with its ETag', async () => {
    const controller = new RequestDetailController(store);
    for (const id of ids) {
      const res = response();
      const detail = await controller.detail({ id }, requestOf(OPERATOR), res);
      expectConforms(RequestDetailSchema, detail);
      expect(res.headers['etag']).toBe(`"${detail.streamVersion}"`);
    }
  });

  it('GET /service-requests and /queue: the pages, in JSON and CSV', async () => {
    const controller = new RequestsQueryController(engine, () => now);
    const list = (query: RequestListQueryDto, principal = OPERATOR, res = response()) =>
      controller.list(query, requestOf(principal), res);

    const first = await list({ limit: 2 });
    expectConforms(RequestListPageSchema, first);
    expect(first).toMatchObject({ nextCursor: expect.any(String) });
    const rest = await list({ cursor: (first as { nextCursor: string }).nextCursor });
    expectConforms(RequestListPageSchema, rest);
    expectConforms(RequestListPageSchema, await list({}, DEPARTMENT_CLIENT));
    const queue = await controller.queue({}, requestOf(OPERATOR), response());
    expectConforms(RequestListPageSchema, queue);

    const res = response();
    const csv = await list({ format: 'csv', limit: 1 }, OPERATOR, res);
    expectConforms(RequestListCsvSchema, csv);
    expect(res.headers['x-next-cursor']).toEqual(expect.any(String));
    // The CSV's header line is the one the schema names.
    const header = (csv as string).split('\r\n')[0]!;
    expect(RequestListCsvSchema.description).toContain(` ${header},`.replace(/,$/, ''));
  });

  it('GET /statistics: volumes, durations and the breach rate', async () => {
    const controller = new RequestsQueryController(engine, () => now);
    const all = await controller.statistics({} as RequestStatisticsQueryDto);
    expectConforms(RequestStatisticsSchema, all);
    expect(all.sla.breached).toBe(1);
    const none = await controller.statistics({ region: ['europe-central-asia'] });
    expectConforms(RequestStatisticsSchema, none);
    expect(none.sla.breachRate).toBeNull();
  });

  it('POST /personal-data/erasures: whether anything was held; the detail reads "[erased]" after it', async () => {
    const controller = new PersonalDataErasureController(personIdOf, keys, {
      info: () => undefined,
    } as never);
    const erased = await controller.erase({ email: FILING.requester.email });
    expectConforms(ErasureResultSchema, erased);
    expect(erased.erased).toBe(true);
    const again = await controller.erase({ email: FILING.requester.email });
    expectConforms(ErasureResultSchema, again);
    expect(again.erased).toBe(false);

    const detail = await new RequestDetailController(store).detail(
      { id: ids[0]! },
      requestOf(OPERATOR),
      response(),
    );
    expect(detail.requester.email).toBe('[erased]');
    expectConforms(RequestDetailSchema, detail);
  });
});
