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
  const lines: string[] = [`seed = ${CONFORMANCE_SEED}`, 'workers = 1', ''];
  // A body over the size limit is refused with 413 (documented on every operation with a body).
  lines.push(
    '[checks.negative_data_rejection]',
    `expected-statuses = [${[...NEGATIVE_STATUSES, '413'].map((s) => toml(s)).join(', ')}]`,
    '',
  );
  lines.push(
    '[generation]',
    `max-examples = ${CONFORMANCE_EXAMPLES}`,
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
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
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
    const [method, path] = operation.split(' ');
    operations.push(
      `# ${why}`,
      '[[operations]]',
      `include-path = ${toml(path!)}`,
      `include-method = ${toml(method!)}`,
      '[operations.checks.positive_data_acceptance]',
      `expected-statuses = [${[...POSITIVE_STATUSES, '400'].map((s) => toml(s)).join(', ')}]`,
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
