import type { InterventionTool, PartnerRatios } from '@sfp/contracts';
import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/**
 * Another context's tool as its public events describe it (course,
 * programme, research project, practice note, impact assessment): noted
 * when it appears or changes, one stream per tool (`intervention-tool-<toolRef>`).
 * The event it came from is named, so a redelivery notes nothing new.
 */
export interface InterventionToolNotedData {
  tool: InterventionTool;
  sourceEventId: string;
  sourceEventType: string;
  notedAt: string;
}
export class InterventionToolNoted extends defineEventType<InterventionToolNotedData>()({
  type: 'quality-monitoring.InterventionToolNoted',
  schemaVersion: 1,
}) {}

/**
 * A partner institution's latest ratios as the knowledge base published
 * them (a report filed or restated), one stream per institution
 * (`partner-ratios-<institutionId>`). A review freezes the latest when it starts.
 */
export interface PartnerRatiosNotedData {
  ratios: PartnerRatios;
  sourceEventId: string;
  notedAt: string;
}
export class PartnerRatiosNoted extends defineEventType<PartnerRatiosNotedData>()({
  type: 'quality-monitoring.PartnerRatiosNoted',
  schemaVersion: 1,
}) {}

/** A knowledge-base institution registered or renamed (partners are validated against these). */
export interface PartnerInstitutionNotedData {
  institutionId: string;
  name: string;
  country: string;
  status: string;
  sourceEventId: string;
  notedAt: string;
}
export class PartnerInstitutionNoted extends defineEventType<PartnerInstitutionNotedData>()({
  type: 'quality-monitoring.PartnerInstitutionNoted',
  schemaVersion: 1,
}) {}

export const INTERVENTION_TOOL_EVENT_CLASSES = [
  InterventionToolNoted,
  PartnerRatiosNoted,
  PartnerInstitutionNoted,
] as const;
export type InterventionToolEvent =
  | EventOf<typeof InterventionToolNoted>
  | EventOf<typeof PartnerRatiosNoted>
  | EventOf<typeof PartnerInstitutionNoted>;
