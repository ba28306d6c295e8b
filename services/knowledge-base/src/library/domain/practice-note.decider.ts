import type { Decider } from '@sfp/event-sourcing/domain';
import type { LibrarySource, PracticeNote } from './library.entries';
import { keepingSource, sourcedChange } from './library-source';
import { LibraryEntryAlreadyRecordedError, LibraryEntryNotFoundError } from './library.errors';
import {
  PracticeNotePublished,
  PracticeNoteRevised,
  type PracticeNoteEvent,
} from './library.events';

export type PracticeNoteCommand =
  | { type: 'PublishPracticeNote'; noteId: string; note: PracticeNote; at: string; by: string }
  | { type: 'RevisePracticeNote'; note: PracticeNote; reason: string; at: string; by: string }
  | {
      /** A note another context's publication makes (it carries its source): published, revised or left alone. */
      type: 'PublishSourcedPracticeNote';
      noteId: string;
      note: PracticeNote & { source: LibrarySource };
      /** Why this version replaces the previous one (a correction's reason). */
      reason: string;
      at: string;
      by: string;
    };

export type PracticeNoteState =
  | { status: 'none' }
  | { status: 'published'; noteId: string; revision: number; source?: LibrarySource };

export const practiceNoteDecider: Decider<
  PracticeNoteState,
  PracticeNoteCommand,
  PracticeNoteEvent
> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, state) => {
    if (command.type === 'PublishSourcedPracticeNote') {
      const change = sourcedChange(state, command.note.source);
      if (change === 'none') return [];
      if (change === 'record' || state.status === 'none')
        return [
          PracticeNotePublished.of({
            noteId: command.noteId,
            note: command.note,
            publishedBy: command.by,
            publishedAt: command.at,
          }),
        ];
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
    }
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
        note: keepingSource(command.note, state.source),
        reason: command.reason,
        revisedBy: command.by,
        revisedAt: command.at,
      }),
    ];
  },
  evolve: (state, event) =>
    event.type === 'knowledge-base.PracticeNotePublished'
      ? {
          status: 'published',
          noteId: event.data.noteId,
          revision: 1,
          ...sourceOf(event.data.note.source),
        }
      : state.status === 'none'
        ? state
        : {
            status: 'published',
            noteId: state.noteId,
            revision: event.data.revision,
            ...sourceOf(event.data.note.source ?? state.source),
          },
};

const sourceOf = (source: LibrarySource | undefined) => (source ? { source } : {});
