import type { ConstituentGroup, Theme } from '../help-desk/reference-data';
import type { Region } from '../shared/regions';
import type {
  CourseKind,
  EvaluationItem,
  ParticipantSex,
  PriorityArea,
  TrainingAudience,
  TrainingLanguage,
} from './reference-data';

/** When a participant completes an offering: both must hold (a course without tests sets no minimum score). */
export interface CompletionRule {
  /** Share of the session days attended, in per cent (0–100). */
  minAttendancePercent: number;
  /** Post-test score in per cent (0–100); absent: no test required. */
  minPostTestScore?: number;
}

/** A course as written by its owner: each revision carries all of it. */
export interface CourseDefinition {
  /** Short unique code, e.g. `SFP-MF-101`. */
  code: string;
  title: string;
  kind: CourseKind;
  learningObjectives: string[];
  themes: Theme[];
  audiences: TrainingAudience[];
  durationHours: number;
  priorityArea: PriorityArea;
  languages: TrainingLanguage[];
  /** The user who owns the course. */
  owner: string;
  /** Staff enrolments wait for their supervisor's approval. */
  supervisorApprovalRequired: boolean;
  completionRule: CompletionRule;
}

/** Dates of an offering, as calendar dates in the time zone where it runs (IANA name). */
export interface OfferingSchedule {
  startsOn: string;
  endsOn: string;
  timeZone: string;
}

export type OfferingDelivery =
  | { mode: 'in-person'; venue: string }
  | { mode: 'online'; url: string };

export type OfferingFunding =
  | { kind: 'fee'; amount: number; currency: string }
  | { kind: 'sponsored'; sponsor: string };

/** Where, when and for how many an offering of a course runs. */
export interface OfferingPlan {
  schedule: OfferingSchedule;
  delivery: OfferingDelivery;
  region: Region;
  /** ISO 3166-1 alpha-2. */
  country: string;
  language: TrainingLanguage;
  capacity: number;
  /** User ids of the trainers. */
  trainers: string[];
  funding: OfferingFunding;
}

/**
 * A participant as enrolled. `name` and `email` are personal data (encrypted
 * in the events under the person's key, shredded on erasure); `personId` is
 * the pseudonymous id derived from the e-mail address.
 */
export interface Participant {
  personId: string;
  name: string;
  email: string;
  organisation: string;
  /** Absent for the organisation's staff. */
  constituentGroup?: ConstituentGroup;
  country: string;
  sex: ParticipantSex;
  staff: boolean;
}

/** One answer of the satisfaction questionnaire. */
export interface EvaluationRating {
  item: EvaluationItem;
  score: number;
}
