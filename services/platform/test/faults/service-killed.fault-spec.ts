import 'reflect-metadata';
import mongoose from 'mongoose';
import type { ServiceInstance } from '../support/scale-out/service-instance';
import { recordScenario, sized, step } from './support/fault-report';
import { HelpDeskLoad } from './support/help-desk-load';
import { HelpDeskSystem, runId } from './support/help-desk-system';
import { compareViews } from './support/help-desk-views';
import { PrivateServers } from './support/private-servers';

const LEADER_LEASE = 'help-desk.leader';
const LEASE_MS = 5_000;
const ELECTED = 'Leader of the context';

/**
 * Scenario 2: a help-desk process is killed (SIGKILL) mid-stream and started
 * again; then a second process joins the same consumer group and database,
 * and the one holding the leader lease (projections, reactors, outbox relay,
 * scheduled SLA checks) is killed. Both times every acknowledged command ends
 * up in the help desk's views and in reporting's (which only sees what the
 * outbox relay published) exactly once, and the survivor takes the lease and
 * the singleton work.
 */
describe('scenario 2: a service killed mid-stream, restarted, then the leader of two killed', () => {
  let servers: PrivateServers | undefined;
  let system: HelpDeskSystem | undefined;
  let connection: mongoose.Connection | undefined;

  afterAll(async () => {
    await system?.stop();
    await connection?.close();
    await servers?.down();
  }, 120_000);

  it('loses nothing, duplicates nothing, and hands the singleton work over', async () => {
    step('scenario 2: starting private Kafka and FerretDB');
    servers = await PrivateServers.start();
    step('starting the help desk and reporting');
    // A 5 s lease (default 10 s): the survivor takes over within the 30 s recovery target.
    system = await HelpDeskSystem.start({
      servers,
      reporting: true,
      extra: { SFP_LEADER_LEASE_MS: String(LEASE_MS) },
    });
    connection = await mongoose
      .createConnection(servers.mongodbUri, { dbName: system.env['MONGODB_DATABASE'] })
      .asPromise();
    const leases = connection.collection<{ _id: string; owner: string; expiresAt: Date }>(
      'messaging_leases',
    );
    const leaderPid = async (): Promise<number | undefined> => {
      const lease = await leases.findOne({ _id: LEADER_LEASE });
      if (!lease || lease.expiresAt.getTime() < Date.now()) return undefined;
      return Number(lease.owner.split('/').at(-2));
    };
    const load = new HelpDeskLoad(system, runId());
    load.start();
    await load.acknowledgedMore(sized(30, 300));

    // 1. The only process killed mid-stream, and started again.
    const first = system.live()[0] as ServiceInstance;
    step(`${load.acknowledged} acknowledged; killing the help desk (pid ${first.pid})`);
    const killedAt = Date.now();
    first.kill();
    await first.exited;
    const restarted = await system.addInstance();
    const restartedAt = Date.now();
    step(`restarted in ${restartedAt - killedAt} ms; waiting for the views`);
    const afterRestart = await compareViews(system, load, { comments: false });
    const restartRecoveryMs = afterRestart.completeAt - restartedAt;
    step(`views complete ${restartRecoveryMs} ms after the restart`);

    // 2. Two processes in one group; the leader killed.
    const second = await system.addInstance();
    await load.acknowledgedMore(sized(20, 300));
    const pid = await leaderPid();
    const leader = pid === second.pid ? second : restarted;
    const survivor = leader === second ? restarted : second;
    expect([restarted.pid, second.pid]).toContain(pid);
    step(`${load.acknowledged} acknowledged; killing the leader (pid ${leader.pid})`);
    const leaderKilledAt = Date.now();
    leader.kill();
    await leader.exited;
    let takeoverMs = -1;
    for (let waited = 0; waited < 60_000; waited += 200) {
      if ((await leaderPid()) === survivor.pid) {
        takeoverMs = Date.now() - leaderKilledAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    step(`survivor leader ${takeoverMs} ms after the kill`);
    const afterTakeover = await compareViews(system, load, { comments: false });
    const takeoverRecoveryMs = afterTakeover.completeAt - leaderKilledAt;
    await load.acknowledgedMore(sized(20, 300));
    await load.stop();
    step('load stopped; comparing the views with the ledger');
    const final = await compareViews(system, load);

    const recoveryMs = Math.max(restartRecoveryMs, takeoverRecoveryMs);
    const passed = recordScenario({
      scenario: 2,
      title: 'help-desk process killed (SIGKILL) and restarted; then the leader of two killed',
      sent: load.sent,
      acknowledged: load.acknowledged,
      lost: final.lost.length,
      duplicated: final.duplicated.length,
      recoveryMs,
      serverErrors: serverErrorsOutsideKills(),
      notes:
        `views complete ${(restartRecoveryMs / 1000).toFixed(1)} s after the restart and ` +
        `${(takeoverRecoveryMs / 1000).toFixed(1)} s after the leader's kill (survivor leader after ${(takeoverMs / 1000).toFixed(1)} s, lease ${LEASE_MS / 1000} s); ` +
        `${load.ledger.failed} HTTP commands unanswered around the kills; ` +
        `${final.requestsInView} requests in the help desk's view, ${final.reportingRows} in reporting's`,
    });

    function serverErrorsOutsideKills(): number {
      // Answers ≥ 500 outside the two kill windows (a kill's own broken connections are not answers).
      return load.ledger.responses.filter(
        (response) =>
          typeof response.status === 'number' &&
          response.status >= 500 &&
          !(response.sentAt >= killedAt && response.sentAt < restartedAt + restartRecoveryMs) &&
          !(
            response.sentAt >= leaderKilledAt &&
            response.sentAt < leaderKilledAt + takeoverRecoveryMs
          ),
      ).length;
    }

    expect(takeoverMs).toBeGreaterThan(0);
    // The singleton work moved: the survivor was elected once after the kill.
    expect(survivor.logged(ELECTED).filter((line) => line.at > leaderKilledAt)).toHaveLength(1);
    expect(final.lost).toEqual([]);
    expect(final.duplicated).toEqual([]);
    expect(final.reportingRows).toBe(final.requestsInView);
    expect(passed).toBe(true);
  });
});
