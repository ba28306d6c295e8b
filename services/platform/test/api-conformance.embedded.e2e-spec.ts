import { signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import type { OpenApiDocument } from './fuzz/openapi-fuzz';
import { seedKnownRecords, type KnownRecords } from './support/known-records';
import {
  CONFORMANCE_EXAMPLES,
  conformanceConfig,
  failureReport,
  runSchemathesis,
} from './support/schemathesis';
import { startTestPlatform } from './support/test-platform';

const ADMIN_PASSWORD = 'a conformance secret phrase 2026';
const RUN_TIMEOUT_MS = 25 * 60_000;
/**
 * They can end the caller's session (sign-outs, a password changed or reset, the
 * caller's own account changed): tested as an administrator of their own, who
 * signs in again when a session ends, so that the main run's token lives on.
 */
const SESSION_ENDING = [
  'POST /api/auth/sign-out',
  'POST /api/auth/me/sign-out-everywhere',
  'POST /api/auth/me/password',
  'POST /api/auth/users/{id}/password-reset',
  'PATCH /api/auth/users/{id}',
];
const SECOND_ADMIN = { username: 'conformance.admin', password: 'second chair of the board 2026' };
/**
 * Rules JSON Schema cannot state (between two fields, or against the
 * server's state or clock): their refusal is a documented 400 that a
 * schema-valid request can get.
 */
const RULES_BEYOND_SCHEMA: Record<string, string> = {
  'POST /api/auth/users': 'a password must not contain the user name',
  'POST /api/knowledge-base/impact-assessments':
    'dates in order; an achieved sample at most ten times the planned one; a confidence interval whose lower bound is below its upper bound, with the effect inside it',
  'POST /api/knowledge-base/impact-assessments/{id}/revisions': 'as for recordImpactAssessment',
  'POST /api/reporting/views/{view}/query':
    'the fields a query names are those of the view in the path; asOf is not in the future',
  'GET /api/reporting/views/{view}/query':
    'q is a query as JSON, naming the fields of the view in the path; asOf is not in the future',
  'GET /api/reporting/reports/progress': 'asOf is not in the future',
};

/**
 * What the OpenAPI document promises is what the embedded platform does,
 * proven by an OpenAPI property-based tester that nobody here wrote
 * (schemathesis, pinned): every operation, every check (server errors, status
 * codes, content types, response headers and bodies against their schemas,
 * schema-valid requests accepted, schema-invalid ones refused, 405 with
 * `Allow` for undeclared methods, authentication not ignored…), positive and
 * negative data, every phase, at least 50 examples per operation. Once as the
 * administrator, on records made beforehand so that answers have bodies, and
 * once anonymously. Both runs must end with 0 failures; a failure message
 * holds the tester's report, with a curl line per failure.
 */
describe('the embedded platform conforms to its OpenAPI document (schemathesis, e2e)', () => {
  let platform: EmbeddedPlatform;
  let doc: OpenApiDocument;
  let records: KnownRecords;
  let admin: Record<string, string>;
  /** The lowest head of the contexts' event stores once the records are made. */
  let headPosition: number;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-conformance-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // The run lasts longer than an access token does by default.
      SFP_ACCESS_TOKEN_MINUTES: 120,
      // The runs sign in again after each operation that ends a session (the flood limit has its own test).
      SFP_SIGN_INS_PER_MINUTE: 10_000,
    });
    admin = await signIn(platform.url, 'admin', ADMIN_PASSWORD);
    doc = (await (await fetch(`${platform.url}/api/docs-json`)).json()) as OpenApiDocument;
    records = await seedKnownRecords(platform.url, admin, doc);
    const second = await fetch(`${platform.url}/api/auth/users`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...SECOND_ADMIN,
        displayName: 'Second administrator',
        roles: ['administrator'],
        department: 'SFP',
      }),
    });
    expect(second.status).toBe(201);
    const projections = (await (
      await fetch(`${platform.url}/api/reporting/projections`, { headers: admin })
    ).json()) as { projections: Array<{ headPosition: number }> };
    headPosition = Math.min(...projections.projections.map((p) => p.headPosition));
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
  });

  it('names every operation for client generators and documents what each answers', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Record<string, unknown>>).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        op,
      })),
    );
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const { key, op } of operations) {
      const id = op['operationId'] as string | undefined;
      if (!id || !/^[a-z][A-Za-z0-9]+$/.test(id)) problems.push(`${key}: operationId "${id}"`);
      if (id && ids.has(id)) problems.push(`${key}: operationId "${id}" used twice`);
      if (id) ids.add(id);
      if (!op['summary']) problems.push(`${key}: no summary`);
      const responses = op['responses'] as Record<string, { content?: object }>;
      const success = Object.entries(responses).filter(([status]) => /^2/.test(status));
      if (!success.length) problems.push(`${key}: no success answer`);
      for (const [status, response] of success) {
        if (status !== '204' && !response.content)
          problems.push(`${key}: ${status} without a body schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  const operationCount = () =>
    Object.values(doc.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
  const tested = (output: string) => Number(/Tested: (\d+)/.exec(output)?.[1] ?? -1);
  const bearerOf = (headers: Record<string, string>) =>
    (headers['authorization'] ?? headers['Authorization'] ?? '').replace(/^Bearer /, '');
  const sessionEnding = SESSION_ENDING.flatMap((name) => ['--include-name', name]);

  it(
    `passes every check as the administrator (${CONFORMANCE_EXAMPLES} examples per operation)`,
    async () => {
      const result = await runSchemathesis(
        'embedded-administrator',
        platform.url,
        conformanceConfig(doc, {
          bearer: bearerOf(admin),
          known: records.known,
          rulesBeyondSchema: RULES_BEYOND_SCHEMA,
        }),
        RUN_TIMEOUT_MS,
        SESSION_ENDING.flatMap((name) => ['--exclude-name', name]),
        headPosition,
      );
      if (result.exitCode !== 0) throw new Error(failureReport(result));
      expect(tested(result.output)).toBe(operationCount() - SESSION_ENDING.length);
    },
    RUN_TIMEOUT_MS + 60_000,
  );

  it(
    'passes every check on the operations that can end a session, as an administrator of their own',
    async () => {
      const result = await runSchemathesis(
        'embedded-session-ending',
        platform.url,
        conformanceConfig(doc, {
          signIn: SECOND_ADMIN,
          known: records.known,
          rulesBeyondSchema: RULES_BEYOND_SCHEMA,
        }),
        RUN_TIMEOUT_MS,
        sessionEnding,
        headPosition,
      );
      if (result.exitCode !== 0) throw new Error(failureReport(result));
      expect(tested(result.output)).toBe(SESSION_ENDING.length);
    },
    RUN_TIMEOUT_MS + 60_000,
  );

  it(
    'passes every check anonymously',
    async () => {
      const result = await runSchemathesis(
        'embedded-anonymous',
        platform.url,
        conformanceConfig(doc, { known: records.known, rulesBeyondSchema: RULES_BEYOND_SCHEMA }),
        RUN_TIMEOUT_MS,
        [],
        headPosition,
      );
      if (result.exitCode !== 0) throw new Error(failureReport(result));
      expect(tested(result.output)).toBe(operationCount());
    },
    RUN_TIMEOUT_MS + 60_000,
  );
});
