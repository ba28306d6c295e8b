import type { ConstituentGroup, ParticipantSex, Region } from '@sfp/contracts';

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

/** The key that makes a target unique within its programme: indicator, sex, constituent group. */
export const targetKey = (t: Pick<ProgrammeTarget, 'indicator' | 'sex' | 'constituentGroup'>) =>
  [t.indicator, t.sex ?? 'any-sex', t.constituentGroup ?? 'any-group'].join('/');
