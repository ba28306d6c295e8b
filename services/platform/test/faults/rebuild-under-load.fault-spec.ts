import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { dropDatabases, standaloneTestEnv } from '@sfp/testing';
import { recordScenario, sized } from './support/fault-report';
import {
  AnswerTally,
  compareWithLedger,
  compareWithStore,
  eventually,
  HelpDeskLoad,
  readRequestsView,
  REQUESTS_PROJECTION,
  requestsStatus,
  startHelpDesk,
  type Client,
  type HelpDeskUnderTest,
  type Json,
} from './support/rebuild-help-desk-load';

const ADMIN_PASSWORD = 'rebuild fault secret phrase';
/** Commands answered before the rebuild starts: what it has to replay, besides the load's. */
const PRELOAD = sized(240, 2_400);
/** Concurrent loops of the load during the rebuild. */
const LANES = 2;
/** Load still running after the swap, on the rebuilt version. */
const AFTER_SWAP_MS = 2_000;

/**
 * Scenario 6: the requests projection of a help desk (its own process,
 * distributed mode, shared servers) is rebuilt through the operators' route
 * while requests are filed and commented over HTTP. Queries are sampled all
 * along (the list, waiting for the latest acknowledged position; a request by
 * id; the statistics, which count the whole view). Then, with the load stopped:
 * every sample answered 2xx, and the number of requests the view counts never
 * went down (a version swapped in before it had caught up would);
 * the rebuilt view holds each acknowledged request once (the ledger), each
 * document at the position and status of its stream's last event, with the
 * stream holding every acknowledged comment once (the event store, through
 * the request detail, folded from the stream at each call);
 * and a second rebuild, with nothing else running, gives the very same
 * documents (a fresh replay of the store).
 * Recovery time: the rebuild's, from its start to the swap (its own log line).
 */
describe('scenario 6: the requests projection rebuilt under load (fault suite)', () => {
  const run = randomBytes(4).toString('hex');
  const setup = standaloneTestEnv({
    prefix: 'rb_fault',
    adminPassword: ADMIN_PASSWORD,
    extra: {
      SFP_PSEUDONYM_SECRET: 'rebuild-fault-pseudonym-secret-0123456789',
      SFP_ACCESS_TOKEN_MINUTES: '120',
      KAFKA_CLIENT_ID: 'sfp-help-desk-rebuild-fault',
      LOG_LEVEL: 'info',
    },
  });
  let desk: HelpDeskUnderTest | undefined;

  afterAll(async () => {
    await desk?.instance.stop();
    await dropDatabases(setup.mongodbUri, setup.databases);
  }, 60_000);

  /** Starts a rebuild through the route; resolves with its generation. */
  const startRebuild = async (admin: Client): Promise<number> => {
    const started = await admin.post<{ projection: string; generation: number }>(
      `/help-desk/projections/${REQUESTS_PROJECTION}/rebuild`,
    );
    expect(started.status).toBe(202);
    return started.body.generation;
  };

  /** Waits until `generation` serves, and returns the runner's own record of the rebuild. */
  const swapped = async (admin: Client, generation: number, statesSeen = new Set<string>()) => {
    await eventually(
      `generation ${generation} serving`,
      async () => {
        const status = await requestsStatus(admin);
        statesSeen.add(String(status['state']));
        return status['generation'] === generation && status['rebuild'] === null ? true : undefined;
      },
      120_000,
      100,
    );
    const line = (desk as HelpDeskUnderTest).instance
      .logged('projection rebuilt')
      .map((entry) => entry.line)
      .find((entry) => entry['generation'] === generation);
    if (!line) throw new Error(`no log line of the rebuild of generation ${generation}`);
    return {
      durationMs: Date.parse(String(line['swappedAt'])) - Date.parse(String(line['startedAt'])),
      position: Number(line['position']),
    };
  };

  /** The view's documents, by request, without what depends on the clock of the read. */
  const snapshot = (view: Json[]) =>
    Object.fromEntries(
      view.map(({ slaStatus: _clockDependent, ...item }) => [String(item['requestId']), item]),
    );

  it(
    'queries answer throughout, and the rebuilt view is the ledger and a fresh replay',
    async () => {
      const phases: string[] = [];
      let phaseStart = Date.now();
      const phase = (name: string) => {
        phases.push(`${name} ${Date.now() - phaseStart} ms`);
        phaseStart = Date.now();
      };
      desk = await startHelpDesk(setup, ADMIN_PASSWORD);
      phase('start');
      const { admin, operator } = desk;
      const commandAnswers = new AnswerTally();
      const load = new HelpDeskLoad(commandAnswers.wrap(operator), run);
      await load.send(PRELOAD, 3);
      phase('preload');
      const before = await requestsStatus(admin);
      expect(before['state']).toBe('running');

      // Queries sampled one after the other all along, on the version that serves.
      const queryAnswers = new AnswerTally();
      const reader = queryAnswers.wrap(operator);
      let sampling = true;
      let highestTotal = 0;
      const totalWentDown: string[] = [];
      const sampleWhile = (sample: () => Promise<void>) =>
        (async () => {
          while (sampling) {
            await sample();
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        })();
      const samplers = [
        sampleWhile(async () => {
          // Read your writes across the swap: the latest acknowledged position, waited for.
          await reader.get(`/service-requests?limit=20&minPosition=${load.ledger.highestPosition}`);
          const acknowledged = load.ledger.acknowledgedRequests();
          const pick = acknowledged[Math.floor(Math.random() * acknowledged.length)];
          if (pick) await reader.get(`/service-requests/${pick.requestId}`);
        }),
        sampleWhile(async () => {
          const statistics = await reader.get<{ total: number }>('/statistics');
          if (statistics.status !== 200) return;
          if (statistics.body.total < highestTotal)
            totalWentDown.push(`${highestTotal} → ${statistics.body.total}`);
          highestTotal = Math.max(highestTotal, statistics.body.total);
        }),
      ];

      load.start(LANES);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const statesSeen = new Set<string>();
      const samplesBeforeRebuild = queryAnswers.total;
      const generation = await startRebuild(admin);
      const rebuild = await swapped(admin, generation, statesSeen);
      const samplesDuringRebuild = queryAnswers.total - samplesBeforeRebuild;
      await new Promise((resolve) => setTimeout(resolve, AFTER_SWAP_MS));
      await load.stop();
      sampling = false;
      await Promise.all(samplers);

      // Caught up with every acknowledged command, on the rebuilt version.
      const caughtUp = await eventually('the rebuilt view caught up', async () => {
        const status = await requestsStatus(admin);
        return Number(status['position']) >= load.ledger.highestPosition &&
          status['lagEvents'] === 0
          ? status
          : undefined;
      });
      expect(caughtUp['generation']).toBe(generation);
      expect(caughtUp['state']).toBe('running');
      phase('rebuild under load');
      const rebuilt = await readRequestsView(operator);
      const ledgerCheck = compareWithLedger(load.ledger, rebuilt);
      const storeCheck = await compareWithStore(operator, load.ledger, rebuilt);

      phase('comparisons');
      // A fresh replay: a second rebuild with nothing else running.
      const replayGeneration = await startRebuild(admin);
      await swapped(admin, replayGeneration);
      const replayed = await readRequestsView(operator);
      phase('second rebuild');

      const figures = {
        scenario: 6,
        title: 'requests projection rebuilt under load',
        sent: load.sent,
        acknowledged: load.ledger.acknowledged,
        lost: ledgerCheck.lost.length + storeCheck.commentsLost,
        duplicated: ledgerCheck.duplicated.length + storeCheck.commentsDuplicated,
        recoveryMs: rebuild.durationMs,
        serverErrors: commandAnswers.serverErrors + queryAnswers.serverErrors,
        notes:
          `rebuild replayed ${rebuild.position} events in ${rebuild.durationMs} ms under ${LANES} lanes of load; ` +
          `${queryAnswers.total} queries sampled (${samplesDuringRebuild} during the rebuild): ${queryAnswers.describe()}; ` +
          `${rebuilt.length} requests, second rebuild identical: ${JSON.stringify(snapshot(replayed)) === JSON.stringify(snapshot(rebuilt))}`,
      };
      const passed = recordScenario(figures);
      process.stdout.write(
        `scenario 6: states seen ${[...statesSeen].join(', ')}; commands ${commandAnswers.describe()}; ${phases.join(', ')}\n`,
      );

      expect(statesSeen).toContain('rebuilding');
      expect(queryAnswers.notSuccessful).toBe(0);
      expect(samplesDuringRebuild).toBeGreaterThan(0);
      expect(totalWentDown).toEqual([]);
      expect(ledgerCheck).toEqual({ lost: [], duplicated: [], unknown: [] });
      expect(storeCheck).toEqual({ mismatched: [], commentsLost: 0, commentsDuplicated: 0 });
      expect(replayed).toHaveLength(rebuilt.length);
      expect(snapshot(replayed)).toEqual(snapshot(rebuilt));
      expect(passed).toBe(true);
    },
    sized(300_000, 1_800_000),
  );
});
