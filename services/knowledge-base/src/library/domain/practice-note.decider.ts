import type { Decider } from '@sfp/event-sourcing/domain';
import type { PracticeNote } from './library.entries';
import { LibraryEntryAlreadyRecordedError, LibraryEntryNotFoundError } from './library.errors';
import {
  PracticeNotePublished,
  PracticeNoteRevised,
  type PracticeNoteEvent,
} from './library.events';

export type PracticeNoteCommand =
  | { type: 'PublishPracticeNote'; noteId: string; note: PracticeNote; at: string; by: string }
  | { type: 'RevisePracticeNote'; note: PracticeNote; reason: string; at: string; by: string };

export type PracticeNoteState =
  | { status: 'none' }
  | { status: 'published'; noteId: string; revision: number };

export const practiceNoteDecider: Decider<
  PracticeNoteState,
  PracticeNoteCommand,
  PracticeNoteEvent
> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, state) => {
    if (command.type === 'PublishPracticeNote') {
      if (state.status !== 'none') throw new LibraryEntryAlreadyRecordedError('practice note');
      return [
        PracticeNotePublished.of({
          noteId: command.noteId,
          note: command.note,
          publishedBy: command.by,
          publishedAt: command.at,
        }),
      ];
    }
    if (state.status === 'none') throw new LibraryEntryNotFoundError('practice note');
    return [
      PracticeNoteRevised.of({
        noteId: state.noteId,
        revision: state.revision + 1,
        note: command.note,
        reason: command.reason,
        revisedBy: command.by,
        revisedAt: command.at,
      }),
    ];
  },
  evolve: (state, event) =>
    event.type === 'knowledge-base.PracticeNotePublished'
      ? { status: 'published', noteId: event.data.noteId, revision: 1 }
      : state.status === 'none'
        ? state
        : { ...state, revision: event.data.revision },
};
