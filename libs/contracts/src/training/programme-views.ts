/**
 * Capacity-building programmes: what they are measured by, whom they are for,
 * their targets, and the training API's answer about one (GET /programmes,
 * GET /programmes/{id}), as the console reads it.
 */
import type { ConstituentGroup } from '../help-desk/reference-data';
import type { Region } from '../shared/regions';
import type { ParticipantSex } from './reference-data';

/**
 * What a capacity-building programme is measured by: people trained (distinct
 * constituents who completed a course of its offerings, optionally of one sex
 * and/or one constituent group), the completion rate (per cent of results that
 * are completions) and the mean knowledge gain (post-test minus pre-test, in
 * points).
 */
export const PROGRAMME_INDICATORS = [
  'people-trained',
  'completion-rate',
  'knowledge-gain',
] as const;
export type ProgrammeIndicator = (typeof PROGRAMME_INDICATORS)[number];

/** Whom a programme is for: one constituent organisation, one country or one region. */
export const PROGRAMME_SCOPE_KINDS = ['organisation', 'country', 'region'] as const;
export type ProgrammeScopeKind = (typeof PROGRAMME_SCOPE_KINDS)[number];

/** A programme takes targets and offerings while active; a closed one takes nothing more. */
export const PROGRAMME_STATUSES = ['active', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export type ProgrammeScope =
  | {
      kind: 'organisation';
      organisation: string;
      constituentGroup: ConstituentGroup;
      country: string;
    }
  | { kind: 'country'; country: string }
  | { kind: 'region'; region: Region };

/**
 * One target of a programme: a value of an indicator to reach by `dueOn`
 * (a calendar date). People trained may be narrowed to one sex and/or one
 * constituent group; the rates are over all its constituents.
 */
export interface ProgrammeTarget {
  indicator: ProgrammeIndicator;
  value: number;
  sex?: ParticipantSex;
  constituentGroup?: ConstituentGroup;
  dueOn: string;
}

/** What launching a programme takes: its title, whom it is for and its period (first and last day, YYYY-MM-DD). */
export interface NewProgramme {
  title: string;
  scope: ProgrammeScope;
  startsOn: string;
  endsOn: string;
}

/** How far a programme is towards one target. */
export interface ProgrammeTargetProgress extends ProgrammeTarget {
  /** The value reached: people, a percentage or points (one decimal); null when there is nothing to measure. */
  actual: number | null;
  /** actual in per cent of the target (one decimal); null with no actual. */
  percentOfTarget: number | null;
  /** How many results (completed or failed) of constituents the value rests on. */
  results: number;
}

/** A programme with its progress against each target. */
export interface ProgrammeProgress extends NewProgramme {
  programmeId: string;
  status: ProgrammeStatus;
  /** Its offerings (see /offerings/{id}). */
  offeringIds: string[];
  /** Constituents with a result in its offerings, and how many completed. */
  participantsWithResult: number;
  participantsCompleted: number;
  targets: ProgrammeTargetProgress[];
  launchedAt: string;
  closedAt?: string;
}
