import 'reflect-metadata';
import type { CommandContext } from '@sfp/event-sourcing';
import type { FindQuery, ProjectionEngine } from '@sfp/projections';
import { createLogger } from '@sfp/service-kit';
import { researchProjectStreamId } from '../../../innovation-research.context';
import { innovationResearchService } from '../../../innovation-research.service';
import { InnovationResearchSettings } from '../../../innovation-research.settings';
import type { ResearchProjects } from '../research-projects';
import { researchPipeline } from '../testing/research-pipeline';
import { projectBody } from '../testing/research-requests';
import { MILESTONE_CALENDAR, SlippageCheck } from './slippage-check.worker';

interface CalendarRow {
  projectId: string;
  milestoneId: string;
  plannedOn: string;
  state: 'planned' | 'done' | 'slipping';
}

/**
 * The milestone calendar as the check reads it, answering its query the way
 * the read model does (equality and `lt` on declared fields). The rows stay
 * as given: a second check sees the same overdue milestones, and only the
 * decider keeps it from flagging them twice.
 */
function calendarOf(rows: CalendarRow[]) {
  const queries: FindQuery[] = [];
  const matches = (row: CalendarRow, filter: FindQuery['filter'] = {}) =>
    Object.entries(filter).every(([field, condition]) => {
      const value = row[field as keyof CalendarRow];
      if (typeof condition === 'object' && condition !== null && !Array.isArray(condition))
        return 'lt' in condition ? value < String(condition.lt) : value === condition.eq;
      return value === condition;
    });
  const projections = {
    waitForPosition: async () => undefined,
    readModel: (name: string) => {
      expect(name).toBe(MILESTONE_CALENDAR);
      return {
        find: async (query: FindQuery = {}) => {
          queries.push(query);
          return {
            items: rows
              .filter((row) => matches(row, query.filter))
              .map((data) => ({ id: data.milestoneId, data })),
          };
        },
      };
    },
  } as unknown as Pick<ProjectionEngine, 'readModel' | 'waitForPosition'>;
  return { projections, queries };
}

const context: CommandContext = {
  correlationId: 'corr-slippage',
  actor: { kind: 'person', id: 'researcher-1' },
};

/** An approved project with one milestone due on `plannedOn`. */
async function projectWithMilestone(
  projects: ResearchProjects,
  projectId: string,
  milestoneId: string,
  plannedOn: string,
): Promise<void> {
  await projects.run(
    projectId,
    {
      type: 'ProposeProject',
      projectId,
      project: projectBody({ partnerInstitutionIds: [] }),
      unknownPartners: [],
    },
    context,
  );
  await projects.run(projectId, { type: 'ApproveProject' }, context);
  await projects.run(
    projectId,
    {
      type: 'PlanMilestone',
      milestone: { milestoneId, phase: 'diagnostic-survey', title: 'Diagnostic report', plannedOn },
    },
    context,
  );
}

describe('the scheduled slippage check', () => {
  const now = new Date('2025-04-02T06:00:00Z');
  const clock = () => now;
  const settings = (interval: number) =>
    Object.assign(new InnovationResearchSettings(), {
      RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS: interval,
    });
  const logger = createLogger('slippage-check-spec', 'silent');
  const LATE = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
  const DUE_TODAY = '7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e';
  const PROJECT = '0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f';
  const OTHER = '1d2e3f4a-5b6c-4d7e-9f8a-9b0c1d2e3f4a';

  async function slippedIn(store: ReturnType<typeof researchPipeline>['store'], id: string) {
    return (await store.readStream(researchProjectStreamId(id))).filter(
      (event) => event.type === 'innovation-research.MilestoneSlipped',
    );
  }

  it('flags a milestone past its planned day once, today by the clock, whatever the calendar still says', async () => {
    const { store, projects } = researchPipeline(clock);
    await projectWithMilestone(projects, PROJECT, LATE, '2025-03-31');
    await projectWithMilestone(projects, OTHER, DUE_TODAY, '2025-04-02');
    const { projections, queries } = calendarOf([
      { projectId: PROJECT, milestoneId: LATE, plannedOn: '2025-03-31', state: 'planned' },
      { projectId: OTHER, milestoneId: DUE_TODAY, plannedOn: '2025-04-02', state: 'planned' },
    ]);
    const check = new SlippageCheck(projects, projections, store, settings(0), clock, logger);

    expect(await check.check()).toBe(1);
    expect(queries[0]?.filter).toEqual({ state: 'planned', plannedOn: { lt: '2025-04-02' } });
    const slipped = await slippedIn(store, PROJECT);
    expect(slipped).toHaveLength(1);
    expect(slipped[0]).toMatchObject({
      actor: { kind: 'system' },
      data: {
        projectId: PROJECT,
        milestoneId: LATE,
        plannedOn: '2025-03-31',
        flaggedOn: '2025-04-02',
        daysLate: 2,
      },
    });
    expect(await slippedIn(store, OTHER)).toEqual([]);

    // The next check, before the calendar shows it slipping: nothing more.
    expect(await check.check()).toBe(0);
    expect(await slippedIn(store, PROJECT)).toHaveLength(1);
  });

  it('runs once at start, then on its interval; 0 turns it off', async () => {
    const { store, projects } = researchPipeline(clock);
    await projectWithMilestone(projects, PROJECT, LATE, '2025-03-20');
    const { projections } = calendarOf([
      { projectId: PROJECT, milestoneId: LATE, plannedOn: '2025-03-20', state: 'planned' },
    ]);
    const off = new SlippageCheck(projects, projections, store, settings(0), clock, logger);
    off.start();
    await off.stop();
    expect(await slippedIn(store, PROJECT)).toEqual([]);

    const hourly = new SlippageCheck(
      projects,
      projections,
      store,
      settings(3_600_000),
      clock,
      logger,
    );
    hourly.start();
    await hourly.stop();
    expect(await slippedIn(store, PROJECT)).toHaveLength(1);
  });

  it('reads its interval from the environment: an hour by default, numbers from strings', () => {
    expect(innovationResearchService.loadSettings({}).RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS).toBe(
      3_600_000,
    );
    expect(
      innovationResearchService.loadSettings({ RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS: '0' })
        .RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS,
    ).toBe(0);
    expect(() =>
      innovationResearchService.loadSettings({ RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS: '-5' }),
    ).toThrow(/RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS/);
  });
});
