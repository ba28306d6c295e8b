import { CommandLedger } from '../../support/scale-out/command-ledger';
import type { ServiceInstance } from '../../support/scale-out/service-instance';
import { sized } from './fault-report';
import type { HelpDeskSystem } from './help-desk-system';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Real traffic on the help desk while a scenario breaks something: `lanes`
 * HTTP clients each filing a request then commenting on an acknowledged one,
 * round robin over the live instances, and the department's case system
 * sending a signed SubmitServiceRequest on Kafka every `kafkaEveryMs` (2 s
 * by default: below what the command gateway handles on a busy 2-core
 * machine, where each command costs several round trips to FerretDB, so that
 * the views can catch up while the load runs). What
 * was acknowledged is in `ledger` (HTTP) and `system.department.sent`
 * (Kafka, broker-acknowledged); a Kafka send the broker refused is counted
 * in `kafkaRefused`.
 */
export class HelpDeskLoad {
  readonly ledger: CommandLedger;
  kafkaAttempts = 0;
  kafkaRefused = 0;
  private running = false;
  private drivers: Promise<void>[] = [];
  private index = 0;

  constructor(
    private readonly system: HelpDeskSystem,
    readonly run: string,
  ) {
    this.ledger = new CommandLedger(run);
  }

  start(options: { lanes?: number; kafkaEveryMs?: number; pauseMs?: number } = {}): void {
    this.running = true;
    const lanes = options.lanes ?? 3;
    for (let lane = 0; lane < lanes; lane++)
      this.drivers.push(this.httpLane(lane, options.pauseMs));
    this.drivers.push(this.kafkaLane(options.kafkaEveryMs ?? 2_000));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.drivers);
    this.drivers = [];
  }

  /** HTTP and Kafka commands sent so far. */
  get sent(): number {
    return (
      this.ledger.requests.length +
      this.ledger.requests.reduce((sum, filed) => sum + filed.commentAttempts, 0) +
      this.kafkaAttempts
    );
  }

  /** HTTP commands answered 2xx and Kafka commands the broker took. */
  get acknowledged(): number {
    return this.ledger.acknowledged + this.system.department.sent.length;
  }

  /**
   * Resolves once `count` more commands than now are acknowledged (or the bound
   * passes). The full version's counts take minutes: each comment reads its
   * stream, which FerretDB answers with a scan of the store.
   */
  async acknowledgedMore(count: number, timeoutMs = sized(120_000, 900_000)): Promise<void> {
    const target = this.acknowledged + count;
    const deadline = Date.now() + timeoutMs;
    while (this.acknowledged < target) {
      if (Date.now() > deadline)
        throw new Error(`${count} more acknowledgements did not come in ${timeoutMs} ms`);
      await pause(100);
    }
  }

  /**
   * Answers ≥ 500 that the fault in [from, to) cannot explain: answered before
   * it began, or sent after it ended (a command in flight when the fault hit
   * is the fault's).
   */
  serverErrorsOutside(from: number, to: number): number {
    return this.ledger.responses.filter(
      (response) =>
        typeof response.status === 'number' &&
        response.status >= 500 &&
        (response.at < from || response.sentAt >= to),
    ).length;
  }

  /** The statuses ≥ 500 answered, with how many of each (for a scenario's notes). */
  serverErrorStatuses(): string {
    const counts = new Map<number, number>();
    for (const { status } of this.ledger.responses)
      if (typeof status === 'number' && status >= 500)
        counts.set(status, (counts.get(status) ?? 0) + 1);
    return [...counts].map(([status, n]) => `${n} × ${status}`).join(', ') || 'none';
  }

  private async httpLane(lane: number, pauseMs = 0): Promise<void> {
    while (this.running) {
      const live = this.system.live();
      if (live.length === 0) {
        await pause(100);
        continue;
      }
      const n = this.index++;
      const target = live[(n + lane) % live.length] as ServiceInstance;
      const other = live[(n + lane + 1) % live.length] as ServiceInstance;
      await this.ledger.file(this.system.helpDesk(target), n);
      const acknowledged = this.ledger.acknowledgedRequests();
      const pick = acknowledged[Math.floor(Math.random() * acknowledged.length)];
      if (pick) await this.ledger.comment(this.system.helpDesk(other), pick);
      if (pauseMs) await pause(pauseMs);
    }
  }

  private async kafkaLane(everyMs: number): Promise<void> {
    for (let n = 0; this.running; n++) {
      this.kafkaAttempts++;
      try {
        await this.system.department.submit(`Fault suite message ${n} (${this.run})`);
      } catch {
        // The broker did not take it: not acknowledged, the department would send it again.
        this.kafkaRefused++;
      }
      await pause(everyMs);
    }
  }
}
