import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import {
  CLOCK,
  CONTEXT_SETTINGS,
  IntervalRounds,
  LOGGER,
  PROJECTION_ENGINE,
  type Clock,
  type ContextWorker,
  type Logger,
} from '@sfp/service-kit';
import {
  escalationTargetOf,
  HELP_DESK_TEAMS,
  type HelpDeskTeams,
} from '../../../escalation/help-desk-teams';
import type { HelpDeskSettings } from '../../../help-desk.settings';
import { REQUESTS_PROJECTION } from '../../projections/requests/requests.projection';
import type { RequestSummary } from '../../projections/requests/request-summary';
import { ServiceRequests } from '../service-requests';

/**
 * The scheduled SLA check: every SLA_CHECK_INTERVAL_MS (0 = never; tests call
 * checkSlas themselves), every open request not yet escalated as breached gets
 * a CheckServiceRequestSla command naming the lead of its team: the decider
 * records a breach once, and escalates once as approaching (past the warning
 * share of its SLA in business hours) and once as breached.
 */
@Injectable()
export class SlaChecks implements ContextWorker {
  private readonly rounds: IntervalRounds<number>;

  constructor(
    private readonly requests: ServiceRequests,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(CONTEXT_SETTINGS) private readonly settings: HelpDeskSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
    @Inject(HELP_DESK_TEAMS) private readonly teams: HelpDeskTeams,
  ) {
    this.rounds = new IntervalRounds({
      round: () => this.checkSlas(),
      onFailure: 0,
      logger,
      failureMessage: 'Scheduled SLA check failed',
    });
  }

  start(): void {
    this.rounds.start(this.settings.SLA_CHECK_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    await this.rounds.stop();
  }

  /** Checks every open request now; returns how many recorded a breach or an escalation. */
  async checkSlas(now: Date = this.clock()): Promise<number> {
    const model = this.projections.readModel<RequestSummary>(REQUESTS_PROJECTION);
    const context = { correlationId: `sla-check-${now.toISOString()}`, actor: SYSTEM_ACTOR };
    let recorded = 0;
    let cursor: string | undefined;
    do {
      const page = await model.find({
        filter: { open: true },
        sort: { field: 'dueAt', direction: 'asc' },
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const { data } of page.items) {
        if (data.slaBreached && data.escalation === 'breached') continue;
        const result = await this.requests.run(
          data.requestId,
          { type: 'CheckServiceRequestSla', ...escalationTargetOf(this.teams, data.themes) },
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
