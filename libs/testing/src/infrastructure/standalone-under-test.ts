import { httpClient, signIn } from '../http/http-client';
import { standaloneTestEnv } from './standalone-test-env';
import { dropDatabases } from '../kafka/department-system';

/** A standalone service as started in-process (startStandaloneService's answer, in what the suite needs). */
export interface RunningService {
  /** The host's address, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/** A standalone service under test on the integration servers, its administrator signed in. */
export interface StandaloneUnderTest<S extends RunningService> {
  setup: ReturnType<typeof standaloneTestEnv>;
  service: S;
  /** The first administrator's client at `<url>/api`. */
  admin: ReturnType<typeof httpClient>;
  /** Registers an integration client of a department and issues it an API key. */
  apiClient(name: string, department: string): Promise<{ clientId: string; apiKey: string }>;
  /** Stops the service (and anything else the suite started), then drops its databases. */
  stop(...others: Array<{ stop(): Promise<void> } | undefined>): Promise<void>;
}

/**
 * Starts a standalone service for a distributed e2e suite: its environment
 * (standaloneTestEnv: fresh databases, the integration Kafka and MongoDB),
 * the service itself with `start` (e.g. `(env) => startStandaloneService(definition, env)`),
 * and its first administrator signed in. When any of it fails, what was
 * started is stopped and the databases dropped before the error is thrown.
 */
export async function startStandaloneUnderTest<S extends RunningService>(options: {
  /** Prefix of the databases' names, e.g. `hd_e2e`. */
  prefix: string;
  adminPassword: string;
  extra?: Record<string, string>;
  start: (env: Record<string, string>) => Promise<S>;
}): Promise<StandaloneUnderTest<S>> {
  const setup = standaloneTestEnv(options);
  let service: S | undefined;
  const stop = async (...others: Array<{ stop(): Promise<void> } | undefined>) => {
    await Promise.all([...others.map((o) => o?.stop()), service?.close()]);
    await dropDatabases(setup.mongodbUri, setup.databases);
  };
  try {
    const started = await options.start(setup.env);
    service = started;
    const admin = httpClient(
      `${started.url}/api`,
      await signIn(started.url, 'admin', options.adminPassword),
    );
    const apiClient = async (name: string, department: string) => {
      const clientId = (await admin.post<{ id: string }>('/auth/clients', { name, department }))
        .body.id;
      const apiKey = (
        await admin.post<{ apiKey: string }>(`/auth/clients/${clientId}/keys`, { label: 'e2e' })
      ).body.apiKey;
      return { clientId, apiKey };
    };
    return { setup, service: started, admin, apiClient, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
