import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OpenApiDocument } from '../fuzz/openapi-fuzz';

/**
 * Runs schemathesis, the OpenAPI property-based API tester (pinned by
 * infra/local/install-schemathesis, which installs it from PyPI on first use),
 * against a running host: every check, positive and negative data, every
 * phase, `CONFORMANCE_EXAMPLES` (default 50) examples per operation, a fixed
 * seed (`CONFORMANCE_SEED`) so that a failure can be replayed.
 */

const REPO_ROOT = resolve(__dirname, '../../../..');
export const CONFORMANCE_EXAMPLES = Number(process.env['CONFORMANCE_EXAMPLES'] ?? 50);
/**
 * Examples per operation against a standalone service: fewer, since each
 * request costs collection scans on the local MongoDB-protocol server (FerretDB
 * on SQLite, see docs/performance.md), and the code under test is the one the
 * embedded runs cover with CONFORMANCE_EXAMPLES. Six, not ten, since the sixth
 * service (quality monitoring) took the CI run to 86 of its 90 minutes; three
 * since a rehearsal on a 2-core machine spent about 11 minutes per service
 * (the coverage phase, which does not depend on this number, is most of it).
 * Those runs were slower than alone (the help desk's takes about 3 minutes):
 * the integration suites then ran in band, in one process whose heap had grown
 * past a gigabyte by that file (jest.projects.js), and the local FerretDB
 * committed each statement of a bulk write on its own.
 */
export const DISTRIBUTED_CONFORMANCE_EXAMPLES = Number(
  process.env['DISTRIBUTED_CONFORMANCE_EXAMPLES'] ?? 3,
);
export const CONFORMANCE_SEED = Number(process.env['CONFORMANCE_SEED'] ?? 20_261_206);

/** The `st` command, installed on first use. */
export function schemathesisCommand(): string {
  return execFileSync('bash', [join(REPO_ROOT, 'infra/local/install-schemathesis')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 300_000,
  }).trim();
}

export interface RunSettings {
  /** Examples per operation (CONFORMANCE_EXAMPLES by default). */
  examples?: number;
  /** Seconds an answer may take before the tester calls it a network error (its default: 10). */
  requestTimeoutSeconds?: number;
  /** The access token of the caller (the OpenAPI `bearer` scheme); none for an anonymous run. */
  bearer?: string;
  /**
   * Or the caller's credentials: the tester signs in (`POST /api/auth/sign-in`)
   * and signs in again whenever an answer is 401 (an operation ended its session).
   */
  signIn?: { username: string; password: string };
  /** Existing ids by the path before the parameter (`/api/help-desk/service-requests/`). */
  known?: Map<string, string[]>;
  /**
   * Operations (`POST /api/x`) with rules between fields or against the
   * server's state that JSON Schema cannot state, each with why: a 400 to a
   * schema-valid request counts as accepted there (their 400 is documented).
   */
  rulesBeyondSchema?: Record<string, string>;
}

const toml = (value: string) => JSON.stringify(value);
/** The tester's default statuses of its data checks (schemathesis 4.32). */
const NEGATIVE_STATUSES = [
  '400',
  '401',
  '403',
  '404',
  '405',
  '406',
  '409',
  '415',
  '422',
  '428',
  '429',
  '5xx',
];
const POSITIVE_STATUSES = ['2xx', '3xx', '401', '403', '404', '409', '429', '5xx'];

/**
 * The schemathesis.toml of a run: the headers, and for each path with
 * parameters the ids of existing records as a dictionary the generator draws
 * from most of the time (otherwise it invents values, which tests the 404s and
 * 400s), so that answers with bodies are checked against their schemas.
 */
export function conformanceConfig(doc: OpenApiDocument, settings: RunSettings): string {
  // One worker: the run is reproducible from its seed, and Python 3.11's parser is not
  // safe to use from two threads (hypothesis parses lambdas' sources).
  const lines: string[] = [`seed = ${CONFORMANCE_SEED}`, 'workers = 1'];
  if (settings.requestTimeoutSeconds)
    lines.push(`request-timeout = ${settings.requestTimeoutSeconds}`);
  lines.push('');
  // The answer-time check holds answers to the same budget (its default is 10 s).
  if (settings.requestTimeoutSeconds)
    lines.push('[checks]', `max_response_time = ${settings.requestTimeoutSeconds}`, '');
  // A body over the size limit is refused with 413 (documented on every operation with a body).
  lines.push(
    '[checks.negative_data_rejection]',
    `expected-statuses = [${[...NEGATIVE_STATUSES, '413'].map((s) => toml(s)).join(', ')}]`,
    '',
  );
  lines.push(
    '[generation]',
    `max-examples = ${settings.examples ?? CONFORMANCE_EXAMPLES}`,
    'mode = "all"',
    // No examples kept from an earlier run: each run starts from the seed alone.
    'database = "none"',
    '',
  );
  // Given as the document's security scheme, so the tester knows it is the credentials
  // (it drops them to check that each protected operation then answers 401).
  if (settings.bearer) lines.push('[auth.openapi.bearer]', `bearer = ${toml(settings.bearer)}`, '');
  if (settings.signIn) {
    lines.push(
      '[auth.dynamic.openapi.bearer]',
      'path = "/api/auth/sign-in"',
      `payload = { username = ${toml(settings.signIn.username)}, password = ${toml(settings.signIn.password)} }`,
      'extract_selector = "/accessToken"',
      'retry_on = [401]',
      '',
    );
  }
  const dictionaries: string[] = [];
  const operations: string[] = [];
  let count = 0;
  for (const path of Object.keys(doc.paths)) {
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    const bindings: string[] = [];
    for (const name of names) {
      const values = settings.known?.get(path.slice(0, path.indexOf(`{${name}}`))) ?? [];
      if (!values.length) continue;
      const dictionary = `known${++count}`;
      dictionaries.push(
        `[dictionaries.${dictionary}]`,
        `values = [${values.map(toml).join(', ')}]`,
        '',
      );
      bindings.push(
        `${toml(`path.${name}`)} = { dictionary = ${toml(dictionary)}, probability = 0.8 }`,
      );
    }
    if (bindings.length) {
      operations.push('[[operations]]', `include-path = ${toml(path)}`, '[operations.parameters]');
      operations.push(...bindings, '');
    }
  }
  for (const [operation, why] of Object.entries(settings.rulesBeyondSchema ?? {})) {
    const [method = '', path = ''] = operation.split(' ');
    if (!(path in doc.paths)) continue;
    operations.push(
      `# ${why}`,
      '[[operations]]',
      `include-path = ${toml(path)}`,
      `include-method = ${toml(method)}`,
      '[operations.checks.positive_data_acceptance]',
      `expected-statuses = [${acceptedDespiteRules()
        .map((s) => toml(s))
        .join(', ')}]`,
      '',
    );
  }
  return [...lines, ...dictionaries, ...operations].join('\n');
}

export interface ConformanceResult {
  exitCode: number | null;
  /** The tester's report: the summary, and each failure with a curl line to reproduce it. */
  output: string;
  /** Where the whole report is kept (the temporary folder's `sfp-conformance/<name>.log`). */
  reportFile: string;
}

/**
 * Runs `st run` against `baseUrl`'s document with the given config, and
 * `selection` (`--include-name`, `--exclude-name` … options); resolves when it exits.
 */
export async function runSchemathesis(
  name: string,
  baseUrl: string,
  config: string,
  timeoutMs: number,
  selection: string[] = [],
  headPosition = 0,
): Promise<ConformanceResult> {
  const st = schemathesisCommand();
  const dir = mkdtempSync(join(tmpdir(), 'sfp-conformance-'));
  const configFile = join(dir, 'schemathesis.toml');
  writeFileSync(configFile, config);
  const reports = join(tmpdir(), 'sfp-conformance');
  mkdirSync(reports, { recursive: true });
  const reportFile = join(reports, `${name}.log`);
  try {
    return await new Promise<ConformanceResult>((done, fail) => {
      const child = spawn(
        st,
        [
          '--config-file',
          configFile,
          '--no-color',
          'run',
          `${baseUrl}/api/docs-json`,
          '--checks',
          'all',
          '--phases',
          'examples,coverage,fuzzing,stateful',
          '--output-truncate',
          'true',
          '--suppress-health-check',
          'too_slow',
          ...selection,
        ],
        {
          cwd: dir,
          env: {
            ...process.env,
            NO_COLOR: '1',
            PYTHONUNBUFFERED: '1',
            SCHEMATHESIS_HOOKS: join(__dirname, 'schemathesis_hooks.py'),
            SFP_CONFORMANCE_HEAD_POSITION: String(headPosition),
          },
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', fail);
      child.on('close', (exitCode) => {
        clearTimeout(timer);
        writeFileSync(reportFile, output);
        done({ exitCode, output, reportFile });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A failed run as a test failure message: the summary first, then the failures, and where the whole report is. */
export function failureReport(result: ConformanceResult, max = 30_000): string {
  const { output } = result;
  const summary = output.slice(output.lastIndexOf('SUMMARY') - 40);
  const failures = output.indexOf('FAILURES');
  const details = failures >= 0 ? output.slice(failures, output.lastIndexOf('SUMMARY') - 40) : '';
  const text = `${summary}\n${details}`;
  return `schemathesis exited with ${result.exitCode}; whole report in ${result.reportFile}\n${
    text.length > max ? `${text.slice(0, max)}\n…` : text
  }`;
}

/**
 * They can end the caller's session (sign-outs, a password changed or reset, the
 * caller's own account changed): tested as an administrator of their own, who
 * signs in again when a session ends, so that the main run's token lives on.
 */
export const SESSION_ENDING = [
  'POST /api/auth/sign-out',
  'POST /api/auth/me/sign-out-everywhere',
  'POST /api/auth/me/password',
  'POST /api/auth/users/{id}/password-reset',
  'PATCH /api/auth/users/{id}',
];

/** The administrator of its own that the session-ending run signs in as (made by `makeSecondAdministrator`). */
export const SECOND_ADMIN = {
  username: 'conformance.admin',
  password: 'second chair of the board 2026',
};

/**
 * Bodies whose bytes are checked beyond their media type (a file recognised by
 * its content): a schema-valid body may be a documented 415.
 */
export const CONTENT_CHECKED_BODIES: readonly string[] = [
  'POST /api/help-desk/service-requests/{id}/attachments',
];

/**
 * Files removed with their owner's personal data: a run's erasures may reach
 * the owner of a known file, which then answers a documented 410.
 */
export const ERASABLE_FILES: readonly string[] = [
  'GET /api/help-desk/service-requests/{id}/attachments/{attachmentId}',
];

/**
 * What a schema-valid request to an operation with rules beyond its schema
 * may answer. One list for all of them: the tester (4.32) held the upload to
 * another POST block's list (the assignment's, without its 415), so every
 * `[[operations]]` block carries the statuses any of them needs.
 */
function acceptedDespiteRules(): string[] {
  return [
    ...POSITIVE_STATUSES,
    '400',
    ...(CONTENT_CHECKED_BODIES.length ? ['415'] : []),
    ...(ERASABLE_FILES.length ? ['410'] : []),
  ];
}

/**
 * Rules JSON Schema cannot state (between two fields, or against the
 * server's state or clock): their refusal is a documented 400 that a
 * schema-valid request can get.
 */
export const RULES_BEYOND_SCHEMA: Record<string, string> = {
  'POST /api/help-desk/service-requests/{id}/assign':
    'the assignee is an active platform user with a help-desk role, of the team of the request’s themes',
  'POST /api/help-desk/service-requests/{id}/attachments':
    'the file is not empty; its type is on the list and its content is what its name says (else 415)',
  'GET /api/help-desk/service-requests/{id}/attachments/{attachmentId}':
    'the file was not removed with its requester’s personal data (else 410)',
  'POST /api/auth/users': 'a password must not contain the user name',
  'POST /api/knowledge-base/impact-assessments':
    'dates in order; an achieved sample at most ten times the planned one; a confidence interval whose lower bound is below its upper bound, with the effect inside it',
  'POST /api/knowledge-base/impact-assessments/{id}/revisions': 'as for recordImpactAssessment',
  'POST /api/knowledge-base/performance-report-imports':
    'a file in the template: a header row of its columns, then one report per row (else 400 IMPORT_FILE_INVALID)',
  'POST /api/reporting/views/{view}/query':
    'the fields a query names are those of the view in the path; asOf is not in the future',
  'GET /api/reporting/views/{view}/query':
    'q is a query as JSON, naming the fields of the view in the path; asOf is not in the future',
  'GET /api/reporting/reports/progress':
    'asOf is not in the future; a table (table=<id>) is served as json or csv, not html',
  'GET /api/reporting/reports/progress/{period}/submissions/{version}':
    'a table (table=<id>) is served as json or csv, not html',
  'POST /api/knowledge-base/institutions': 'a country code that is assigned (ISO 3166-1)',
  'POST /api/knowledge-base/institutions/{id}/performance-reports':
    "the identities between a report's figures (PAR30 at most the portfolio, women at most the borrowers, the income statement adds up), an exchange rate of 1 for USD, and a period of at most a year that has ended",
  'POST /api/knowledge-base/performance-reports/{reportId}/restatements':
    'as for filePerformanceReport',
  'POST /api/knowledge-base/reference/gni-per-capita': 'one entry per country and year',
  'POST /api/training/offerings': 'the last day is not before the first',
  'POST /api/training/offerings/{id}/capacity': 'never below the seats taken',
  'POST /api/training/offerings/{id}/enrolments':
    "a staff member names a supervisor when the course needs the supervisor's approval",
  'POST /api/training/offerings/{id}/attendance':
    'the day falls within the offering, and those present are enrolled',
  'POST /api/training/offerings/{id}/evaluations': 'each item rated once',
  'POST /api/innovation-research/projects':
    'partner institutions the knowledge base has published; assigned country and currency codes; hypothesis ids unique; the planned end after the start; funding not above the budget; a principal investigator in the team',
  'POST /api/innovation-research/projects/{id}/revise':
    'as for proposeResearchProject; the hypotheses and the design unchanged once the baseline survey has started',
  'POST /api/innovation-research/projects/{id}/advance': 'the phase named is the next one',
  'POST /api/innovation-research/projects/{id}/survey-rounds':
    'the baseline is round 0 and comes once; follow-ups are numbered in order; a round not completed before the previous one',
  'POST /api/innovation-research/projects/{id}/milestones/{milestoneId}/reschedule':
    'a date other than the planned one, for a milestone not done',
  'POST /api/innovation-research/projects/{id}/milestones/{milestoneId}/complete':
    'a milestone not done yet',
  'POST /api/innovation-research/projects/{id}/findings':
    'a hypothesis and a follow-up round the project has; the interval contains the effect; a supported verdict has an interval that excludes zero on the expected side',
  'POST /api/innovation-research/projects/{id}/cost-benefit':
    'flows within the horizon; an assigned currency code',
  'POST /api/innovation-research/projects/{id}/publish':
    'a correction reason from the second version on, and none on the first',
  'POST /api/quality-monitoring/proposals':
    'partner institutions the knowledge base has published, each once; assigned country and currency codes, each country once; calendar dates; the financial component within the budget and co-financing within it; an interest-rate cap with capped pricing only; DAC 5-digit sectors; a department named when the caller has none',
  'POST /api/quality-monitoring/proposals/{id}/resubmit': 'as for submitQualityProposal',
  'POST /api/quality-monitoring/proposals/{id}/reviewers':
    'active users of the platform; a second reviewer above the policy’s budget threshold',
  'POST /api/quality-monitoring/proposals/{id}/ratings':
    'criteria of the review’s policy, each once, rated with a whole number on its scale',
  'POST /api/quality-monitoring/proposals/{id}/review':
    'as for rating, and every criterion of the review’s policy rated',
  'POST /api/quality-monitoring/proposals/{id}/reconciliation':
    'as for rating, and every criterion of the review’s policy rated',
  'POST /api/quality-monitoring/proposals/{id}/decision':
    'at least one reason, none blank; conditions with an approval with conditions, and only with it',
  'POST /api/quality-monitoring/proposals/{id}/linkages':
    'a tool known from the other contexts’ events',
  'POST /api/quality-monitoring/proposals/{id}/linkages/dismiss':
    'a tool known from the other contexts’ events',
  'POST /api/quality-monitoring/review-policy':
    'a scale whose max is above its min, each criterion once, a weight above zero',
  'POST /api/quality-monitoring/iati/activities':
    'well-formed XML, an iati-activities root of version 2.03 with one activity, its identifier and title',
};

/** The second administrator of a host (see SECOND_ADMIN), made by its first. */
export async function makeSecondAdministrator(
  url: string,
  admin: Record<string, string>,
): Promise<void> {
  const answer = await fetch(`${url}/api/auth/users`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...SECOND_ADMIN,
      displayName: 'Second administrator',
      roles: ['administrator'],
      department: 'SFP',
    }),
  });
  if (answer.status !== 201) throw new Error(`The second administrator: HTTP ${answer.status}`);
}

export interface ConformanceHost {
  /** Names the reports (`embedded`, `help-desk`…). */
  name: string;
  url: string;
  doc: OpenApiDocument;
  /** The first administrator's headers (`authorization: Bearer …`). */
  admin: Record<string, string>;
  /** Examples per operation (CONFORMANCE_EXAMPLES by default). */
  examples?: number;
  /** Seconds an answer may take (the tester's default: 10). */
  requestTimeoutSeconds?: number;
  known: Map<string, string[]>;
  headPosition: number;
}

/** A run that ended with its failures as an error, and the number of operations it tested. */
async function checkedRun(
  run: Promise<ConformanceResult>,
): Promise<{ tested: number; result: ConformanceResult }> {
  const result = await run;
  if (result.exitCode !== 0) throw new Error(failureReport(result));
  return { tested: Number(/Tested: (\d+)/.exec(result.output)?.[1] ?? -1), result };
}

/** The three runs of a host; each throws the tester's report when it finds anything. */
export function conformanceRuns(host: ConformanceHost, timeoutMs: number) {
  const common = {
    known: host.known,
    rulesBeyondSchema: RULES_BEYOND_SCHEMA,
    ...(host.examples ? { examples: host.examples } : {}),
    ...(host.requestTimeoutSeconds ? { requestTimeoutSeconds: host.requestTimeoutSeconds } : {}),
  };
  const bearer = (host.admin['authorization'] ?? '').replace(/^Bearer /, '');
  const operations = Object.values(host.doc.paths).reduce(
    (sum, item) => sum + Object.keys(item).length,
    0,
  );
  return {
    operations,
    /** As the first administrator, every operation but those that can end its session. */
    administrator: () =>
      checkedRun(
        runSchemathesis(
          `${host.name}-administrator`,
          host.url,
          conformanceConfig(host.doc, { ...common, bearer }),
          timeoutMs,
          SESSION_ENDING.flatMap((op) => ['--exclude-name', op]),
          host.headPosition,
        ),
      ),
    /** The operations that can end a session, as the second administrator. */
    sessionEnding: () =>
      checkedRun(
        runSchemathesis(
          `${host.name}-session-ending`,
          host.url,
          conformanceConfig(host.doc, { ...common, signIn: SECOND_ADMIN }),
          timeoutMs,
          SESSION_ENDING.flatMap((op) => ['--include-name', op]),
          host.headPosition,
        ),
      ),
    /** Every operation, without credentials. */
    anonymous: () =>
      checkedRun(
        runSchemathesis(
          `${host.name}-anonymous`,
          host.url,
          conformanceConfig(host.doc, common),
          timeoutMs,
          [],
          host.headPosition,
        ),
      ),
  };
}
