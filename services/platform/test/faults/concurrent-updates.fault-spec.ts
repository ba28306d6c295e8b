import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { httpClient, signIn, standaloneTestEnv } from '@sfp/testing';
import type { EmbeddedPlatform } from '../../src/embedded-platform';
import { ServiceInstance } from '../support/scale-out/service-instance';
import { startTestPlatform } from '../support/test-platform';
import { createOperator } from './support/fault-helpers';
import { recordScenario, sized } from './support/fault-report';
import { contestOneRequest, type ContestFigures } from './support/concurrent-contest';
import { PrivateServers } from './support/private-servers';

const HELP_DESK_MAIN = 'services/help-desk/src/main.ts';
const CLIENTS = 50;
const ROUNDS = sized(4, 20);

/**
 * Scenario 5, concurrency: 50 clients update the same service request at
 * once, each with If-Match set to the version they all read. First in
 * distributed mode: two help desk processes share the database, the clients
 * split between them, so the conflicts meet in the store's unique index and
 * not only in one process's queue of appends. Then on the embedded platform
 * (SQLite, one process). Each round, exactly one client wins (2xx, the next
 * ETag) and 49 get 409 WRONG_EXPECTED_VERSION; the request's history grows by
 * exactly one event per round (no lost update, none doubled). Rounds take
 * turns between a comment and a triage (a change of its fields); a last round
 * sent with a version already spent wins nothing (support/concurrent-contest.ts).
 */
describe('fault 5: 50 clients update one request with the same If-Match', () => {
  const run = randomBytes(4).toString('hex');
  const ADMIN_PASSWORD = 'concurrent fault secret phrase';
  const setup = standaloneTestEnv({
    prefix: 'conc_fault',
    adminPassword: ADMIN_PASSWORD,
    extra: {
      SFP_PSEUDONYM_SECRET: 'concurrent-fault-pseudonym-secret-0123456789',
      // No scheduled SLA check: it would append to the request between rounds.
      SLA_CHECK_INTERVAL_MS: '0',
      KAFKA_CLIENT_ID: 'sfp-help-desk-concurrent-fault',
    },
  });
  const instances: ServiceInstance[] = [];
  // A broker and a database of its own: a help desk joins its context's
  // consumer groups, and on the shared broker it would take a share of another
  // scenario's commands into this database.
  let servers: PrivateServers | undefined;
  let embedded: EmbeddedPlatform | undefined;

  beforeAll(async () => {
    servers = await PrivateServers.start();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await embedded?.close();
    await servers?.down();
  }, 60_000);

  const operatorOn = async (url: string) => {
    const admin = httpClient(`${url}/api`, await signIn(url, 'admin', ADMIN_PASSWORD));
    await createOperator(admin);
    return signIn(url, 'operator-1', 'operator one secret');
  };

  it('exactly one client wins each version, the others get 409, one event per round', async () => {
    // Distributed: two processes on one database.
    const env = {
      ...setup.env,
      KAFKA_BROKERS: (servers as PrivateServers).kafkaBrokers.join(','),
      MONGODB_URI: (servers as PrivateServers).mongodbUri,
    };
    instances.push(await ServiceInstance.start('instance-a', HELP_DESK_MAIN, env));
    instances.push(await ServiceInstance.start('instance-b', HELP_DESK_MAIN, env));
    const session = await operatorOn((instances[0] as ServiceInstance).url);
    const distributed = await contestOneRequest({
      hosts: instances.map((instance) => httpClient(`${instance.url}/api/help-desk`, session)),
      clients: CLIENTS,
      rounds: ROUNDS,
      run,
    });
    await Promise.all(instances.map((instance) => instance.stop()));

    // Embedded: the whole platform in this process, on SQLite.
    embedded = await startTestPlatform('sfp-concurrent-fault-', {
      SFP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    const embeddedSession = await operatorOn(embedded.url);
    const inProcess = await contestOneRequest({
      hosts: [httpClient(`${embedded.url}/api/help-desk`, embeddedSession)],
      clients: CLIENTS,
      rounds: ROUNDS,
      run,
    });

    const both = [distributed, inProcess];
    const sum = (field: keyof ContestFigures) => both.reduce((total, f) => total + f[field], 0);
    const passed = recordScenario({
      scenario: 5,
      title: '50 clients update one record with the same If-Match',
      sent: sum('sent'),
      acknowledged: sum('acknowledged'),
      lost: sum('lost'),
      duplicated: sum('duplicated'),
      serverErrors: sum('serverErrors'),
      notes:
        `distributed (2 processes) then embedded: in each, ${ROUNDS} rounds of ${CLIENTS} concurrent clients ` +
        `(comment and triage in turn) and 1 round with a spent version; each round 1 × 2xx and the rest ` +
        `409 WRONG_EXPECTED_VERSION, history +1 event per round; sent and acknowledged include the filings; ` +
        `slowest round ${distributed.slowestRoundMs} ms distributed, ${inProcess.slowestRoundMs} ms embedded`,
    });
    expect(passed).toBe(true);
  }, 300_000);
});
