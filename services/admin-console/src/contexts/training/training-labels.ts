// How the training pages name the context's codes (@sfp/contracts): each a
// label a reader knows ("Turin course", "Workers' organisation"), a language
// and a country by name, and the actions an offering's status allows.
import type {
  CertificateStatus,
  ConstituentGroup,
  CourseKind,
  CourseStatus,
  EnrolmentStatus,
  EvaluationItem,
  OfferingStatus,
  ParticipantSex,
  PriorityArea,
  TrainingAudience,
} from '@sfp/contracts';
import { formatDate, label, NONE } from '../../components/format';

export const COURSE_KIND_LABELS: Record<CourseKind, string> = {
  brief: 'Staff brief',
  'regional-course': 'Regional course',
  'turin-course': 'Turin course',
  'e-learning': 'E-learning',
  workshop: 'Workshop',
};

export const AUDIENCE_LABELS: Record<TrainingAudience, string> = {
  staff: 'Staff',
  government: 'Government',
  'employers-organisation': 'Employers’ organisation',
  'workers-organisation': 'Workers’ organisation',
  'partner-institution': 'Partner institution',
};

export const CONSTITUENT_GROUP_LABELS: Record<ConstituentGroup, string> = {
  government: 'Government',
  'employers-organisation': 'Employers’ organisation',
  'workers-organisation': 'Workers’ organisation',
  'partner-institution': 'Partner institution',
};

export const PRIORITY_AREA_LABELS: Record<PriorityArea, string> = {
  'financial-inclusion': 'Financial inclusion',
  'decent-work-in-finance': 'Decent work in finance',
  'microinsurance-and-social-protection': 'Microinsurance and social protection',
  'enterprise-and-job-creation': 'Enterprise and job creation',
  'gender-equality': 'Gender equality',
  'child-labour-elimination': 'Elimination of child labour',
  'informal-economy-transition': 'Transition from the informal economy',
  'crisis-response-and-recovery': 'Crisis response and recovery',
};

export const SEX_LABELS: Record<ParticipantSex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  'not-stated': 'Not stated',
};

export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  retired: 'Retired',
};

export const OFFERING_STATUS_LABELS: Record<OfferingStatus, string> = {
  planned: 'Planned',
  open: 'Open for enrolment',
  full: 'Full',
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  'awaiting-approval': 'Awaiting approval',
  enrolled: 'Enrolled',
  waitlisted: 'Waitlisted',
  withdrawn: 'Withdrawn',
  declined: 'Declined',
  completed: 'Completed',
  failed: 'Not completed',
  cancelled: 'Cancelled',
};

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: 'Valid',
  revoked: 'Revoked',
};

export const EVALUATION_ITEM_LABELS: Record<EvaluationItem, string> = {
  'objectives-met': 'The objectives were met',
  'content-relevant': 'The content was relevant',
  'trainers-effective': 'The trainers were effective',
  'materials-useful': 'The materials were useful',
  'will-apply-learning': 'I will apply what I learned',
  'overall-satisfaction': 'Overall satisfaction',
};

/** The badge of a status: good, warn or bad. */
export const STATUS_BADGES: Record<string, string> = {
  published: 'good',
  draft: 'warn',
  retired: 'bad',
  planned: 'warn',
  open: 'good',
  full: 'warn',
  running: 'good',
  completed: 'good',
  cancelled: 'bad',
  enrolled: 'good',
  waitlisted: 'warn',
  'awaiting-approval': 'warn',
  withdrawn: 'bad',
  declined: 'bad',
  failed: 'bad',
  valid: 'good',
  revoked: 'bad',
};

const languageNames = safeDisplayNames('language');
const countryNames = safeDisplayNames('region');

function safeDisplayNames(type: 'language' | 'region'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames(undefined, { type });
  } catch {
    return undefined;
  }
}

/** 'fr' → 'French' (in the reader's language). */
export function languageName(code: string): string {
  return languageNames?.of(code) ?? code;
}

/** 'KE' → 'Kenya'. */
export function countryName(code: string): string {
  try {
    return countryNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A region's label: 'asia-pacific' → 'Asia pacific'. */
export const regionName = (region: string) =>
  region === 'europe-central-asia'
    ? 'Europe and Central Asia'
    : region === 'asia-pacific'
      ? 'Asia and the Pacific'
      : label(region);

/** Two calendar dates (YYYY-MM-DD) as a reader's span: "09 Mar 2026 – 13 Mar 2026". */
export function formatSpan(startsOn: string, endsOn: string): string {
  if (!startsOn) return NONE;
  return startsOn === endsOn
    ? formatDay(startsOn)
    : `${formatDay(startsOn)} – ${formatDay(endsOn)}`;
}

/** A calendar date (YYYY-MM-DD) as the reader writes it, whatever their time zone. */
export function formatDay(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(`${day}T12:00:00Z`) : formatDate(day);
}

/** Every calendar day from the first to the last (YYYY-MM-DD), at most a year of them. */
export function daysOf(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  const day = new Date(`${startsOn}T00:00:00Z`);
  const last = new Date(`${endsOn}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || Number.isNaN(last.getTime())) return days;
  while (day <= last && days.length < 366) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

/** A calendar day, short, for a column: "Mon 9 Mar". */
export function formatShortDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : new Intl.DateTimeFormat(undefined, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(date);
}
