import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startStandaloneService, type StandaloneService } from '@sfp/service-kit';
import { dropDatabases, httpClient, signIn, standaloneTestEnv } from '@sfp/testing';
import { helpDeskService } from '../src/help-desk.service';

const run = promisify(execFile);
const EXAMPLE = resolve(__dirname, '../../../examples/python-department');

/** What a child process printed, for a failure message. */
function output(error: unknown): string {
  const e = error as { code?: unknown; stdout?: string; stderr?: string; message?: string };
  return `exit ${String(e.code)}\n--- stdout\n${e.stdout ?? ''}\n--- stderr\n${e.stderr ?? e.message ?? ''}`;
}

/**
 * A Python virtual environment with examples/python-department's pinned
 * requirements, kept in the platform's cache (SFP_CACHE_DIR, default
 * ~/.cache/sfp-platform) under the hash of requirements.txt, so it is
 * installed once per pin. `PYTHON` names the interpreter (default python3).
 */
async function pythonEnvironment(): Promise<string> {
  const requirements = join(EXAMPLE, 'requirements.txt');
  const pin = createHash('sha256').update(readFileSync(requirements)).digest('hex').slice(0, 12);
  const cache = process.env['SFP_CACHE_DIR'] ?? join(homedir(), '.cache', 'sfp-platform');
  const venv = join(cache, `python-department-${pin}`);
  const python = join(venv, 'bin', 'python');
  if (existsSync(join(venv, '.installed'))) return python;
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  try {
    await run(process.env['PYTHON'] ?? 'python3', ['-m', 'venv', venv], { timeout: 120_000 });
    await run(
      python,
      ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '-r', requirements],
      { timeout: 300_000 },
    );
    await run(python, ['-c', 'open(".installed", "w").close()'], { cwd: venv });
  } catch (error) {
    throw new Error(`Could not set up the Python environment in ${venv}:\n${output(error)}`);
  }
  return python;
}

/**
 * examples/python-department, run as a department's system runs it: it signs
 * a SubmitServiceRequest with an integration client's API key following
 * docs/security.md, sends it on sfp.help-desk.commands, and waits for its
 * outcome. Against a standalone help desk on the real broker and
 * MongoDB-protocol server.
 */
describe('the Python department example (distributed e2e)', () => {
  const ADMIN_PASSWORD = 'python example e2e secret phrase';
  let setup: ReturnType<typeof standaloneTestEnv> | undefined;
  let service: StandaloneService;
  let admin: ReturnType<typeof httpClient>;
  let apiKey: string;
  let python: string;

  beforeAll(async () => {
    [python] = await Promise.all([
      pythonEnvironment(),
      (async () => {
        setup = standaloneTestEnv({
          prefix: 'hd_python',
          adminPassword: ADMIN_PASSWORD,
          extra: {
            SFP_PSEUDONYM_SECRET: 'python-example-e2e-pseudonym-secret-0123456789',
            SLA_CHECK_INTERVAL_MS: '0',
            KAFKA_CLIENT_ID: 'sfp-help-desk-python-e2e',
          },
        });
        service = await startStandaloneService(helpDeskService, setup.env);
      })(),
    ]);
    admin = httpClient(`${service.url}/api`, await signIn(service.url, 'admin', ADMIN_PASSWORD));
    const client = await admin.post<{ id: string }>('/auth/clients', {
      name: 'python-department-example',
      department: 'regional-office-africa',
    });
    apiKey = (
      await admin.post<{ apiKey: string }>(`/auth/clients/${client.body.id}/keys`, {
        label: 'python example',
      })
    ).body.apiKey;
  }, 600_000);

  afterAll(async () => {
    await service?.close();
    if (setup) await dropDatabases(setup.mongodbUri, setup.databases);
  });

  it('files a request: the example exits 0 with the accepted outcome, and the request exists', async () => {
    const title = `Filed from Python ${Date.now()}`;
    let result: { stdout: string; stderr: string };
    try {
      result = await run(python, [join(EXAMPLE, 'file_service_request.py')], {
        timeout: 120_000,
        env: {
          PATH: process.env['PATH'] ?? '',
          SFP_API_KEY: apiKey,
          KAFKA_BROKERS: setup!.kafkaBrokers.join(','),
          SFP_TIMEOUT_SECONDS: '60',
          SFP_REQUEST_TITLE: title,
        },
      });
    } catch (error) {
      throw new Error(`The Python example failed:\n${output(error)}`);
    }
    const outcome = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(outcome).toMatchObject({
      status: 'accepted',
      commandType: 'SubmitServiceRequest',
      streamVersion: 1,
    });
    const requestId = String(outcome['streamId']).replace(/^service-request-/, '');
    const request = await admin.get<Record<string, unknown>>(
      `/help-desk/service-requests/${requestId}`,
    );
    expect(request.status).toBe(200);
    expect(request.body).toMatchObject({ requestId, title });
  });

  it('exits non-zero when the key does not sign for the platform', async () => {
    const wrongKey = apiKey.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const failed = await run(python, [join(EXAMPLE, 'file_service_request.py')], {
      timeout: 120_000,
      env: {
        PATH: process.env['PATH'] ?? '',
        SFP_API_KEY: wrongKey,
        KAFKA_BROKERS: setup!.kafkaBrokers.join(','),
        SFP_TIMEOUT_SECONDS: '60',
      },
    }).then(
      () => undefined,
      (error: { code?: number; stdout?: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(JSON.parse(failed?.stdout ?? 'null')).toMatchObject({
      status: 'rejected',
      rejection: { code: 'UNAUTHORISED', message: 'The signature does not match the message' },
    });
  });
});
