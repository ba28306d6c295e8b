/** Reference data of the knowledge base's library: impact assessments and practice notes. */

export const ASSESSMENT_STATUSES = ['planned', 'ongoing', 'completed', 'abandoned'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const DESIGNS = [
  'rct',
  'difference-in-differences',
  'matching',
  'regression-discontinuity',
  'before-after',
  'qualitative',
] as const;
export type Design = (typeof DESIGNS)[number];

export const SURVEY_ROUNDS = ['baseline', 'midline', 'endline'] as const;
export type SurveyRound = (typeof SURVEY_ROUNDS)[number];

export const OUTCOMES = [
  'income',
  'business-profit',
  'consumption',
  'assets',
  'womens-decision-making',
  'child-labour',
  'occupational-safety-and-health',
  'formalisation',
  'vulnerability',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The sign of a finding. Null and negative results are first-class. */
export const FINDINGS = ['positive', 'null', 'negative', 'mixed'] as const;
export type Finding = (typeof FINDINGS)[number];

export const PRACTICE_KINDS = ['good-practice', 'bad-practice', 'lesson'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

/** The library's themes (a help-desk request has its own: THEMES). */
export const LIBRARY_THEMES = [
  'vulnerability',
  'business-performance',
  'child-labour',
  'formalisation',
  'gender',
  'youth',
  'microinsurance',
  'client-protection',
  'green-finance',
  'occupational-safety-and-health',
] as const;
export type LibraryTheme = (typeof LIBRARY_THEMES)[number];

/** The two kinds of entry of the library. */
export const LIBRARY_KINDS = ['impact-assessment', 'practice-note'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** An entry of the library as its lists and its search name it (the whole entry is read by kind). */
export interface LibraryEntrySummary {
  kind: LibraryKind;
  entryId: string;
  title: string;
  summary: string;
  tags: string[];
  themes: string[];
  recordedAt: string;
}
