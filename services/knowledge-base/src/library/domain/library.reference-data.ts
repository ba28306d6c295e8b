/** The library's reference data: defined in the platform's contracts (libs/contracts), which the console shows. */
export {
  ASSESSMENT_STATUSES,
  DESIGNS,
  FINDINGS,
  LIBRARY_THEMES,
  OUTCOMES,
  PRACTICE_KINDS,
  SURVEY_ROUNDS,
} from '@sfp/contracts';
export type {
  AssessmentStatus,
  Design,
  Finding,
  LibraryTheme,
  Outcome,
  PracticeKind,
  SurveyRound,
} from '@sfp/contracts';
