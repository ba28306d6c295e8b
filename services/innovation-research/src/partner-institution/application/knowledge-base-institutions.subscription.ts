import { Inject, Injectable } from '@nestjs/common';
import {
  DuplicateEventError,
  SYSTEM_ACTOR,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  uuidFromKey,
} from '@sfp/event-sourcing';
import { DeadLetterError, type FieldError } from '@sfp/messaging';
import { EVENT_STORE, type ContextSubscription } from '@sfp/service-kit';
import { partnerInstitutionStreamId } from '../../innovation-research.context';
import {
  PartnerInstitutionNoted,
  type PartnerInstitutionNotedData,
} from '../domain/partner-institution.events';

/**
 * The knowledge base's public institution events research follows (their
 * types and fields are the knowledge base's published contract; nothing of
 * its code is imported), with the status each one leaves the institution in.
 */
const STATUS_AFTER: Readonly<Record<string, PartnerInstitutionNotedData['status']>> = {
  'knowledge-base.InstitutionRegistered': 'registered',
  'knowledge-base.InstitutionActivated': 'active',
  'knowledge-base.InstitutionSuspended': 'suspended',
  'knowledge-base.InstitutionReinstated': 'active',
  'knowledge-base.InstitutionClosed': 'closed',
};

const REGISTERED = 'knowledge-base.InstitutionRegistered';

/**
 * What research knows of the knowledge base's institutions, from its public
 * events on sfp.knowledge-base.events (never by a call): each event becomes a
 * PartnerInstitutionNoted in the institution's stream here, with the source
 * event's id, so a redelivery or a replay of the topic is refused by the store
 * as a duplicate and changes nothing. A payload without the fields research
 * reads goes to sfp.innovation-research.dlq.
 */
@Injectable()
export class KnowledgeBaseInstitutions implements ContextSubscription {
  readonly source = 'knowledge-base';
  readonly name = 'knowledge-base-institutions';
  readonly eventTypes = Object.keys(STATUS_AFTER);

  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async handle(event: RecordedEvent): Promise<void> {
    const noted = notedOf(event);
    try {
      await this.events.append(partnerInstitutionStreamId(noted.data.institutionId), 'any', [
        noted,
      ]);
    } catch (error) {
      // Noted already: a redelivery, or the topic replayed from its start.
      if (!(error instanceof DuplicateEventError)) throw error;
    }
  }
}

/** The event research records for a knowledge-base institution event, checked field by field. */
export function notedOf(event: RecordedEvent): NewEvent<PartnerInstitutionNotedData> {
  const status = STATUS_AFTER[event.type];
  if (!status)
    throw new DeadLetterError(
      'schema-invalid',
      `${event.type} is no institution event research follows`,
      [{ field: 'type', messages: [`must be one of ${Object.keys(STATUS_AFTER).join(', ')}`] }],
    );
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<
    string,
    unknown
  >;
  const problems: FieldError[] = [];
  const text = (field: string, max: number): string | undefined => {
    const value = data[field];
    if (typeof value === 'string' && value.trim().length > 0 && value.length <= max) return value;
    problems.push({
      field: `data.${field}`,
      messages: [`must be a text of 1 to ${max} characters`],
    });
    return undefined;
  };
  const institutionId = text('institutionId', 100);
  const registered = event.type === REGISTERED;
  const name = registered ? text('name', 300) : undefined;
  const country = registered ? text('country', 2) : undefined;
  if (registered && country !== undefined && !/^[A-Z]{2}$/.test(country))
    problems.push({ field: 'data.country', messages: ['must be an ISO 3166-1 alpha-2 code'] });
  if (problems.length > 0 || institutionId === undefined)
    throw new DeadLetterError(
      'schema-invalid',
      `The payload of ${event.type} lacks what research reads: ${problems.map((p) => `${p.field} ${p.messages[0]}`).join('; ')}`,
      problems,
    );
  return {
    // Derived, never the source's own id: ids are unique across the platform (reporting's log holds both).
    eventId: uuidFromKey(`${PartnerInstitutionNoted.type}<-${event.eventId}`),
    type: PartnerInstitutionNoted.type,
    schemaVersion: PartnerInstitutionNoted.schemaVersion,
    data: {
      institutionId,
      ...(name !== undefined ? { name } : {}),
      ...(country !== undefined ? { country } : {}),
      status,
      sourceEventType: event.type,
      sourceEventId: event.eventId,
      sourceOccurredAt: event.occurredAt,
    },
    metadata: {
      correlationId: event.correlationId,
      causationId: event.eventId,
      actor: SYSTEM_ACTOR,
      occurredAt: event.occurredAt,
    },
  };
}
