import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';
import type { ProgrammeScope, ProgrammeTarget } from '@sfp/contracts';

/** A capacity-building programme: a series of offerings for one organisation, country or region. */
export interface ProgrammeLaunchedData {
  programmeId: string;
  title: string;
  scope: ProgrammeScope;
  /** The programme's period: first and last day (YYYY-MM-DD). */
  startsOn: string;
  endsOn: string;
  launchedBy: string;
  launchedAt: string;
}

export class ProgrammeLaunched extends defineEventType<ProgrammeLaunchedData>()({
  type: 'training.ProgrammeLaunched',
  schemaVersion: 1,
}) {}

/** The programme's targets, all of them: setting them again replaces the earlier set. */
export interface ProgrammeTargetsSetData {
  programmeId: string;
  targets: ProgrammeTarget[];
  setBy: string;
  setAt: string;
}

export class ProgrammeTargetsSet extends defineEventType<ProgrammeTargetsSetData>()({
  type: 'training.ProgrammeTargetsSet',
  schemaVersion: 1,
}) {}

/** An offering counts towards the programme: its participants' results are the programme's. */
export interface OfferingAddedToProgrammeData {
  programmeId: string;
  offeringId: string;
  addedBy: string;
  addedAt: string;
}

export class OfferingAddedToProgramme extends defineEventType<OfferingAddedToProgrammeData>()({
  type: 'training.OfferingAddedToProgramme',
  schemaVersion: 1,
}) {}

/** The programme ended: no more offerings or targets; its results stay. */
export interface ProgrammeClosedData {
  programmeId: string;
  reason: string;
  closedBy: string;
  closedAt: string;
}

export class ProgrammeClosed extends defineEventType<ProgrammeClosedData>()({
  type: 'training.ProgrammeClosed',
  schemaVersion: 1,
}) {}

export const PROGRAMME_EVENT_CLASSES = [
  ProgrammeLaunched,
  ProgrammeTargetsSet,
  OfferingAddedToProgramme,
  ProgrammeClosed,
] as const;

export type ProgrammeEvent =
  | EventOf<typeof ProgrammeLaunched>
  | EventOf<typeof ProgrammeTargetsSet>
  | EventOf<typeof OfferingAddedToProgramme>
  | EventOf<typeof ProgrammeClosed>;
