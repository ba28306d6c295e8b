import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { recordScenario, sized, step } from './support/fault-report';
import { HelpDeskLoad } from './support/help-desk-load';
import { HelpDeskSystem, runId } from './support/help-desk-system';
import { compareViews } from './support/help-desk-views';
import { PrivateServers } from './support/private-servers';

/** A command answered within this while the database is down has failed fast (the driver's own default wait is 30 s). */
const FAIL_FAST_MS = 5_000;

interface Probe {
  sentAt: number;
  ms: number;
  status: number | 'network';
  retryAfter: string | null;
}

/**
 * Scenario 3: the MongoDB-protocol server (FerretDB) is killed mid-load and
 * started again on the same data. While it is down, commands fail fast with
 * 503 and a Retry-After (never a 500, never a hang), readiness says not
 * ready, and the department's Kafka commands wait (they are not
 * dead-lettered). Once it is back, nothing acknowledged is missing from the
 * help desk's views or reporting's.
 */
describe('scenario 3: the MongoDB-protocol server stopped mid-load and started again', () => {
  let servers: PrivateServers | undefined;
  let system: HelpDeskSystem | undefined;

  afterAll(async () => {
    await system?.stop();
    await servers?.down();
  }, 120_000);

  it('fails fast with 503 and Retry-After during the outage and loses nothing', async () => {
    step('scenario 3: starting private Kafka and FerretDB');
    servers = await PrivateServers.start();
    step('starting the help desk and reporting');
    system = await HelpDeskSystem.start({ servers, reporting: true });
    const load = new HelpDeskLoad(system, runId());
    load.start();
    await load.acknowledgedMore(sized(30, 400));
    const instance = system.live()[0];
    if (!instance) throw new Error('no help desk');
    const http = system.helpDesk(instance);

    step(`${load.acknowledged} acknowledged; killing FerretDB`);
    const faultStart = Date.now();
    servers.killFerretDb();
    await servers.exited('ferretdb');
    const outageMs = sized(10_000, 30_000);
    const probes: Probe[] = [];
    const readiness: number[] = [];
    while (Date.now() - faultStart < outageMs) {
      const sentAt = Date.now();
      // A command and a readiness probe at once: each may take the bounded wait for the server.
      const [answer, ready] = await Promise.all([
        http
          .post('/service-requests', {
            requester: {
              name: 'Amina Diallo',
              email: 'amina.diallo@example.org',
              origin: 'regional-office',
              organisation: 'Regional Office for Africa',
            },
            // Not the run's marker: a probe must be refused, and the views' check counts the load only.
            title: `Outage probe ${randomBytes(3).toString('hex')}`,
            description: 'Is the help desk taking requests?',
            kind: 'referral',
            themes: ['cooperatives'],
            region: 'africa',
            country: 'SN',
            priority: 'normal',
          })
          .catch(() => undefined),
        fetch(`${instance.url}/api/health/ready`, { signal: AbortSignal.timeout(10_000) })
          .then((response) => response.status)
          .catch(() => 0),
      ]);
      probes.push({
        sentAt,
        ms: Date.now() - sentAt,
        status: answer?.status ?? 'network',
        retryAfter: answer?.headers.get('retry-after') ?? null,
      });
      readiness.push(ready);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    step(`probes during the outage: ${probes.map((p) => `${p.status} in ${p.ms} ms`).join(', ')}`);
    step(`readiness during the outage: ${readiness.join(', ')}`);
    await servers.up();
    const faultEnd = Date.now();
    step('FerretDB back; waiting for the views');

    const recovered = await compareViews(system, load, { comments: false });
    const recoveryMs = recovered.completeAt - faultEnd;
    step(`views complete ${recoveryMs} ms after the restart`);
    await load.acknowledgedMore(sized(30, 400));
    await load.stop();
    step('load stopped; comparing the views with the ledger');
    const final = await compareViews(system, load);

    // Within the outage: what the load's own commands got, besides the probes.
    const duringOutage = load.ledger.responses.filter(
      (response) => response.sentAt >= faultStart && response.sentAt < faultEnd,
    );
    const serverErrorsInOutage = [...duringOutage, ...probes].filter(
      (response) =>
        typeof response.status === 'number' && response.status >= 500 && response.status !== 503,
    );
    const slowest = Math.max(...probes.map((probe) => probe.ms));
    const passed = recordScenario({
      scenario: 3,
      title: 'MongoDB-protocol server (FerretDB) killed mid-load, restarted',
      sent: load.sent + probes.length,
      acknowledged: load.acknowledged,
      lost: final.lost.length,
      duplicated: final.duplicated.length,
      recoveryMs,
      serverErrors: load.serverErrorsOutside(faultStart, faultEnd + recoveryMs),
      notes:
        `${probes.length} commands during the ${Math.round(outageMs / 1000)} s outage: ` +
        `${probes.filter((p) => p.status === 503).length} answered 503 with Retry-After, slowest answer ${slowest} ms; ` +
        `readiness 503 in ${readiness.filter((s) => s === 503).length} of ${readiness.length} probes; ` +
        `answers ≥ 500 to the load: ${load.serverErrorStatuses()}; ` +
        `${final.requestsInView} requests in the help desk's view, ${final.reportingRows} in reporting's`,
    });

    // Fail fast: every probe sent after the first second of the outage got 503 + Retry-After, quickly.
    const settled = probes.filter((probe) => probe.sentAt >= faultStart + 1_000);
    expect(settled.length).toBeGreaterThanOrEqual(3);
    expect(settled.filter((probe) => probe.status !== 503 || !probe.retryAfter)).toEqual([]);
    expect(slowest).toBeLessThan(FAIL_FAST_MS);
    expect(serverErrorsInOutage).toEqual([]);
    expect(readiness.filter((status) => status === 503).length).toBeGreaterThan(0);
    expect(final.lost).toEqual([]);
    expect(final.duplicated).toEqual([]);
    expect(final.reportingRows).toBe(final.requestsInView);
    expect(passed).toBe(true);
  });
});
