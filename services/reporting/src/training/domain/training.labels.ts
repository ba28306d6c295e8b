import type { ConstituentGroup, CourseKind, ParticipantSex, Region } from '@sfp/contracts';

/** How the Governing Body reads the training context's codes: labels, never codes. */
export const COURSE_KIND_LABELS: Readonly<Record<CourseKind, string>> = {
  brief: 'Brief',
  'regional-course': 'Regional course',
  'turin-course': 'Turin course',
  'e-learning': 'E-learning',
  workshop: 'Workshop',
};

export const CONSTITUENT_GROUP_LABELS: Readonly<Record<ConstituentGroup, string>> = {
  government: 'Government',
  'employers-organisation': "Employers' organisation",
  'workers-organisation': "Workers' organisation",
  'partner-institution': 'Partner institution',
};

export const SEX_LABELS: Readonly<Record<ParticipantSex, string>> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  'not-stated': 'Not stated',
};

export const REGION_LABELS: Readonly<Record<Region, string>> = {
  africa: 'Africa',
  americas: 'Americas',
  'arab-states': 'Arab States',
  'asia-pacific': 'Asia and the Pacific',
  'europe-central-asia': 'Europe and Central Asia',
};

/**
 * The label of a code in `labels`; a code the list does not know (a newer
 * one) is shown as it is rather than dropped, so no participant goes uncounted.
 */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null): string {
  if (code === null) return 'Not stated';
  return Object.prototype.hasOwnProperty.call(labels, code) ? (labels[code] as string) : code;
}
