import { KnowledgeBaseCommand, type Untimed } from '../../../application/knowledge-base-command';
import type { ImpactAssessmentCommand } from '../../domain/impact-assessment.decider';
import type { PracticeNoteCommand } from '../../domain/practice-note.decider';

/** A new or revised library entry: an impact assessment or a practice note. */
export type LibraryEntryChange =
  | { kind: 'impact-assessment'; assessmentId: string; command: Untimed<ImpactAssessmentCommand> }
  | { kind: 'practice-note'; noteId: string; command: Untimed<PracticeNoteCommand> };

/** Records an impact assessment or publishes a practice note, or revises one (with a reason). */
export class RecordLibraryEntryCommand extends KnowledgeBaseCommand<LibraryEntryChange> {}
