import type { CommandBus } from '@nestjs/cqrs';
import type { EventStore } from '@sfp/event-sourcing';
import type { CommandRejection, InboundCommandDefinition } from '@sfp/messaging';
import { registerInstitutionMessage } from './institution/application/register-institution/register-institution.message';
import { inboundCommand, messageDispatch } from './messaging/message-dispatch';
import { fileReportMessage } from './performance-report/application/file-report/file-report.message';
import { restateReportMessage } from './performance-report/application/restate-report/restate-report.message';
import { KnowledgeBaseError } from './shared/domain/knowledge-base.errors';

/**
 * What departments' and regional offices' systems may do by message on
 * `sfp.knowledge-base.commands`: register an institution, file and restate
 * performance reports. Payloads are the HTTP DTOs (plus the ids), validated
 * the same way; a client is confined to its department (the `department`
 * header), as over HTTP. Each message is defined by its use case.
 */
export function knowledgeBaseInboundCommands(
  commandBus: CommandBus,
  events: Pick<EventStore, 'streamVersion' | 'headPosition'>,
): Array<InboundCommandDefinition<object>> {
  const dispatch = messageDispatch(commandBus, events);
  return [
    inboundCommand(dispatch, registerInstitutionMessage),
    inboundCommand(dispatch, fileReportMessage),
    inboundCommand(dispatch, restateReportMessage),
  ] as Array<InboundCommandDefinition<object>>;
}

/** Refusals the sender must hear about: every domain error of the knowledge base (identities named in the message). */
export function knowledgeBaseRejectionOf(error: unknown): CommandRejection | undefined {
  if (error instanceof KnowledgeBaseError) return { code: error.code, message: error.message };
  return undefined;
}
