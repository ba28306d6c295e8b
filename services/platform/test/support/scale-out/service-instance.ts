import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@sfp/testing';

const ROOT = join(__dirname, '../../../../..');
/** Where each instance's output is kept for a reader of a failed run (gitignored). */
const LOG_DIR = join(ROOT, 'test-artifacts/service-logs');

/** A log line of the instance (pino JSON), with the time the test read it. */
export interface InstanceLogLine {
  at: number;
  msg: string;
  line: Record<string, unknown>;
}

/**
 * One instance of a standalone service as operators run it: its own Node
 * process (`node -r ts-node/register/transpile-only <main.ts>`), on a port of
 * its own, sharing the database, topics and consumer groups of the others.
 * Its log lines (LOG_LEVEL info) are kept for the test to read.
 */
export class ServiceInstance {
  readonly logs: InstanceLogLine[] = [];
  readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    mkdirSync(LOG_DIR, { recursive: true });
    const file: WriteStream = createWriteStream(join(LOG_DIR, `${name}-${child.pid}.log`));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        file.end();
        resolve(code);
      }),
    );
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      file.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const text of lines) {
        try {
          const line = JSON.parse(text) as Record<string, unknown>;
          this.logs.push({ at: Date.now(), msg: String(line['msg'] ?? ''), line });
        } catch {
          // not a log line
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      file.write(chunk);
      this.stderr = (this.stderr + chunk.toString()).slice(-4_000);
    });
  }

  /** Starts `main` (relative to the repository) with `env` on a free port; resolves once it is ready. */
  static async start(
    name: string,
    main: string,
    env: Record<string, string>,
    readyTimeoutMs = 90_000,
  ): Promise<ServiceInstance> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, main)],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...env,
          PORT: String(port),
          HOST: '127.0.0.1',
          TS_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // A test process that dies (a timeout, Ctrl-C) takes its services with it.
    const orphanGuard = () => child.kill('SIGKILL');
    process.once('exit', orphanGuard);
    child.once('exit', () => process.removeListener('exit', orphanGuard));
    const instance = new ServiceInstance(name, `http://127.0.0.1:${port}`, child);
    await instance.waitReady(readyTimeoutMs);
    return instance;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: the process dies at once, without releasing anything. */
  kill(): void {
    this.child.kill('SIGKILL');
  }

  /** SIGTERM, then waits for a clean exit (SIGKILL after `timeoutMs`). */
  async stop(timeoutMs = 20_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** The log lines whose message starts with `prefix`. */
  logged(prefix: string): InstanceLogLine[] {
    return this.logs.filter((entry) => entry.msg.startsWith(prefix));
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running)
        throw new Error(`${this.name} exited before it was ready: ${this.stderr.slice(-2_000)}`);
      try {
        const response = await fetch(`${this.url}/api/health/ready`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        this.child.kill('SIGKILL');
        throw new Error(`${this.name} was not ready in ${timeoutMs} ms: ${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
