import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';
import type { InstitutionDetails } from './institution-details';

export interface InstitutionRegisteredData extends InstitutionDetails {
  institutionId: string;
  registeredBy: string;
  registeredAt: string;
}

export class InstitutionRegistered extends defineEventType<InstitutionRegisteredData>()({
  type: 'knowledge-base.InstitutionRegistered',
  schemaVersion: 1,
}) {}

interface InstitutionChangeData {
  institutionId: string;
  by: string;
  at: string;
}

export type InstitutionActivatedData = InstitutionChangeData;
export class InstitutionActivated extends defineEventType<InstitutionActivatedData>()({
  type: 'knowledge-base.InstitutionActivated',
  schemaVersion: 1,
}) {}

export interface InstitutionSuspendedData extends InstitutionChangeData {
  reason: string;
}
export class InstitutionSuspended extends defineEventType<InstitutionSuspendedData>()({
  type: 'knowledge-base.InstitutionSuspended',
  schemaVersion: 1,
}) {}

export type InstitutionReinstatedData = InstitutionChangeData;
export class InstitutionReinstated extends defineEventType<InstitutionReinstatedData>()({
  type: 'knowledge-base.InstitutionReinstated',
  schemaVersion: 1,
}) {}

export interface InstitutionClosedData extends InstitutionChangeData {
  reason: string;
}
export class InstitutionClosed extends defineEventType<InstitutionClosedData>()({
  type: 'knowledge-base.InstitutionClosed',
  schemaVersion: 1,
}) {}

export interface InstitutionLinkedToProgrammeData extends InstitutionChangeData {
  programme: string;
}
export class InstitutionLinkedToProgramme extends defineEventType<InstitutionLinkedToProgrammeData>()(
  {
    type: 'knowledge-base.InstitutionLinkedToProgramme',
    schemaVersion: 1,
  },
) {}

export const INSTITUTION_EVENT_CLASSES = [
  InstitutionRegistered,
  InstitutionActivated,
  InstitutionSuspended,
  InstitutionReinstated,
  InstitutionClosed,
  InstitutionLinkedToProgramme,
] as const;

export type InstitutionEvent =
  | EventOf<typeof InstitutionRegistered>
  | EventOf<typeof InstitutionActivated>
  | EventOf<typeof InstitutionSuspended>
  | EventOf<typeof InstitutionReinstated>
  | EventOf<typeof InstitutionClosed>
  | EventOf<typeof InstitutionLinkedToProgramme>;
