import { uuidFromKey } from '@sfp/event-sourcing';
import type { EntryIdsOf } from '../domain/research-publication.mapping';

/** UUIDs (version 4 layout, as the library's routes take) derived from the project: the same project and partner always name the same assessment: redeliveries and later versions land on it. */
export const researchAssessmentId = (projectId: string, institutionId: string | undefined) =>
  uuidFromKey(
    `innovation-research|${projectId}|impact-assessment|${institutionId ?? 'no-partner'}`,
    4,
  );

/** One practice note per project. */
export const researchNoteId = (projectId: string) =>
  uuidFromKey(`innovation-research|${projectId}|practice-note`, 4);

export const RESEARCH_ENTRY_IDS: EntryIdsOf = {
  assessment: researchAssessmentId,
  note: researchNoteId,
};
