import { signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import type { OpenApiDocument } from './fuzz/openapi-fuzz';
import { seedKnownRecords } from './support/known-records';
import {
  CONFORMANCE_EXAMPLES,
  conformanceRuns,
  makeSecondAdministrator,
  SESSION_ENDING,
} from './support/schemathesis';
import { startTestPlatform } from './support/test-platform';

const ADMIN_PASSWORD = 'a conformance secret phrase 2026';
const RUN_TIMEOUT_MS = 25 * 60_000;

/**
 * What the OpenAPI document promises is what the embedded platform does,
 * proven by an OpenAPI property-based tester that nobody here wrote
 * (schemathesis, pinned): every operation, every check (server errors, status
 * codes, content types, response headers and bodies against their schemas,
 * schema-valid requests accepted, schema-invalid ones refused, 405 with
 * `Allow` for undeclared methods, authentication not ignored…), positive and
 * negative data, every phase, at least 50 examples per operation. As the
 * administrator on records made beforehand (so that answers have bodies), as
 * a second administrator on the operations that can end a session, and
 * anonymously. Each run must end with 0 failures; a failure message holds the
 * tester's report, with a curl line per failure.
 */
describe('the embedded platform conforms to its OpenAPI document (schemathesis, e2e)', () => {
  let platform: EmbeddedPlatform;
  let doc: OpenApiDocument;
  let runs: ReturnType<typeof conformanceRuns>;

  beforeAll(async () => {
    platform = await startTestPlatform('sfp-conformance-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // The runs last longer than an access token does by default.
      SFP_ACCESS_TOKEN_MINUTES: 120,
      // The runs sign in again after each operation that ends a session (the flood limit has its own test).
      SFP_SIGN_INS_PER_MINUTE: 10_000,
    });
    const admin = await signIn(platform.url, 'admin', ADMIN_PASSWORD);
    doc = (await (await fetch(`${platform.url}/api/docs-json`)).json()) as OpenApiDocument;
    const records = await seedKnownRecords(platform.url, admin, doc);
    await makeSecondAdministrator(platform.url, admin);
    runs = conformanceRuns(
      { name: 'embedded', url: platform.url, doc, admin, ...records },
      RUN_TIMEOUT_MS,
    );
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
  });

  it('names every operation for client generators and documents what each answers', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, Record<string, unknown>>)) {
        const key = `${method.toUpperCase()} ${path}`;
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
    }
    expect(problems).toEqual([]);
  });

  it(
    `passes every check as the administrator (${CONFORMANCE_EXAMPLES} examples per operation)`,
    async () => {
      const { tested } = await runs.administrator();
      expect(tested).toBe(runs.operations - SESSION_ENDING.length);
    },
    RUN_TIMEOUT_MS + 60_000,
  );

  it(
    'passes every check on the operations that can end a session, as an administrator of their own',
    async () => {
      const { tested } = await runs.sessionEnding();
      expect(tested).toBe(SESSION_ENDING.length);
    },
    RUN_TIMEOUT_MS + 60_000,
  );

  it(
    'passes every check anonymously',
    async () => {
      const { tested } = await runs.anonymous();
      expect(tested).toBe(runs.operations);
    },
    RUN_TIMEOUT_MS + 60_000,
  );
});
