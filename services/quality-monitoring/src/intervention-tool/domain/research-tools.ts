import type { InterventionTool } from '@sfp/contracts';
import { PayloadReader, type SourceEvent } from './source-event';
import { toolOf, withStatus } from './tool-of';
import { themesOfLibraryThemes } from './tool-vocabulary';

/** The innovation-research context's public events that describe its projects. */
export const RESEARCH_TOOL_EVENTS = [
  'innovation-research.ResearchProjectProposed',
  'innovation-research.ResearchProjectRevised',
  'innovation-research.ResearchProjectApproved',
  'innovation-research.ResearchProjectAbandoned',
  'innovation-research.ResearchProjectClosed',
] as const;

export function researchToolRefOf(event: SourceEvent): string {
  const read = new PayloadReader(event);
  const id = read.text('projectId', 100);
  read.done();
  return `research-project:${id}`;
}

/**
 * A research project as a research event leaves it: from its definition
 * (title, question, innovation, library themes, countries, partners);
 * abandoned ones inactive (a closed project stays a tool to link to).
 */
export function researchToolOf(
  event: SourceEvent,
  previous: InterventionTool | undefined,
): InterventionTool | undefined {
  const read = new PayloadReader(event);
  switch (event.type) {
    case 'innovation-research.ResearchProjectProposed':
    case 'innovation-research.ResearchProjectRevised': {
      const projectId = read.text('projectId', 100);
      const title = read.text('project.title', 300);
      const question = read.optionalText('project.researchQuestion') ?? '';
      const innovation = read.optionalText('project.innovation.description') ?? '';
      const themes = themesOfLibraryThemes(read.texts('project.themes'));
      const countries = read.texts('project.countries');
      const partners = read.optionalTexts('project.partnerInstitutionIds');
      read.done();
      return toolOf(
        {
          kind: 'research-project',
          toolId: projectId,
          title,
          texts: [question, innovation],
          themes,
          countries,
          regions: [],
          partnerInstitutionIds: partners,
          active: previous?.active ?? true,
        },
        event.occurredAt,
      );
    }
    case 'innovation-research.ResearchProjectApproved':
    case 'innovation-research.ResearchProjectClosed':
      return withStatus(previous, true, event.occurredAt);
    case 'innovation-research.ResearchProjectAbandoned':
      return withStatus(previous, false, event.occurredAt);
    default:
      return undefined;
  }
}
