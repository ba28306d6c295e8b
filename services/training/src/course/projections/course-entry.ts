import { THEMES, TRAINING_AUDIENCES, TRAINING_LANGUAGES, type CourseEntry } from '@sfp/contracts';

/** The document stored: the entry, and one boolean per theme, audience and language for the filters. */
export type CourseCatalogueDocument = CourseEntry & Record<CourseFlag, boolean>;

export type CourseFlag = `theme_${string}` | `audience_${string}` | `language_${string}`;

const flagName = (prefix: string, value: string) => `${prefix}_${value.replace(/-/g, '_')}`;

export const themeFlag = (theme: string) => flagName('theme', theme) as CourseFlag;
export const audienceFlag = (audience: string) => flagName('audience', audience) as CourseFlag;
export const languageFlag = (language: string) => flagName('language', language) as CourseFlag;

/** Every flag name, with its type for the read model's declared fields. */
export const COURSE_FLAG_FIELDS: Record<string, 'boolean'> = Object.fromEntries(
  [
    ...THEMES.map(themeFlag),
    ...TRAINING_AUDIENCES.map(audienceFlag),
    ...TRAINING_LANGUAGES.map(languageFlag),
  ].map((flag) => [flag, 'boolean' as const]),
);

/** The flags of a definition: true for what it has, false for the rest. */
export function courseFlags(course: {
  themes: readonly string[];
  audiences: readonly string[];
  languages: readonly string[];
}): Record<CourseFlag, boolean> {
  return {
    ...Object.fromEntries(THEMES.map((t) => [themeFlag(t), course.themes.includes(t)])),
    ...Object.fromEntries(
      TRAINING_AUDIENCES.map((a) => [audienceFlag(a), course.audiences.includes(a)]),
    ),
    ...Object.fromEntries(
      TRAINING_LANGUAGES.map((l) => [languageFlag(l), course.languages.includes(l)]),
    ),
  } as Record<CourseFlag, boolean>;
}

/** The entry without its filter flags, as clients read it. */
export function withoutFlags(doc: CourseCatalogueDocument): CourseEntry {
  return Object.fromEntries(
    Object.entries(doc).filter(([key]) => !/^(theme|audience|language)_/.test(key)),
  ) as unknown as CourseEntry;
}
