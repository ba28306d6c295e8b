import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import {
  CLOCK,
  CONTEXT_SETTINGS,
  LOGGER,
  PROJECTION_ENGINE,
  type Clock,
  type ContextWorker,
  type Logger,
} from '@sfp/service-kit';
import type { HelpDeskSettings } from '../../../help-desk.settings';
import { REQUESTS_PROJECTION } from '../../projections/requests/requests.projection';
import type { RequestSummary } from '../../projections/requests/request-summary';
import { ServiceRequests } from '../service-requests';

/**
 * The scheduled SLA check: every SLA_CHECK_INTERVAL_MS (0 = never; tests call
 * checkSlas themselves), every open request past its due date and not yet
 * marked gets a CheckServiceRequestSla command, which records the breach as
 * an event once (the decider ignores a second check).
 */
@Injectable()
export class SlaChecks implements ContextWorker {
  private timer?: NodeJS.Timeout;
  private running: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly requests: ServiceRequests,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(CONTEXT_SETTINGS) private readonly settings: HelpDeskSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.settings.SLA_CHECK_INTERVAL_MS <= 0) return;
    this.timer = setInterval(() => {
      this.running = this.running
        .then(() => this.checkSlas())
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'Scheduled SLA check failed');
          return 0;
        });
    }, this.settings.SLA_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Checks every overdue open request now; returns how many breaches were recorded. */
  async checkSlas(now: Date = this.clock()): Promise<number> {
    const model = this.projections.readModel<RequestSummary>(REQUESTS_PROJECTION);
    const context = { correlationId: `sla-check-${now.toISOString()}`, actor: SYSTEM_ACTOR };
    let recorded = 0;
    let cursor: string | undefined;
    do {
      const page = await model.find({
        filter: { open: true, slaBreached: false, dueAt: { lt: now.toISOString() } },
        sort: { field: 'dueAt', direction: 'asc' },
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const { data } of page.items) {
        const result = await this.requests.run(
          data.requestId,
          { type: 'CheckServiceRequestSla' },
          context,
          now,
        );
        if (result.changed) recorded++;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return recorded;
  }
}
