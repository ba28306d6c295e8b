import { randomUUID } from 'node:crypto';
import type { ResearchPublication } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { encodeEventMessage, type OutgoingMessage } from '@sfp/messaging';
import { FINDINGS_PUBLISHED } from '../application/research-findings.subscription';

/**
 * A FindingsPublished event of research as its outbox relay puts it on
 * sfp.innovation-research.events (tests): the envelope of the research
 * project's stream, with the publication (or any data, for a malformed one).
 */
export function findingsPublishedEvent(
  publication: ResearchPublication | Record<string, unknown>,
  options: { eventId?: string; streamVersion?: number; position?: number } = {},
): RecordedEvent {
  const projectId = String(publication['projectId'] ?? 'unknown');
  return {
    eventId: options.eventId ?? randomUUID(),
    type: FINDINGS_PUBLISHED,
    schemaVersion: 1,
    streamId: `research-project-${projectId}`,
    streamVersion: options.streamVersion ?? 40,
    position: options.position ?? 400,
    occurredAt: '2025-06-30T09:00:00.000Z',
    recordedAt: '2025-06-30T09:00:00.120Z',
    correlationId: randomUUID(),
    actor: { kind: 'person', id: 'researcher-1' },
    data: { publication, publishedBy: 'researcher-1', publishedAt: '2025-06-30T09:00:00.000Z' },
  };
}

/** The event as a bus message (encodeEventMessage, as the outbox relay encodes it). */
export function findingsPublishedMessage(event: RecordedEvent): OutgoingMessage {
  return encodeEventMessage(event);
}
