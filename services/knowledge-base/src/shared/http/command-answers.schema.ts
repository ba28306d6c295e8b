import { Type, type Static } from '@sinclair/typebox';
import type { HistoryEntry } from '@sfp/contracts';
import type { CommandResult } from '../../application/knowledge-base-command';
import { StringEnum, sameShape } from './schema-helpers';

/** What every command of the knowledge base answers (201/200): the record, its new version, the position to read at. */
export const CommandResultSchema = Type.Object(
  {
    id: Type.String({ description: 'The record’s id (institution, report, target, entry)' }),
    streamId: Type.String({ description: 'The record’s event stream' }),
    streamVersion: Type.Integer({
      minimum: 0,
      description: 'The stream’s version after the command: the record’s new ETag',
    }),
    position: Type.Integer({
      minimum: 0,
      description:
        'Global position of the command’s last event (pass it as minPosition to read your writes); the current head when nothing changed',
    }),
    changed: Type.Boolean({ description: 'Whether the command recorded anything' }),
  },
  { title: 'KnowledgeBaseCommandResult' },
);
sameShape<Static<typeof CommandResultSchema>, CommandResult>(true);

/** Who caused an event. */
export const ActorSchema = Type.Object({
  kind: StringEnum(['person', 'integration-client', 'system'] as const),
  id: Type.String(),
  department: Type.Optional(
    Type.String({ description: 'The department or office the actor acts for, when known' }),
  ),
});

/** One event of a record's stream: who did what, when. */
export const HistoryEntrySchema = Type.Object({
  streamVersion: Type.Integer({ minimum: 1 }),
  position: Type.Integer({ minimum: 0 }),
  event: Type.String({
    description: 'The event name without its context, e.g. InstitutionActivated',
  }),
  occurredAt: Type.String({ format: 'date-time' }),
  recordedAt: Type.String({ format: 'date-time' }),
  actor: ActorSchema,
  correlationId: Type.String(),
  data: Type.Unknown({ description: 'The event’s data' }),
});
sameShape<Static<typeof HistoryEntrySchema>, HistoryEntry>(true);
