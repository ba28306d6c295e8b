import type { InterventionTool } from '@sfp/contracts';
import { PayloadReader, type SourceEvent } from './source-event';
import { toolOf } from './tool-of';
import { themesOfLibraryThemes } from './tool-vocabulary';

/** The knowledge base's public events that describe its practice notes and impact assessments. */
export const LIBRARY_TOOL_EVENTS = [
  'knowledge-base.PracticeNotePublished',
  'knowledge-base.PracticeNoteRevised',
  'knowledge-base.ImpactAssessmentRecorded',
  'knowledge-base.ImpactAssessmentRevised',
] as const;

const isNote = (event: SourceEvent) => event.type.startsWith('knowledge-base.PracticeNote');

export function libraryToolRefOf(event: SourceEvent): string {
  const read = new PayloadReader(event);
  const id = read.text(isNote(event) ? 'noteId' : 'assessmentId', 100);
  read.done();
  return `${isNote(event) ? 'practice-note' : 'impact-assessment'}:${id}`;
}

/**
 * A practice note (its institutions are its partners) or an impact
 * assessment (its country and partner institution) as the knowledge base
 * published or revised it; each revision carries all of it.
 */
export function libraryToolOf(event: SourceEvent): InterventionTool | undefined {
  const read = new PayloadReader(event);
  if (
    event.type === 'knowledge-base.PracticeNotePublished' ||
    event.type === 'knowledge-base.PracticeNoteRevised'
  ) {
    const noteId = read.text('noteId', 100);
    const title = read.text('note.title', 300);
    const summary = read.optionalText('note.summary') ?? '';
    const themes = themesOfLibraryThemes(read.texts('note.themes'));
    const institutions = read.optionalTexts('note.institutionIds');
    read.done();
    return toolOf(
      {
        kind: 'practice-note',
        toolId: noteId,
        title,
        texts: [summary, ...read.optionalTexts('note.tags')],
        themes,
        countries: [],
        regions: [],
        partnerInstitutionIds: institutions,
        active: true,
      },
      event.occurredAt,
    );
  }
  if (
    event.type === 'knowledge-base.ImpactAssessmentRecorded' ||
    event.type === 'knowledge-base.ImpactAssessmentRevised'
  ) {
    const assessmentId = read.text('assessmentId', 100);
    const title = read.text('assessment.title', 300);
    const summary = read.optionalText('assessment.summary') ?? '';
    const country = read.optionalText('assessment.country');
    const partner = read.optionalText('assessment.partnerInstitutionId');
    const themes = themesOfLibraryThemes(read.texts('assessment.themes'));
    read.done();
    return toolOf(
      {
        kind: 'impact-assessment',
        toolId: assessmentId,
        title,
        texts: [summary, ...read.optionalTexts('assessment.tags')],
        themes,
        countries: country ? [country] : [],
        regions: [],
        partnerInstitutionIds: partner ? [partner] : [],
        active: true,
      },
      event.occurredAt,
    );
  }
  return undefined;
}
