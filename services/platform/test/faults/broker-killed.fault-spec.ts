import 'reflect-metadata';
import { Kafka, logLevel } from 'kafkajs';
import { contextTopics, EVENT_HEADERS } from '@sfp/messaging';
import { TopicRecorder } from '@sfp/testing';
import { recordScenario, sized, step } from './support/fault-report';
import { HelpDeskLoad } from './support/help-desk-load';
import { HelpDeskSystem, runId } from './support/help-desk-system';
import { compareViews } from './support/help-desk-views';
import { PrivateServers } from './support/private-servers';

/**
 * Scenario 1: the Kafka broker is killed (SIGKILL) mid-load and started again
 * on the same data. The help desk keeps taking HTTP commands (the event store
 * and the outbox do not need the broker); the department's Kafka commands are
 * refused while it is down. After the restart the command gateway takes the
 * commands that waited, the outbox relay publishes every event that waited
 * (read back by a fresh consumer group), and every acknowledged command is in
 * the help desk's views exactly once.
 * Reporting's view, fed by its own consumer group of sfp.help-desk.events,
 * holds every request once too.
 */
describe('scenario 1: the Kafka broker killed mid-load and restarted', () => {
  let servers: PrivateServers | undefined;
  let system: HelpDeskSystem | undefined;
  let recorder: TopicRecorder | undefined;

  afterAll(async () => {
    await recorder?.stop();
    await system?.stop();
    await servers?.down();
  }, 120_000);

  it('loses nothing and duplicates nothing in the views, and publishes every event', async () => {
    step('scenario 1: starting private Kafka and FerretDB');
    servers = await PrivateServers.start();
    step('starting the help desk and reporting');
    system = await HelpDeskSystem.start({ servers, reporting: true });
    const load = new HelpDeskLoad(system, runId());
    load.start();
    await load.acknowledgedMore(sized(30, 400));

    step(`${load.acknowledged} acknowledged; killing the broker`);
    const faultStart = Date.now();
    servers.killKafka();
    await servers.exited('kafka');
    // HTTP commands go on while the broker is down: the store and the outbox take them.
    const acknowledgedAtKill = load.ledger.acknowledged;
    await new Promise((resolve) => setTimeout(resolve, sized(5_000, 20_000)));
    const acknowledgedDuringOutage = load.ledger.acknowledged - acknowledgedAtKill;
    step(`${acknowledgedDuringOutage} acknowledged during the outage; starting the broker again`);
    await servers.up();
    const faultEnd = Date.now();
    step('broker back; waiting for the views');

    // Recovery: the views hold everything acknowledged up to now, while the load goes on.
    const recovered = await compareViews(system, load, { comments: false, reporting: false });
    const recoveryMs = recovered.completeAt - faultEnd;
    step(`views complete ${recoveryMs} ms after the restart`);
    await load.acknowledgedMore(sized(30, 400));
    await load.stop();
    step('load stopped; comparing the views with the ledger');
    const final = await compareViews(system, load);

    // The relay published every event of every request in the view, read back from the start.
    recorder = await TopicRecorder.start(
      new Kafka({
        clientId: 'sfp-fault-suite-reader',
        brokers: servers.kafkaBrokers,
        logLevel: logLevel.NOTHING,
      }),
      [contextTopics('help-desk').events],
      'sfp-fault-suite-reader',
    );
    const requestIds = new Set(
      load.ledger.acknowledgedRequests().map((filed) => filed.requestId as string),
    );
    const unpublished = async () => {
      const seen = new Set(
        recorder?.messages.map((m) => String(m.headers[EVENT_HEADERS.streamId] ?? '').slice(-36)),
      );
      return [...requestIds].filter((id) => !seen.has(id));
    };
    const deadline = Date.now() + 60_000;
    while ((await unpublished()).length > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 500));
    const notPublished = await unpublished();
    step(`reporting: ${final.reportingRows} rows, the help desk ${final.requestsInView} requests`);

    const passed = recordScenario({
      scenario: 1,
      title: 'Kafka broker killed (SIGKILL) mid-load, restarted',
      sent: load.sent,
      acknowledged: load.acknowledged,
      lost: final.lost.length + notPublished.length,
      duplicated: final.duplicated.length,
      recoveryMs,
      serverErrors: load.serverErrorsOutside(faultStart, faultEnd + recoveryMs),
      notes:
        `${acknowledgedDuringOutage} HTTP commands acknowledged while the broker was down; ` +
        `${load.kafkaRefused} Kafka commands refused by the broker; ` +
        `${final.requestsInView} requests in the help desk's view and ${final.reportingRows} in reporting's, ` +
        `every HTTP one's events on Kafka`,
    });
    expect(final.lost).toEqual([]);
    expect(final.duplicated).toEqual([]);
    expect(notPublished).toEqual([]);
    expect(acknowledgedDuringOutage).toBeGreaterThan(0);
    expect(passed).toBe(true);
  });
});
