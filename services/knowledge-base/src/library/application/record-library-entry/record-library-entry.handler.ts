import { CommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../application/knowledge-base-command';
import { KnowledgeBaseCommandHandler } from '../../../application/knowledge-base-command.handler';
import { impactAssessmentStream, practiceNoteStream } from '../library.streams';
import { RecordLibraryEntryCommand } from './record-library-entry.command';

/** Both kinds of entry live the same life (recorded, then revised with a reason), each on its stream. */
@CommandHandler(RecordLibraryEntryCommand)
export class RecordLibraryEntryHandler extends KnowledgeBaseCommandHandler<RecordLibraryEntryCommand> {
  async execute({ request, context }: RecordLibraryEntryCommand): Promise<CommandResult> {
    if (request.kind === 'impact-assessment') {
      const { assessmentId, command } = request;
      return this.run(impactAssessmentStream(assessmentId), context, (timed) => ({
        ...command,
        ...timed,
      }));
    }
    const { noteId, command } = request;
    return this.run(practiceNoteStream(noteId), context, (timed) => ({ ...command, ...timed }));
  }
}
