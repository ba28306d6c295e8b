import {
  LIBRARY_THEMES,
  type FindingsLibraryEntry,
  type ResearchPublication,
} from '@sfp/contracts';
import { defineProjection, type ReadModelFields } from '@sfp/projections';
import type { FindingsPublishedData } from '../domain/research-project.events';
import { countryPosting, repost, wordPosting, type PostingDoc } from './postings';
import { themeFlag, wordsOf } from './research-project.document';

export const RESEARCH_FINDINGS_PROJECTION = 'research-findings';

/** A published finding, with its theme flags and the words it is found by. */
export type FindingDoc = FindingsLibraryEntry & {
  docType: 'finding';
  sortTitle: string;
  words: string[];
} & Record<`theme_${string}`, boolean>;

/** What the projection keeps of a project: the hypotheses it has published findings on. */
export interface FindingsProjectDoc {
  docType: 'project';
  publicationVersion: number;
  hypothesisIds: string[];
}

export type ResearchFindingsDoc = FindingDoc | FindingsProjectDoc | PostingDoc;

export const findingKey = (projectId: string, hypothesisId: string) =>
  `${projectId}:${hypothesisId}`;
const projectKey = (projectId: string) => `project:${projectId}`;

const fields: ReadModelFields = {
  docType: 'string',
  projectId: 'string',
  verdict: 'string',
  outcome: 'string',
  sortTitle: 'string',
  ...Object.fromEntries(LIBRARY_THEMES.map((t) => [themeFlag(t), 'boolean' as const])),
};

/** The findings a publication holds: one per hypothesis with a finding (null results included). */
export function findingsOf(publication: ResearchPublication): FindingDoc[] {
  return publication.hypotheses.flatMap((h) => {
    const f = h.finding;
    if (!f) return [];
    return [
      {
        docType: 'finding' as const,
        projectId: publication.projectId,
        projectTitle: publication.title,
        publicationVersion: publication.version,
        publishedOn: publication.publishedOn,
        hypothesisId: h.hypothesisId,
        statement: h.statement,
        outcome: h.outcome,
        indicator: h.indicator,
        expectedDirection: h.expectedDirection,
        verdict: f.verdict,
        surveyRound: f.surveyRound,
        effect: f.effect,
        sample: f.sample,
        ...(f.note ? { note: f.note } : {}),
        innovationKind: publication.innovation.kind,
        themes: publication.themes,
        countries: publication.countries,
        design: publication.design.method,
        sortTitle: `${publication.title.toLowerCase()} ${h.hypothesisId}`,
        words: wordsOf(`${publication.title} ${h.statement} ${h.indicator}`),
        ...Object.fromEntries(
          LIBRARY_THEMES.map((t) => [themeFlag(t), publication.themes.includes(t)]),
        ),
      },
    ];
  });
}

/** The postings of a finding: its words and its countries. */
export function findingPostings(doc: FindingDoc | undefined): string[] {
  if (!doc) return [];
  return [...doc.words.map(wordPosting), ...doc.countries.map(countryPosting)];
}

/** The entry without what indexes it, as clients read it. */
export function findingEntryOf(doc: FindingDoc): FindingsLibraryEntry {
  return Object.fromEntries(
    Object.entries(doc).filter(
      ([key]) => !key.startsWith('theme_') && !['docType', 'sortTitle', 'words'].includes(key),
    ),
  ) as unknown as FindingsLibraryEntry;
}

/**
 * The findings library: published findings only, one document per project ×
 * hypothesis (id `<projectId>:<hypothesisId>`). A later version replaces the
 * earlier one (an older version arriving late is ignored).
 */
export const researchFindingsProjection = defineProjection<ResearchFindingsDoc>({
  name: RESEARCH_FINDINGS_PROJECTION,
  version: 1,
  fields,
  handlers: {
    'innovation-research.FindingsPublished': async (recorded, view) => {
      const { publication } = recorded.data as FindingsPublishedData;
      const project = (await view.get(projectKey(publication.projectId))) as
        | FindingsProjectDoc
        | undefined;
      if (project && project.publicationVersion >= publication.version) return;
      const findings = findingsOf(publication);
      const kept = findings.map((f) => f.hypothesisId);
      for (const hypothesisId of project?.hypothesisIds ?? []) {
        if (kept.includes(hypothesisId)) continue;
        const key = findingKey(publication.projectId, hypothesisId);
        const gone = (await view.get(key)) as FindingDoc | undefined;
        await repost(view, key, findingPostings(gone), []);
        await view.delete(key);
      }
      for (const finding of findings) {
        const key = findingKey(finding.projectId, finding.hypothesisId);
        const before = (await view.get(key)) as FindingDoc | undefined;
        await view.upsert(key, finding);
        await repost(view, key, findingPostings(before), findingPostings(finding));
      }
      await view.upsert(projectKey(publication.projectId), {
        docType: 'project',
        publicationVersion: publication.version,
        hypothesisIds: kept,
      });
    },
  },
});
