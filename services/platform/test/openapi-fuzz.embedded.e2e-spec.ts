import fc from 'fast-check';
import { signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { callerOf, seedKnownRecords } from './support/known-records';
import { startTestPlatform } from './support/test-platform';
import {
  deeplyNested,
  DEEP_DEPTH,
  fixedRequests,
  operationsOf,
  requestArbitrary,
  seedFor,
  urlOf,
  type FuzzRequest,
  type OpenApiDocument,
  type Operation,
} from './fuzz/openapi-fuzz';

/**
 * The OpenAPI-driven fuzz test: every operation of the embedded platform's
 * OpenAPI document gets requests with random and hostile bodies (wrong JSON
 * types, missing and extra fields, huge numbers, long and strange strings,
 * 10,000-item arrays, 5,000 levels of nesting), path parameters and query
 * strings, as the administrator, anonymously and with garbage credentials.
 * No answer may be a 5xx (nor a hang, nor a dropped connection), and the
 * process must be healthy afterwards.
 *
 * Reproducible: FUZZ_SEED (default below) and FUZZ_RUNS (requests per
 * operation, default 25) decide every request; a failure prints both, and
 * each failing request with the server's stack.
 *
 * Nothing is skipped. The two operations that would end the test's own
 * session (POST /api/auth/me/sign-out-everywhere, POST /api/auth/me/password)
 * are called with the token of a sacrificial user instead of the
 * administrator's; user ids offered to the generators are a sacrificial
 * user's, never the administrator's, so no PATCH /api/auth/users/{id} can
 * disable the administrator.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_115);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 25);
const REQUEST_TIMEOUT_MS = 20_000;
const ADMIN_PASSWORD = 'a fuzzing secret phrase 2026';
/** Operations called with the sacrificial user's token when the generator picks the administrator. */
const AS_SACRIFICIAL_USER = ['POST /api/auth/me/sign-out-everywhere', 'POST /api/auth/me/password'];

interface Failure {
  seq: number;
  method: string;
  url: string;
  status: number | string;
  label: string;
  caller: string;
  requestBody: string;
  responseBody: string;
  stacks: string[];
}

const excerpt = (text: string | undefined, max = 300) =>
  text === undefined
    ? ''
    : text.length > max
      ? `${text.slice(0, max)}… (${text.length} chars)`
      : text;

describe('OpenAPI-driven fuzz test of the embedded platform (e2e)', () => {
  let platform: EmbeddedPlatform;
  let admin: Record<string, string>;
  let sacrificial: Record<string, string>;
  let doc: OpenApiDocument;
  /** Existing ids by the path before the parameter, e.g. '/api/help-desk/service-requests/'. */
  let known: Map<string, string[]>;
  let acceptedBodies: Record<string, unknown>;
  /** Errors the platform logged, by the request in flight (requests go one at a time). */
  const logged: Array<{ seq: number; text: string }> = [];
  let inFlight = -1;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-fuzz-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    // The error filter logs every 5xx with its error on this logger: keep them (silent otherwise).
    const logger = platform.logger as unknown as { error: (...args: unknown[]) => void };
    logger.error = (...args: unknown[]) => {
      const [first, second] = args;
      const object = (typeof first === 'object' && first !== null ? first : {}) as {
        err?: { stack?: string };
        trace?: string;
      };
      const message = typeof first === 'string' ? first : String(second ?? '');
      logged.push({
        seq: inFlight,
        text: `${message}: ${object.err?.stack ?? object.trace ?? String(object.err ?? '')}`,
      });
    };
    admin = await signIn(platform.url, 'admin', ADMIN_PASSWORD);
    doc = (await (await fetch(`${platform.url}/api/docs-json`)).json()) as OpenApiDocument;
    ({ known, sacrificial, acceptedBodies } = await seedKnownRecords(platform.url, admin, doc));
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
  });

  const call = (...args: Parameters<ReturnType<typeof callerOf>>) =>
    callerOf(platform.url, admin)(...args);

  const knownFor = (op: Operation) => (param: string) =>
    known.get(op.path.slice(0, op.path.indexOf(`{${param}}`))) ?? [];

  describe('a body nested 5,000 levels deep is a 400 problem document (BODY_TOO_DEEP)', () => {
    const expectTooDeep = (answer: { status: number; headers: Headers; body: any }) =>
      expect({
        status: answer.status,
        contentType: answer.headers.get('content-type'),
        code: answer.body?.code,
      }).toEqual({
        status: 400,
        contentType: expect.stringMatching(/^application\/problem\+json/),
        code: 'BODY_TOO_DEEP',
      });

    it('on POST /api/auth/sign-in (no credentials needed)', async () => {
      expectTooDeep(
        await call(
          'POST',
          '/api/auth/sign-in',
          `{"username":"fuzz.nobody","password":${deeplyNested(DEEP_DEPTH, 'array')}}`,
          {},
        ),
      );
      expectTooDeep(
        await call('POST', '/api/auth/sign-in', deeplyNested(DEEP_DEPTH, 'object'), {}),
      );
    });

    it('on a records:write route (POST /api/help-desk/service-requests)', async () => {
      expectTooDeep(
        await call(
          'POST',
          '/api/help-desk/service-requests',
          `{"title":${deeplyNested(DEEP_DEPTH, 'object')}}`,
        ),
      );
      expectTooDeep(
        await call('POST', '/api/help-desk/service-requests', deeplyNested(DEEP_DEPTH, 'array')),
      );
    });
  });

  it('answers every operation, whatever the request, without a 5xx', async () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(50);
    const started = Date.now();
    const failures: Failure[] = [];
    const statuses = new Map<string, number>();
    const answered2xx = new Set<string>();
    let seq = 0;

    for (const op of operations) {
      const known = knownFor(op);
      const fixed = fixedRequests(op, doc, known, acceptedBodies[op.key]);
      const random = fc.sample(requestArbitrary(op, doc, known, acceptedBodies[op.key]), {
        seed: seedFor(SEED, op.key),
        numRuns: Math.max(0, RUNS - fixed.length),
      });
      for (const request of [...fixed, ...random]) {
        seq += 1;
        const failure = await send(op, request, seq);
        statuses.set(failure.statusClass, (statuses.get(failure.statusClass) ?? 0) + 1);
        if (failure.failed) failures.push(failure.failed);
        if (failure.statusClass.startsWith('2')) answered2xx.add(op.key);
      }
    }

    const seconds = (Date.now() - started) / 1000;
    const summary = `${operations.length} operations, ${seq} requests in ${seconds.toFixed(1)} s (seed ${SEED}, ${RUNS} per operation); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`;
    const never2xx = operations.filter((op) => !answered2xx.has(op.key)).map((op) => op.key);
    process.stdout.write(
      `\n[openapi-fuzz] ${summary}\n[openapi-fuzz] ${never2xx.length} operation(s) never answered 2xx: ${never2xx.join(', ')}\n`,
    );
    if (failures.length > 0) {
      const report = failures
        .map(
          (f) =>
            `#${f.seq} ${f.method} ${excerpt(f.url, 200)} → ${f.status} (${f.caller}; ${f.label})\n` +
            `  request body: ${excerpt(f.requestBody)}\n  response: ${excerpt(f.responseBody)}\n` +
            f.stacks
              .map((s) => `  logged: ${s.split('\n').slice(0, 20).join('\n    ')}`)
              .join('\n'),
        )
        .join('\n\n');
      throw new Error(
        `${failures.length} request(s) answered 5xx, hung or dropped the connection. Reproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}.\n${summary}\n\n${report}`,
      );
    }
  }, 900_000);

  async function send(
    op: Operation,
    request: FuzzRequest,
    seq: number,
  ): Promise<{ statusClass: string; failed?: Failure }> {
    const url = urlOf(op, request);
    const credentials =
      request.caller.kind === 'admin'
        ? AS_SACRIFICIAL_USER.includes(op.key)
          ? sacrificial
          : admin
        : request.caller.kind === 'garbage'
          ? request.caller.headers
          : {};
    const headers: Record<string, string> = {
      'x-correlation-id': `fuzz-${seq}`,
      ...request.headers,
      ...credentials,
      ...(request.body
        ? { 'content-type': request.body.contentType, ...request.body.extraHeaders }
        : {}),
    };
    const caller =
      request.caller.kind === 'garbage'
        ? `garbage ${excerpt(JSON.stringify(request.caller.headers), 60)}`
        : request.caller.kind;
    const failure = (status: number | string, responseBody: string): Failure => ({
      seq,
      method: op.method,
      url,
      status,
      label: request.label,
      caller,
      requestBody: request.body?.text ?? '',
      responseBody,
      stacks: logged.filter((l) => l.seq === seq).map((l) => l.text),
    });
    inFlight = seq;
    try {
      const response = await fetch(`${platform.url}${url}`, {
        method: op.method,
        headers,
        ...(request.body ? { body: request.body.text } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      const statusClass = `${Math.floor(response.status / 100)}xx`;
      return response.status >= 500
        ? { statusClass, failed: failure(response.status, text) }
        : { statusClass: String(response.status) };
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer in ${REQUEST_TIMEOUT_MS / 1000} s`
          : `connection failed: ${String((error as Error).cause ?? error)}`;
      return { statusClass: 'error', failed: failure(reason, '') };
    } finally {
      inFlight = -1;
    }
  }

  it('is healthy afterwards: ready, and an ordinary authenticated request still works', async () => {
    expect((await call('GET', '/api/health/live', undefined, {})).status).toBe(200);
    const ready = await call('GET', '/api/health/ready', undefined, {});
    expect({ status: ready.status, body: ready.body }).toEqual({
      status: 200,
      body: expect.anything(),
    });
    const queue = await call('GET', '/api/help-desk/queue', undefined);
    expect(queue.status).toBe(200);
    const requestId = known.get('/api/help-desk/service-requests/')?.[0];
    expect(
      (await call('GET', `/api/help-desk/service-requests/${requestId}`, undefined)).status,
    ).toBe(200);
    expect((await call('GET', '/api/auth/me', undefined)).body).toMatchObject({ name: 'admin' });
    const fresh = await call('POST', '/api/help-desk/service-requests', {
      requester: {
        name: 'Amina Diallo',
        email: 'amina@example.org',
        origin: 'regional-office',
        organisation: 'Regional Office for Africa',
      },
      title: 'After the fuzzing',
      description: 'Still taking requests?',
      kind: 'programme-guidance',
      themes: ['youth'],
      region: 'africa',
      country: 'SN',
      priority: 'low',
    });
    expect(fresh.status).toBe(201);
    // Nothing logged as an error outside a request either.
    expect(logged.filter((l) => l.seq === -1).map((l) => excerpt(l.text, 2_000))).toEqual([]);
  });
});
