import type { Deliverable, ResearchPhase } from '@sfp/contracts';
import { defineProjection, type ReadModelFields, type ViewWriter } from '@sfp/projections';
import type { RecordedEvent } from '@sfp/event-sourcing';
import type { ResearchProjectEvent } from '../domain/research-project.events';

export const RESEARCH_MILESTONES_PROJECTION = 'research-milestones';

/** One milestone of the calendar. An open milestone's days late are computed at query time. */
export interface MilestoneDoc {
  docType: 'milestone';
  projectId: string;
  milestoneId: string;
  projectTitle: string;
  phase: ResearchPhase;
  title: string;
  plannedOn: string;
  completedOn?: string;
  state: 'planned' | 'done' | 'slipping';
  /** Of a done milestone only: days between planned and actual date. */
  daysLate?: number;
  deliverables: Deliverable[];
}

/** What the projection knows of a project: its title, and its milestones to retitle. */
export interface MilestoneProjectDoc {
  docType: 'project';
  title: string;
  milestoneIds: string[];
}

export type ResearchMilestonesDoc = MilestoneDoc | MilestoneProjectDoc;

export const milestoneKey = (projectId: string, milestoneId: string) =>
  `${projectId}:${milestoneId}`;
const projectKey = (projectId: string) => `project:${projectId}`;

const fields: ReadModelFields = {
  docType: 'string',
  projectId: 'string',
  state: 'string',
  plannedOn: 'string',
};

/** A milestone after a milestone event (pure; undefined: nothing to write). */
export function evolveMilestone(
  current: MilestoneDoc | undefined,
  event: ResearchProjectEvent,
  projectTitle: string,
): MilestoneDoc | undefined {
  switch (event.type) {
    case 'innovation-research.MilestonePlanned': {
      const m = event.data.milestone;
      return {
        docType: 'milestone',
        projectId: event.data.projectId,
        milestoneId: m.milestoneId,
        projectTitle,
        phase: m.phase,
        title: m.title,
        plannedOn: m.plannedOn,
        state: 'planned',
        deliverables: [],
      };
    }
    case 'innovation-research.MilestoneRescheduled':
      if (!current) return undefined;
      return {
        ...current,
        plannedOn: event.data.plannedOn,
        state: current.state === 'done' ? 'done' : 'planned',
      };
    case 'innovation-research.MilestoneCompleted':
      if (!current) return undefined;
      return {
        ...current,
        state: 'done',
        completedOn: event.data.completedOn,
        daysLate: event.data.daysLate,
        deliverables: event.data.deliverables,
      };
    case 'innovation-research.MilestoneSlipped':
      if (!current || current.state !== 'planned' || current.plannedOn !== event.data.plannedOn) {
        return undefined;
      }
      return { ...current, state: 'slipping' };
    default:
      return undefined;
  }
}

async function onMilestoneEvent(recorded: RecordedEvent, view: ViewWriter<ResearchMilestonesDoc>) {
  const event = { type: recorded.type, data: recorded.data } as ResearchProjectEvent;
  if (!('projectId' in event.data)) return;
  const projectId = event.data.projectId;
  const milestoneId =
    event.type === 'innovation-research.MilestonePlanned'
      ? event.data.milestone.milestoneId
      : 'milestoneId' in event.data
        ? event.data.milestoneId
        : undefined;
  if (!milestoneId) return;
  const project = (await view.get(projectKey(projectId))) as MilestoneProjectDoc | undefined;
  const key = milestoneKey(projectId, milestoneId);
  const current = (await view.get(key)) as MilestoneDoc | undefined;
  const next = evolveMilestone(current, event, project?.title ?? '');
  if (!next) return;
  await view.upsert(key, next);
  if (project && !project.milestoneIds.includes(milestoneId)) {
    await view.upsert(projectKey(projectId), {
      ...project,
      milestoneIds: [...project.milestoneIds, milestoneId],
    });
  }
}

async function onDefinition(recorded: RecordedEvent, view: ViewWriter<ResearchMilestonesDoc>) {
  const event = { type: recorded.type, data: recorded.data } as ResearchProjectEvent;
  if (
    event.type !== 'innovation-research.ResearchProjectProposed' &&
    event.type !== 'innovation-research.ResearchProjectRevised'
  ) {
    return;
  }
  const { projectId, project } = event.data;
  const known = (await view.get(projectKey(projectId))) as MilestoneProjectDoc | undefined;
  await view.upsert(projectKey(projectId), {
    docType: 'project',
    title: project.title,
    milestoneIds: known?.milestoneIds ?? [],
  });
  if (!known || known.title === project.title) return;
  for (const milestoneId of known.milestoneIds) {
    await view.patch(milestoneKey(projectId, milestoneId), { projectTitle: project.title });
  }
}

/**
 * The milestone calendar: one document per milestone (id
 * `<projectId>:<milestoneId>`), with its project's title. The slippage check
 * reads `state = planned` and `plannedOn < today`.
 */
export const researchMilestonesProjection = defineProjection<ResearchMilestonesDoc>({
  name: RESEARCH_MILESTONES_PROJECTION,
  version: 1,
  fields,
  handlers: {
    'innovation-research.ResearchProjectProposed': onDefinition,
    'innovation-research.ResearchProjectRevised': onDefinition,
    'innovation-research.MilestonePlanned': onMilestoneEvent,
    'innovation-research.MilestoneRescheduled': onMilestoneEvent,
    'innovation-research.MilestoneCompleted': onMilestoneEvent,
    'innovation-research.MilestoneSlipped': onMilestoneEvent,
  },
});
