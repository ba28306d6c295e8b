import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@sfp/testing';

const ROOT = join(__dirname, '../../../../..');
const UP = join(ROOT, 'infra/local/up');
const DOWN = join(ROOT, 'infra/local/down');

/**
 * A Kafka broker and a FerretDB of the suite's own, started by
 * infra/local/up on free ports with their own data directory (the shared
 * integration servers are never touched), so that a scenario may kill them
 * and start them again on the same data.
 */
export class PrivateServers {
  private constructor(
    private readonly dir: string,
    private readonly env: Record<string, string>,
    readonly kafkaPort: number,
    readonly mongoPort: number,
  ) {}

  static async start(): Promise<PrivateServers> {
    const dir = await mkdtemp(join(tmpdir(), 'sfp-faults-'));
    // Whose servers these are: scripts/fault-suite.mjs stops those of a run that died.
    writeFileSync(join(dir, 'owner.pid'), String(process.pid));
    const kafkaPort = await freePort();
    const controllerPort = await freePort();
    const mongoPort = await freePort();
    const env = {
      SFP_LOCAL_DIR: dir,
      KAFKA_PORT: String(kafkaPort),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
      FERRETDB_PORT: String(mongoPort),
      KAFKA_HEAP_OPTS: '-Xms128m -Xmx384m',
    };
    const servers = new PrivateServers(dir, env, kafkaPort, mongoPort);
    // A test process that dies (a timeout) takes its servers with it: they run detached (setsid).
    process.once('exit', () => {
      for (const name of ['kafka', 'ferretdb'] as const) {
        const pid = servers.pid(name);
        if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    });
    await servers.up();
    return servers;
  }

  get kafkaBrokers(): string[] {
    return [`127.0.0.1:${this.kafkaPort}`];
  }

  get mongodbUri(): string {
    return `mongodb://127.0.0.1:${this.mongoPort}`;
  }

  /** Starts whichever server is not running (infra/local/up is idempotent). */
  async up(): Promise<void> {
    await this.script(UP);
  }

  /** SIGKILL to the broker: no clean shutdown, no flush beyond what Kafka already did. */
  killKafka(): void {
    this.signal('kafka', 'SIGKILL');
  }

  /** SIGKILL to FerretDB: every connection drops at once. */
  killFerretDb(): void {
    this.signal('ferretdb', 'SIGKILL');
  }

  /** Waits until the server's process is gone. */
  async exited(name: 'kafka' | 'ferretdb', timeoutMs = 15_000): Promise<void> {
    const pid = this.pid(name);
    const deadline = Date.now() + timeoutMs;
    while (pid !== undefined && alive(pid)) {
      if (Date.now() > deadline) throw new Error(`${name} (pid ${pid}) still alive`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Stops both and deletes their data. */
  async down(): Promise<void> {
    await this.script(DOWN, '--wipe').catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private pid(name: 'kafka' | 'ferretdb'): number | undefined {
    try {
      return Number(readFileSync(join(this.dir, 'run', `${name}.pid`), 'utf8').trim());
    } catch {
      return undefined;
    }
  }

  private signal(name: 'kafka' | 'ferretdb', signal: NodeJS.Signals): void {
    const pid = this.pid(name);
    if (pid === undefined) throw new Error(`${name} has no pid file in ${this.dir}`);
    process.kill(pid, signal);
  }

  private script(path: string, ...args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      let output = '';
      const child = spawn('bash', [path, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`${path} ${args.join(' ')} exited ${code}: ${output.slice(-3_000)}`)),
      );
    });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
