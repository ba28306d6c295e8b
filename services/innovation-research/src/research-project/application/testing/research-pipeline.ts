import { InMemoryEventStore, TypedEventStore } from '@sfp/event-sourcing';
import { ContextCommands, ServiceMetrics, type Clock } from '@sfp/service-kit';
import {
  INNOVATION_RESEARCH_CONTEXT,
  innovationResearchEventTypes,
} from '../../../innovation-research.context';
import { ResearchProjects } from '../research-projects';

/** The research application service over a real command pipeline and an in-memory store, on a clock. */
export function researchPipeline(clock: Clock): {
  store: TypedEventStore;
  projects: ResearchProjects;
} {
  const eventTypes = innovationResearchEventTypes();
  const store = new TypedEventStore({
    store: new InMemoryEventStore({ now: clock }),
    eventTypes,
  });
  const commands = new ContextCommands({
    context: INNOVATION_RESEARCH_CONTEXT,
    store,
    eventTypes,
    metrics: new ServiceMetrics(),
  });
  return { store, projects: new ResearchProjects(commands, store, clock) };
}
