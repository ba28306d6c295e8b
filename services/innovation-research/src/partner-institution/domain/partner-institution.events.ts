import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/**
 * What research knows of a knowledge-base institution, from the knowledge
 * base's public events (never by a call to it): one event here per event
 * there, with that event's id, so a redelivery is refused as a duplicate.
 * Partner institutions of a project must be known here.
 */
export interface PartnerInstitutionNotedData {
  institutionId: string;
  /** The name and country, as registered (absent on a change of status). */
  name?: string;
  country?: string;
  /** registered, active, suspended, closed. */
  status: 'registered' | 'active' | 'suspended' | 'closed';
  /** The knowledge-base event it comes from. */
  sourceEventType: string;
  sourceEventId: string;
  sourceOccurredAt: string;
}
export class PartnerInstitutionNoted extends defineEventType<PartnerInstitutionNotedData>()({
  type: 'innovation-research.PartnerInstitutionNoted',
  schemaVersion: 1,
}) {}

export const PARTNER_INSTITUTION_EVENT_CLASSES = [PartnerInstitutionNoted] as const;
export type PartnerInstitutionEvent = EventOf<typeof PartnerInstitutionNoted>;
