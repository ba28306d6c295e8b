import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { dropDatabases, httpClient, signIn, standaloneTestEnv } from '@sfp/testing';
import { ServiceInstance } from '../support/scale-out/service-instance';
import { clockAheadEnv } from './support/clock-faketime';
import { createOperator, eventually, runRequests } from './support/fault-helpers';
import { recordScenario, sized } from './support/fault-report';
import { referralRequest } from '../support/scale-out/referral-request';

/** The scenario's bound: the full version's counts take minutes on FerretDB. */
const TEST_TIMEOUT_MS = sized(240_000, 1_800_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers read field by field, as in the e2e specs
type Json = Record<string, any>;
type Client = ReturnType<typeof httpClient>;

const HELP_DESK_MAIN = 'services/help-desk/src/main.ts';
const SKEW_S = 300;
const LEASE_MS = 3_000;
const LEADER_LEASE = 'help-desk.leader';
const ELECTED = 'Leader of the context';

/** A request filed by the driver, and the comments acknowledged on it, in the order they were. */
interface Filed {
  title: string;
  requestId?: string;
  comments: string[];
  commentAttempts: number;
}

/**
 * Scenario 9: two help desk instances on the shared servers, one with its
 * wall clock 5 minutes ahead (libfaketime), one on time. The one ahead starts
 * first and leads; load goes through both, each request commented on through
 * both in turn; the leader ahead is killed, the one on time must take over
 * within the lease; the one ahead comes back and must not take the lease from
 * it. Then every acknowledged request is once in the requests view, its
 * comments in the order they were acknowledged, its history in store order
 * (positions rising, versions 1..n) and the view's last activity that of the
 * request's last event in the store, whatever the clocks said.
 */
describe('scenario 9: a help desk instance with its clock 5 minutes ahead', () => {
  const run = randomBytes(4).toString('hex');
  const ADMIN_PASSWORD = 'clock skew fault secret phrase';
  const setup = standaloneTestEnv({
    prefix: 'skew_f',
    adminPassword: ADMIN_PASSWORD,
    extra: {
      SFP_PSEUDONYM_SECRET: 'clock-skew-fault-pseudonym-secret-0123456789',
      SLA_CHECK_INTERVAL_MS: '1000',
      SFP_LEADER_LEASE_MS: String(LEASE_MS),
      KAFKA_CLIENT_ID: 'sfp-help-desk-clock-skew',
      LOG_LEVEL: 'info',
    },
  });
  const instances: ServiceInstance[] = [];
  let connection: mongoose.Connection | undefined;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(setup.mongodbUri, { dbName: setup.env['MONGODB_DATABASE'] })
      .asPromise();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await connection?.close();
    await dropDatabases(setup.mongodbUri, setup.databases);
  }, 60_000);

  const startAhead = (name: string) =>
    ServiceInstance.start(name, HELP_DESK_MAIN, { ...setup.env, ...clockAheadEnv(SKEW_S) });
  const leaseOwnerPid = async (): Promise<number | undefined> => {
    const lease = await connection
      ?.collection<{ _id: string; owner: string }>('messaging_leases')
      .findOne({ _id: LEADER_LEASE });
    return lease ? Number(lease.owner.split('/').at(-2)) : undefined;
  };

  it(
    'reorders, drops and duplicates nothing; the lease follows the database clock',
    async () => {
      const ahead = await startAhead('ahead');
      instances.push(ahead);
      // The fault is real: the instance's own log lines are stamped 5 minutes ahead.
      const stamped = ahead.logs.filter((l) => l.line['time'] !== undefined).at(-1);
      const time = stamped?.line['time'];
      const skewMs =
        (typeof time === 'number' ? time : Date.parse(String(time))) - (stamped?.at ?? 0);
      expect(Math.abs(skewMs - SKEW_S * 1000)).toBeLessThan(10_000);
      await eventually('the instance ahead to lead', async () =>
        (await leaseOwnerPid()) === ahead.pid ? true : undefined,
      );
      const onTime = await ServiceInstance.start('on-time', HELP_DESK_MAIN, setup.env);
      instances.push(onTime);

      const admin = httpClient(
        `${onTime.url}/api`,
        await signIn(onTime.url, 'admin', ADMIN_PASSWORD),
      );
      await createOperator(admin);
      const session = await signIn(onTime.url, 'operator-1', 'operator one secret');
      const clientOf = (instance: ServiceInstance): Client =>
        httpClient(`${instance.url}/api/help-desk`, session);

      // Load: each lane files a request on one instance, then comments on it through both in turn.
      const filed: Filed[] = [];
      let sent = 0;
      let acknowledged = 0;
      let serverErrors = 0;
      let highestPosition = 0;
      let stopLoad = false;
      const send = async (instance: ServiceInstance | undefined, path: string, body: Json) => {
        if (!instance?.running) {
          await new Promise((r) => setTimeout(r, 100));
          return undefined;
        }
        sent++;
        try {
          const response = await clientOf(instance).post<{ requestId?: string; position: number }>(
            path,
            body,
          );
          if (response.status >= 500) serverErrors++;
          if (response.status < 200 || response.status > 299) return undefined;
          acknowledged++;
          highestPosition = Math.max(highestPosition, response.body.position);
          return response.body;
        } catch {
          return undefined; // the instance was killed before it answered
        }
      };
      let index = 0;
      const lane = async () => {
        while (!stopLoad) {
          const pair = instances.filter((i) => i.running);
          const request: Filed = {
            title: `Clock-skew request ${index++} (${run})`,
            comments: [],
            commentAttempts: 0,
          };
          filed.push(request);
          const answer = await send(
            pair[index % pair.length] as ServiceInstance,
            '/service-requests',
            referralRequest(run, request.title),
          );
          if (!answer?.requestId) continue;
          request.requestId = answer.requestId;
          for (let n = 0; n < 4 && !stopLoad; n++) {
            const live = instances.filter((i) => i.running);
            const text = `Comment ${n + 1} on ${request.title}`;
            request.commentAttempts++;
            const commented = await send(
              live[n % live.length],
              `/service-requests/${request.requestId}/comments`,
              { text, visibility: 'internal' },
            );
            if (commented) request.comments.push(text);
          }
        }
      };
      const lanes = [lane(), lane()];
      let takeoverMs = NaN;
      try {
        const until = (count: number) =>
          eventually(
            `${count} acknowledged commands`,
            async () => (acknowledged >= count ? true : undefined),
            sized(60_000, 600_000),
            200,
            () => `${acknowledged} acknowledged so far`,
          );
        await until(sized(20, 300));

        // The leader ahead dies: the one on time takes over within the lease, not 5 minutes later.
        ahead.kill();
        const killedAt = Date.now();
        await ahead.exited;
        await eventually(
          'the instance on time to lead',
          async () => ((await leaseOwnerPid()) === onTime.pid ? true : undefined),
          LEASE_MS * 10,
        );
        takeoverMs = Date.now() - killedAt;
        await until(acknowledged + sized(10, 200));

        // The instance ahead comes back: it must not take the lease the one on time holds.
        instances.push(await startAhead('ahead-again'));
        const backAt = Date.now();
        await until(acknowledged + sized(20, 300));
        while (Date.now() - backAt < LEASE_MS * 3) await new Promise((r) => setTimeout(r, 200));
      } finally {
        stopLoad = true;
        await Promise.all(lanes);
      }
      const back = instances[2] as ServiceInstance;
      expect(back.logged(ELECTED)).toEqual([]);
      expect(await leaseOwnerPid()).toBe(onTime.pid);

      // Every acknowledged request once in the view, in store order whatever the clocks said.
      const http = clientOf(onTime);
      const titles: string[] = [];
      const items = new Map<string, Json>();
      for (const item of await runRequests(http, highestPosition, run)) {
        titles.push(String(item['title']));
        items.set(String(item['title']), item);
      }
      const acknowledgedRequests = filed.filter((f) => f.requestId);
      const lost = acknowledgedRequests.filter((f) => !titles.includes(f.title));
      const duplicated = titles.filter((title, i) => titles.indexOf(title) !== i);
      const misordered: string[] = [];
      let lostComments = 0;
      for (const request of acknowledgedRequests) {
        const detail = await http.get<Json>(`/service-requests/${request.requestId}`);
        expect(detail.status).toBe(200);
        const texts = (detail.body['comments'] as Json[]).map((c) => String(c['text']));
        // Acknowledged comments in the order they were, none missing (an unanswered one may be there too).
        const acknowledgedInView = texts.filter((t) => request.comments.includes(t));
        lostComments += request.comments.length - acknowledgedInView.length;
        if (acknowledgedInView.join('\n') !== request.comments.join('\n'))
          misordered.push(request.title);
        const history = detail.body['history'] as Json[];
        const versions = history.map((h) => Number(h['streamVersion']));
        const positions = history.map((h) => Number(h['position']));
        if (
          versions.some((v, i) => v !== i + 1) ||
          positions.some((p, i) => i > 0 && p <= (positions[i - 1] as number))
        )
          misordered.push(`${request.title} (history)`);
        // The projection applied the events in store order: its last activity is the last event's time.
        const item = items.get(request.title);
        if (item && item['lastActivityAt'] !== history.at(-1)?.['occurredAt'])
          misordered.push(
            `${request.title} (view: ${item['lastActivityAt']} ≠ ${history.at(-1)?.['occurredAt']})`,
          );
      }

      const passed = recordScenario({
        scenario: 9,
        title: 'Clock 5 min ahead on one help desk instance (libfaketime)',
        sent,
        acknowledged,
        lost: lost.length + lostComments,
        duplicated: duplicated.length,
        recoveryMs: takeoverMs,
        serverErrors,
        notes:
          `instance ahead by ${(skewMs / 1000).toFixed(0)} s led first; on its kill the one on time led after ${takeoverMs} ms (lease ${LEASE_MS} ms); ` +
          `back again, it never took the lease; ${misordered.length} requests out of store order`,
      });
      expect(lost.map((f) => f.title)).toEqual([]);
      expect(lostComments).toBe(0);
      expect(duplicated).toEqual([]);
      expect(misordered).toEqual([]);
      expect(passed).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});
