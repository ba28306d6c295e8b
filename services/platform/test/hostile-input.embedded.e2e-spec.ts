import { Writable } from 'node:stream';
import { getMetadataStorage } from 'class-validator';
import { signIn } from '@sfp/testing';
import type { EmbeddedPlatform } from '../src/embedded-platform';
import { startTestPlatform } from './support/test-platform';

const PASSWORD = 'hostile input passphrase 2026';
const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

/**
 * What a careless or hostile client meets on the embedded platform as
 * `npm start` boots it: deep bodies refused before anything walks them, one
 * short message per field, problem documents, a strict policy on the
 * printable report, a quiet start-up, and request DTOs whose free input is
 * bounded everywhere.
 */
describe('hostile input on the embedded platform (e2e)', () => {
  let platform: EmbeddedPlatform;
  let admin: Record<string, string>;
  const logLines: Array<{ level: number; msg: string; context?: string }> = [];

  beforeAll(async () => {
    const logDestination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          logLines.push(JSON.parse(line));
        done();
      },
    });
    platform = await startTestPlatform(
      'sfp-hostile-',
      {
        SFP_ADMIN_PASSWORD: PASSWORD,
        LOG_LEVEL: 'info',
      },
      { logDestination },
    );
    admin = await signIn(platform.url, 'admin', PASSWORD);
  });

  afterAll(async () => {
    await platform?.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${platform.url}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('starts without errors and without a line per route at info', () => {
    const startUp = [...logLines];
    expect(startUp.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
    expect(startUp.some((l) => /Duplicate DTO/.test(l.msg))).toBe(false);
    expect(startUp.filter((l) => l.level >= 30 && /^Mapped \{/.test(l.msg))).toEqual([]);
    expect(startUp.some((l) => /successfully started/.test(l.msg))).toBe(true);
  });

  it.each([
    [
      'sign-in, unauthenticated',
      '/auth/sign-in',
      (depth: number) => `{"username":${nested(depth, '"admin"')},"password":"x"}`,
    ],
    [
      'refresh, unauthenticated',
      '/auth/refresh',
      (depth: number) => `{"refreshToken":${nested(depth, '"x"')}}`,
    ],
    [
      'filing a help-desk request',
      '/help-desk/service-requests',
      (depth: number) => `{"title":{"a":${nested(depth)}}}`,
    ],
  ])(
    'answers a body nested 5,000 levels deep with 400 on %s, and stays healthy',
    async (_name, path, body) => {
      const answer = await post(path, body(5_000), admin);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await answer.json()).toMatchObject({
        type: 'urn:sfp:problem:body-too-deep',
        status: 400,
        code: 'BODY_TOO_DEEP',
        detail: 'The body is nested deeper than 32 levels of objects and arrays',
        instance: `/api${path}`,
      });
      expect((await fetch(`${platform.url}/api/health/ready`)).status).toBe(200);
    },
  );

  it('tells a client what it sent wrong, field by field, with JSON pointers', async () => {
    const answer = await post(
      '/help-desk/service-requests',
      JSON.stringify({
        title: 42,
        description: 'Guidance on pricing a guarantee fund',
        kind: 'advice',
        requester: {
          name: ['Amina'],
          email: 'amina@example.org',
          origin: 'staff',
          organisation: 'RO Africa',
        },
        surprise: true,
      }),
      admin,
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await answer.json()) as {
      fieldErrors: Array<{ field: string; pointer: string; messages: string[] }>;
    };
    const byField = Object.fromEntries(problem.fieldErrors.map((f) => [f.field, f]));
    expect(byField['title']).toEqual({
      field: 'title',
      pointer: '/title',
      messages: ['expected a string, got a number'],
    });
    expect(byField['requester.name']).toEqual({
      field: 'requester.name',
      pointer: '/requester/name',
      messages: ['expected a string, got an array'],
    });
    expect(byField['surprise']?.messages).toEqual([
      'is not a property of this request (unknown properties are refused)',
    ]);
    for (const f of problem.fieldErrors) expect(f.messages).toHaveLength(1);
    expect(JSON.stringify(problem)).not.toMatch(/conforming to the specified constraints/);
  });

  it('serves the printable Governing Body report with a policy that runs no script', async () => {
    const answer = await fetch(
      `${platform.url}/api/reporting/reports/progress?period=2026&format=html`,
      { headers: admin },
    );
    expect(answer.status).toBe(200);
    const policy = answer.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toMatch(/script-src|unsafe-inline/);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('bounds every free string and every array that a request DTO takes', () => {
    // Every DTO class of every context is loaded by now: the platform imported them all.
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<
        abstract new (...args: never[]) => unknown,
        Array<{
          propertyName: string;
          name?: string;
          type: string;
          each: boolean;
          constraints?: unknown[];
        }>
      >;
    };
    const BOUNDED_STRING = new Set([
      'maxLength',
      'isLength',
      'isIn',
      'isEnum',
      'matches',
      'isUuid',
      'isEmail',
      'isIso8601',
      'isDateString',
      'isIso31661Alpha2',
      'isIso4217CurrencyCode',
      'isBooleanString',
    ]);
    const unbounded: string[] = [];
    for (const [target, metadatas] of storage.validationMetadatas) {
      if (!/Dto$/.test(target.name)) continue;
      const byProperty = new Map<string, typeof metadatas>();
      for (const m of metadatas)
        byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
      for (const [property, rules] of byProperty) {
        const names = rules.map((r) => (r.name ?? r.type).toLowerCase());
        const has = (name: string) => names.includes(name.toLowerCase());
        const isArray = has('isArray') || rules.some((r) => r.each);
        if (isArray && !has('arrayMaxSize'))
          unbounded.push(`${target.name}.${property}: an array without @ArrayMaxSize`);
        const takesString = has('isString') || has('isUrl') || has('isNotEmpty');
        if (takesString && ![...BOUNDED_STRING].some(has))
          unbounded.push(`${target.name}.${property}: a string without @MaxLength`);
      }
    }
    expect(unbounded).toEqual([]);
  });
});
