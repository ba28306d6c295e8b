import type {
  ConstituentGroup,
  CourseKind,
  EnrolmentStatus,
  ParticipantSex,
  Region,
  TrainingLanguage,
} from '@sfp/contracts';

/** Where and when an offering runs, copied onto each of its enrolments. */
export interface OfferingContext {
  offeringId: string;
  courseId: string;
  courseKind?: CourseKind;
  region: Region;
  /** Where the offering runs (ISO 3166-1 alpha-2). */
  country: string;
  language: TrainingLanguage;
  startsOn: string;
  endsOn: string;
  /** The year it starts in: what the statistics count it under. */
  year: string;
}

/**
 * One enrolment as the statistics count it: the offering's context and the
 * participant's non-personal attributes (group, sex, staff, country), never
 * their name or e-mail, so an erasure changes no count or rate.
 */
export interface Participation extends OfferingContext {
  enrolmentId: string;
  status: EnrolmentStatus;
  constituentGroup?: ConstituentGroup;
  sex: ParticipantSex;
  staff: boolean;
  participantCountry: string;
  preTest?: number;
  postTest?: number;
}

export type OfferingContextDocument = OfferingContext & { record: 'offering' };
export type ParticipationDocument = Participation & { record: 'enrolment' };

export const offeringContextId = (offeringId: string) => `offering:${offeringId}`;
