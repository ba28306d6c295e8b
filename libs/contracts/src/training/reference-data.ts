/**
 * The training context's reference data: what a course is, who it is for and
 * which Governing Body priority area it serves. The training service decides
 * by these lists; the console shows the same (with its own labels).
 */

/** Staff briefs, regional courses, courses at the Turin training centre, e-learning and workshops. */
export const COURSE_KINDS = [
  'brief',
  'regional-course',
  'turin-course',
  'e-learning',
  'workshop',
] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** Who a course is for: the organisation's staff, a tripartite constituent group, or partner institutions. */
export const TRAINING_AUDIENCES = [
  'staff',
  'government',
  'employers-organisation',
  'workers-organisation',
  'partner-institution',
] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

/** The Governing Body's priority areas a course serves. */
export const PRIORITY_AREAS = [
  'financial-inclusion',
  'decent-work-in-finance',
  'microinsurance-and-social-protection',
  'enterprise-and-job-creation',
  'gender-equality',
  'child-labour-elimination',
  'informal-economy-transition',
  'crisis-response-and-recovery',
] as const;
export type PriorityArea = (typeof PRIORITY_AREAS)[number];

/** The Office's working languages, as ISO 639-1 codes. */
export const TRAINING_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'zh', 'pt'] as const;
export type TrainingLanguage = (typeof TRAINING_LANGUAGES)[number];

/** As the participant states it; reported as counts by sex. */
export const PARTICIPANT_SEXES = ['female', 'male', 'other', 'not-stated'] as const;
export type ParticipantSex = (typeof PARTICIPANT_SEXES)[number];

/** How an offering is delivered: at a venue, or online at a link. */
export const DELIVERY_MODES = ['in-person', 'online'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Who pays: participants pay a fee, or a sponsor pays. */
export const FUNDING_KINDS = ['fee', 'sponsored'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

/** Scores of pre- and post-tests: per cent, 0 to 100. */
export const TEST_SCORE_RANGE = { min: 0, max: 100 } as const;

/** The Likert scale of the satisfaction questionnaire: 1 (strongly disagree) to 5 (strongly agree). */
export const LIKERT_RANGE = { min: 1, max: 5 } as const;

/** The items of an offering's satisfaction questionnaire. */
export const EVALUATION_ITEMS = [
  'objectives-met',
  'content-relevant',
  'trainers-effective',
  'materials-useful',
  'will-apply-learning',
  'overall-satisfaction',
] as const;
export type EvaluationItem = (typeof EVALUATION_ITEMS)[number];
