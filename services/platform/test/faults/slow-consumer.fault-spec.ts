import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { dropDatabases, httpClient, standaloneTestEnv } from '@sfp/testing';
import { recordScenario, sized } from './support/fault-report';
import {
  AnswerTally,
  compareWithLedger,
  compareWithStore,
  eventually,
  HelpDeskLoad,
  readRequestsView,
  REQUESTS_PROJECTION,
  requestsStalledGauge,
  requestsStatus,
  startHelpDesk,
  type HelpDeskUnderTest,
} from './support/rebuild-help-desk-load';

const ADMIN_PASSWORD = 'slow consumer fault secret phrase';
/** The stall threshold the help desk runs with (SFP_PROJECTION_STALL_AFTER_MS; 30 s by default). */
const STALL_AFTER_MS = 2_000;
/** How long each slow batch of the requests projection sleeps (the failpoint): longer than the threshold. */
const SLOW_APPLY_MS = sized(5_000, 8_000);
/** How many batches are slow; then the failpoint has run out and the projection is fast again. */
const SLOW_BATCHES = sized(3, 5);
/** The bound on reporting the stall: its threshold plus 5 s. */
const REPORT_BOUND_MS = STALL_AFTER_MS + 5_000;
/** Load still running once the projection has recovered, to see that it stays running. */
const AFTER_RECOVERY_MS = sized(2_000, 10_000);

/**
 * Scenario 7: a slow consumer. The help desk (its own process, distributed
 * mode, shared servers) runs with the failpoint `projection.apply` on its
 * requests projection: its first SLOW_BATCHES batches each sleep
 * SLOW_APPLY_MS, longer than the stall threshold (STALL_AFTER_MS), while
 * requests are filed and commented over HTTP. Checks:
 * within the threshold + 5 s of the first acknowledged command, the
 * projection's status says `stalled`, sfp_projection_stalled is 1 on
 * /api/metrics, and /api/health/ready warns about it while still answering
 * 200 (a stalled view does not take the instance out of service; liveness
 * is untouched);
 * each slow batch is one stalled spell, and after the last one the projection
 * works off its backlog and stays `running` under the load;
 * with the load stopped: lag 0, the metric 0, no warning, and every
 * acknowledged command in the view exactly once (the ledger and the event
 * store, as in scenario 6).
 * Recovery time: from the end of the last slow batch (its commit, the
 * status's `updatedAt`) to the view having applied every event recorded up
 * to then.
 */
describe('scenario 7: a slow consumer is reported stalled and recovers (fault suite)', () => {
  const run = randomBytes(4).toString('hex');
  const setup = standaloneTestEnv({
    prefix: 'slow_fault',
    adminPassword: ADMIN_PASSWORD,
    extra: {
      SFP_PSEUDONYM_SECRET: 'slow-consumer-fault-pseudonym-secret-0123456789',
      SFP_ACCESS_TOKEN_MINUTES: '120',
      KAFKA_CLIENT_ID: 'sfp-help-desk-slow-fault',
      SFP_PROJECTION_STALL_AFTER_MS: String(STALL_AFTER_MS),
      SFP_FAILPOINTS: `projection.apply=${REQUESTS_PROJECTION}:${SLOW_BATCHES}*sleep(${SLOW_APPLY_MS})`,
    },
  });
  let desk: HelpDeskUnderTest | undefined;

  afterAll(async () => {
    await desk?.instance.stop();
    await dropDatabases(setup.mongodbUri, setup.databases);
  }, 60_000);

  /** The readiness answer, and its warnings about projections. */
  const readiness = async (url: string) => {
    const ready = await httpClient(url).get<{
      status: string;
      details: Record<string, { status: string; warnings?: string[] }>;
    }>('/api/health/ready');
    return {
      status: ready.status,
      body: ready.body,
      warnings: ready.body.details['projections']?.warnings ?? [],
    };
  };

  it(
    'stalled in status, metrics and readiness within the bound, then running, nothing lost',
    async () => {
      desk = await startHelpDesk(setup, ADMIN_PASSWORD);
      const { admin, operator, instance } = desk;
      const commandAnswers = new AnswerTally();
      const load = new HelpDeskLoad(commandAnswers.wrap(operator), run);
      expect((await requestsStatus(admin))['state']).toBe('running');

      // The first command's event reaches the projection's first, slow, batch.
      await load.send(1);
      const firstAcknowledgedAt = Date.now();
      load.start(1);

      // Each slow batch is one stalled spell: from the threshold after its start to its commit.
      const spells: Array<{ from: number; to?: number; updatedAt?: string }> = [];
      let firstReport:
        | { afterMs: number; gauge?: number; ready: Awaited<ReturnType<typeof readiness>> }
        | undefined;
      let live = 0;
      const lastSpell = await eventually(
        `${SLOW_BATCHES} stalled spells, each ended`,
        async () => {
          const status = await requestsStatus(admin);
          const open = spells.at(-1);
          if (status['state'] === 'stalled' && (!open || open.to !== undefined)) {
            spells.push({ from: Date.now() });
            if (!firstReport) {
              firstReport = {
                afterMs: Date.now() - firstAcknowledgedAt,
                gauge: await requestsStalledGauge(admin),
                ready: await readiness(instance.url),
              };
              live = (await httpClient(instance.url).get('/api/health/live')).status;
            }
          } else if (status['state'] !== 'stalled' && open && open.to === undefined) {
            open.to = Date.now();
            open.updatedAt = String(status['updatedAt']);
          }
          const last = spells.at(-1);
          return spells.length >= SLOW_BATCHES && last?.to !== undefined
            ? { ...last, headPosition: Number(status['headPosition']) }
            : undefined;
        },
        REPORT_BOUND_MS + SLOW_BATCHES * (SLOW_APPLY_MS + 10_000),
        150,
      );

      // The backlog of the last slow batch applied: recovered.
      const faultEndedAt = Date.parse(lastSpell.updatedAt as string);
      const recoveredAt = await eventually(
        'the backlog of the slow batches applied',
        async () => {
          const status = await requestsStatus(admin);
          return status['state'] === 'running' &&
            Number(status['position']) >= lastSpell.headPosition
            ? Date.now()
            : undefined;
        },
        60_000,
        100,
      );
      // Fast again: under the load, no further stall.
      const statesAfter = new Set<string>();
      const until = Date.now() + AFTER_RECOVERY_MS;
      while (Date.now() < until) {
        statesAfter.add(String((await requestsStatus(admin))['state']));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await load.stop();

      const settled = await eventually('lag 0 after the load', async () => {
        const status = await requestsStatus(admin);
        return status['lagEvents'] === 0 &&
          Number(status['position']) >= load.ledger.highestPosition
          ? status
          : undefined;
      });
      const gaugeAfter = await requestsStalledGauge(admin);
      const readyAfter = await readiness(instance.url);
      const view = await readRequestsView(operator);
      const ledgerCheck = compareWithLedger(load.ledger, view);
      const storeCheck = await compareWithStore(operator, load.ledger, view);

      const figures = {
        scenario: 7,
        title: 'slow consumer (requests projection)',
        sent: load.sent,
        acknowledged: load.ledger.acknowledged,
        lost: ledgerCheck.lost.length + storeCheck.commentsLost,
        duplicated: ledgerCheck.duplicated.length + storeCheck.commentsDuplicated,
        recoveryMs: Math.max(0, recoveredAt - faultEndedAt),
        serverErrors: commandAnswers.serverErrors,
        notes:
          `${SLOW_BATCHES} batches slowed by ${SLOW_APPLY_MS} ms, stall threshold ${STALL_AFTER_MS} ms: ` +
          `stalled in status ${firstReport?.afterMs} ms after the first command (bound ${REPORT_BOUND_MS} ms), ` +
          `${spells.length} stalled spells, readiness ${firstReport?.ready.status} with a warning meanwhile; ` +
          `${view.length} requests`,
      };
      const passed = recordScenario(figures);
      process.stdout.write(
        `scenario 7: spells ${JSON.stringify(spells)}; commands ${commandAnswers.describe()}; ` +
          `readiness while stalled ${JSON.stringify(firstReport?.ready.body)}\n`,
      );

      // Reported within the bound, in the status, the metric and readiness (still 200), liveness untouched.
      expect(firstReport?.afterMs).toBeLessThanOrEqual(REPORT_BOUND_MS);
      expect(firstReport?.gauge).toBe(1);
      expect(firstReport?.ready.status).toBe(200);
      expect(firstReport?.ready.body.status).toBe('ok');
      expect(firstReport?.ready.warnings).toEqual([
        expect.stringContaining(`help-desk projection ${REQUESTS_PROJECTION} stalled since`),
      ]);
      expect(live).toBe(200);
      // One spell per slow batch, then running for good.
      expect(spells).toHaveLength(SLOW_BATCHES);
      expect([...statesAfter]).toEqual(['running']);
      expect(settled['state']).toBe('running');
      expect(gaugeAfter).toBe(0);
      expect(readyAfter.status).toBe(200);
      expect(readyAfter.warnings).toEqual([]);
      expect(ledgerCheck).toEqual({ lost: [], duplicated: [], unknown: [] });
      expect(storeCheck).toEqual({ mismatched: [], commentsLost: 0, commentsDuplicated: 0 });
      expect(passed).toBe(true);
    },
    sized(300_000, 900_000),
  );
});
