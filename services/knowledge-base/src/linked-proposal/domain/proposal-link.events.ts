import type { ProposalLinkNotedData } from '@sfp/contracts';
import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/**
 * What the knowledge base knows of a quality-monitoring proposal linked to
 * one of its practice notes or impact assessments, from quality monitoring's
 * public events (never by a call): one event here per event there, under
 * that event's id, so a redelivery is refused as a duplicate.
 */
export class ProposalLinkNoted extends defineEventType<ProposalLinkNotedData>()({
  type: 'knowledge-base.ProposalLinkNoted',
  schemaVersion: 1,
}) {}

export const PROPOSAL_LINK_EVENT_CLASSES = [ProposalLinkNoted] as const;
export type ProposalLinkEvent = EventOf<typeof ProposalLinkNoted>;
