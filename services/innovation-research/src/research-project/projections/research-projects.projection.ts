import { defineProjection, type ReadModelFields } from '@sfp/projections';
import {
  RESEARCH_PROJECT_EVENT_CLASSES,
  type ResearchProjectEvent,
} from '../domain/research-project.events';
import { countryPosting, repost, wordPosting, type PostingDoc } from './postings';
import {
  applyResearchProjectEvent,
  RESEARCH_PROJECT_FLAG_FIELDS,
  type ResearchProjectDocument,
} from './research-project.document';

export const RESEARCH_PROJECTS_PROJECTION = 'research-projects';

export type ProjectDoc = ResearchProjectDocument & { docType: 'project' };
export type ResearchProjectsDoc = ProjectDoc | PostingDoc;

const fields: ReadModelFields = {
  docType: 'string',
  sortTitle: 'string',
  status: 'string',
  innovationKind: 'string',
  design: 'string',
  slippingMilestones: 'number',
  ...RESEARCH_PROJECT_FLAG_FIELDS,
};

/** The postings (title words, countries) a project is found by. */
export function postingsOf(doc: ResearchProjectDocument | undefined): string[] {
  if (!doc) return [];
  return [...doc.titleWords.map(wordPosting), ...doc.countries.map(countryPosting)];
}

/**
 * One document per project (the list entry, its filter flags and the whole
 * detail), and posting documents of its title words and countries for `q`
 * and `country`.
 */
export const researchProjectsProjection = defineProjection<ResearchProjectsDoc>({
  name: RESEARCH_PROJECTS_PROJECTION,
  version: 1,
  fields,
  handlers: Object.fromEntries(
    RESEARCH_PROJECT_EVENT_CLASSES.map(({ type }) => [
      type,
      async (recorded, view) => {
        const event = { type: recorded.type, data: recorded.data } as ResearchProjectEvent;
        const projectId =
          event.type === 'innovation-research.FindingsPublished'
            ? event.data.publication.projectId
            : event.data.projectId;
        const before = (await view.get(projectId)) as ProjectDoc | undefined;
        const after = applyResearchProjectEvent(before, event, recorded.streamVersion);
        if (!after) return;
        await view.upsert(projectId, { ...after, docType: 'project' });
        await repost(view, projectId, postingsOf(before), postingsOf(after));
      },
    ]),
  ),
});
