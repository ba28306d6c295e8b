import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, type RecordedEvent } from '@sfp/event-sourcing';
import { DeadLetterError } from '@sfp/messaging';
import {
  CLOCK,
  COMMANDS,
  type Clock,
  type ContextCommands,
  type ContextSubscription,
} from '@sfp/service-kit';
import { runCommand } from '../../application/command-runner';
import type { CommandContext } from '../../application/knowledge-base-command';
import { institutionDecider } from '../../institution/domain/institution.decider';
import { streamIds } from '../../knowledge-base.context';
import {
  impactAssessmentStream,
  practiceNoteStream,
} from '../../library/application/library.streams';
import { KnowledgeBaseError } from '../../shared/domain/knowledge-base.errors';
import { publicationOf } from './research-publication.check';
import { RESEARCH_ENTRY_IDS } from './research-entry-ids';
import { libraryEntriesOf, RESEARCH_CONTEXT } from '../domain/research-publication.mapping';

export const FINDINGS_PUBLISHED = 'innovation-research.FindingsPublished';

/**
 * Research's published findings in the library: each FindingsPublished (on
 * sfp.innovation-research.events, consumer group
 * sfp-knowledge-base.research-findings) records an impact assessment of each
 * partner institution (or one without a partner) and a practice note, under
 * ids derived from the project, each carrying its source (project, version,
 * link back). The deciders make it idempotent: a redelivery or a replay of
 * the same version records nothing; a correction (a later version) revises
 * them with its reason; an older version arriving late changes nothing. A
 * payload without what the library reads, or one the library's rules refuse,
 * goes to sfp.knowledge-base.dlq.
 */
@Injectable()
export class ResearchFindings implements ContextSubscription {
  readonly source = RESEARCH_CONTEXT;
  readonly name = 'research-findings';
  readonly eventTypes = [FINDINGS_PUBLISHED];

  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    const publication = publicationOf(event.data);
    const countries = new Map<string, string | undefined>();
    for (const id of publication.partnerInstitutionIds) {
      const { state } = await this.commands.load(streamIds.institution(id), institutionDecider);
      countries.set(id, state.status === 'none' ? undefined : state.country);
    }
    const entries = libraryEntriesOf(publication, RESEARCH_ENTRY_IDS, (id) => countries.get(id));
    const context: CommandContext = {
      correlationId: event.correlationId,
      causationId: event.eventId,
      actor: SYSTEM_ACTOR,
      idempotencyKey: `${event.eventId}`,
    };
    const at = this.clock().toISOString();
    const by = `${RESEARCH_CONTEXT}:${publication.projectId}`;
    try {
      for (const { assessmentId, assessment } of entries.assessments) {
        const stream = impactAssessmentStream(assessmentId);
        await runCommand(
          this.commands,
          stream,
          stream.decider,
          () => ({
            type: 'RecordSourcedImpactAssessment' as const,
            assessmentId,
            assessment,
            reason: entries.reason,
            at,
            by,
          }),
          context,
          at,
        );
      }
      const stream = practiceNoteStream(entries.noteId);
      await runCommand(
        this.commands,
        stream,
        stream.decider,
        () => ({
          type: 'PublishSourcedPracticeNote' as const,
          noteId: entries.noteId,
          note: entries.note,
          reason: entries.reason,
          at,
          by,
        }),
        context,
        at,
      );
    } catch (error) {
      // The library's rules refuse it: no retry changes that.
      if (error instanceof KnowledgeBaseError)
        throw new DeadLetterError(
          'schema-invalid',
          `The library refuses the publication: ${error.message}`,
          'field' in error && typeof error.field === 'string'
            ? [{ field: error.field, messages: [error.message] }]
            : [],
        );
      throw error;
    }
  }
}
