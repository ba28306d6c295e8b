import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, type CommandContext, type EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import {
  CLOCK,
  CONTEXT_SETTINGS,
  EVENT_STORE,
  IntervalRounds,
  LOGGER,
  PROJECTION_ENGINE,
  type Clock,
  type ContextWorker,
  type Logger,
} from '@sfp/service-kit';
import type { InnovationResearchSettings } from '../../../innovation-research.settings';
import { ResearchError } from '../../domain/research-project.errors';
import { ResearchProjects } from '../research-projects';

/** The milestone calendar (the read side's `research-milestones` view), as the check reads it. */
export const MILESTONE_CALENDAR = 'research-milestones';
interface CalendarMilestone {
  projectId: string;
  milestoneId: string;
  plannedOn: string;
  state: 'planned' | 'done' | 'slipping';
}

/** How long a check waits for the calendar to catch up with the store before it reads it. */
const CATCH_UP_MS = 30_000;

/**
 * The scheduled slippage check: at start, then every
 * RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS (0 = never; tests call check
 * themselves), today by the context's clock, each project with a milestone
 * still planned for a day before today gets one FlagSlippingMilestones
 * command, which records MilestoneSlipped once per milestone and planned day
 * (the decider ignores a second check).
 */
@Injectable()
export class SlippageCheck implements ContextWorker {
  private readonly rounds: IntervalRounds<number>;

  constructor(
    private readonly projects: ResearchProjects,
    @Inject(PROJECTION_ENGINE)
    private readonly projections: Pick<ProjectionEngine, 'readModel' | 'waitForPosition'>,
    @Inject(EVENT_STORE) private readonly events: Pick<EventStore, 'headPosition'>,
    @Inject(CONTEXT_SETTINGS) private readonly settings: InnovationResearchSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.rounds = new IntervalRounds({
      round: () => this.check(),
      onFailure: 0,
      logger,
      failureMessage: 'Scheduled slippage check failed',
    });
  }

  start(): void {
    this.rounds.start(this.settings.RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS, { immediately: true });
  }

  async stop(): Promise<void> {
    await this.rounds.stop();
  }

  /** Flags the slipping milestones of every project as of today; returns how many projects had new ones. */
  async check(): Promise<number> {
    const today = this.clock().toISOString().slice(0, 10);
    const projectIds = await this.projectsWithOverdueMilestones(today);
    const context: CommandContext = {
      correlationId: `research-slippage-check-${today}`,
      actor: SYSTEM_ACTOR,
    };
    let flagged = 0;
    for (const projectId of projectIds) {
      try {
        const result = await this.projects.run(
          projectId,
          { type: 'FlagSlippingMilestones', today },
          context,
        );
        if (result.changed) flagged++;
      } catch (error) {
        // A project the check may no longer flag (abandoned since): the next ones still are.
        if (!(error instanceof ResearchError)) throw error;
        this.logger.debug({ projectId, code: error.code }, 'Slippage check: project not flagged');
      }
    }
    return flagged;
  }

  /** The projects with a milestone still planned for a day before `today`, by the calendar once caught up. */
  private async projectsWithOverdueMilestones(today: string): Promise<Set<string>> {
    const head = await this.events.headPosition();
    try {
      await this.projections.waitForPosition(MILESTONE_CALENDAR, head, CATCH_UP_MS);
    } catch (error) {
      // What the calendar has not seen yet is flagged by the next check.
      this.logger.warn({ err: error }, 'Slippage check: the milestone calendar is behind');
    }
    const calendar = this.projections.readModel<CalendarMilestone>(MILESTONE_CALENDAR);
    const projectIds = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await calendar.find({
        filter: { state: 'planned', plannedOn: { lt: today } },
        sort: { field: 'plannedOn', direction: 'asc' },
        limit: 500,
        ...(cursor ? { cursor } : {}),
      });
      for (const { data } of page.items) projectIds.add(data.projectId);
      cursor = page.nextCursor;
    } while (cursor);
    return projectIds;
  }
}
