import { streamIds } from '../../knowledge-base.context';
import { impactAssessmentDecider } from '../domain/impact-assessment.decider';
import { practiceNoteDecider } from '../domain/practice-note.decider';

/** An impact assessment's stream and its decider. */
export const impactAssessmentStream = (assessmentId: string) => ({
  id: assessmentId,
  streamId: streamIds.impactAssessment(assessmentId),
  decider: impactAssessmentDecider,
});

/** A practice note's stream and its decider. */
export const practiceNoteStream = (noteId: string) => ({
  id: noteId,
  streamId: streamIds.practiceNote(noteId),
  decider: practiceNoteDecider,
});
