import {
  FINANCIAL_INSTRUMENTS,
  THEMES,
  type FinancialInstrument,
  type Theme,
} from '@sfp/contracts';

/**
 * The knowledge base's library themes (research projects, practice notes,
 * impact assessments) on the organisation's theme list, which proposals use.
 * Themes with no counterpart (business performance, client protection,
 * occupational safety and health) map to none.
 */
const LIBRARY_THEME_TO_THEME: Readonly<Record<string, Theme>> = {
  vulnerability: 'poverty',
  'child-labour': 'child-labour',
  formalisation: 'informal-economy',
  gender: 'gender',
  youth: 'youth',
  microinsurance: 'microinsurance',
  'green-finance': 'green-finance',
};

/** Library themes as the organisation's themes, each once. */
export function themesOfLibraryThemes(libraryThemes: readonly string[]): Theme[] {
  const themes = libraryThemes
    .map((theme) => LIBRARY_THEME_TO_THEME[theme])
    .filter((theme): theme is Theme => theme !== undefined);
  return [...new Set(themes)];
}

/** Themes already on the organisation's list (a course's), the others dropped. */
export function knownThemes(themes: readonly string[]): Theme[] {
  return [...new Set(themes.filter((t): t is Theme => (THEMES as readonly string[]).includes(t)))];
}

/** Words in a tool's text that name an instrument. */
const INSTRUMENT_WORDS: ReadonlyArray<[FinancialInstrument, RegExp]> = [
  ['credit-line', /\bcredit[- ]lines?\b|\bon-?lending\b/i],
  ['guarantee-fund', /\bguarantee/i],
  ['revolving-fund', /\brevolving\b/i],
  ['grant-to-provider', /\bgrants?\b/i],
  ['equity', /\bequity\b/i],
  ['insurance-scheme', /\binsurance\b|\bmicroinsurance\b/i],
  ['savings-scheme', /\bsavings?\b/i],
];

/**
 * The instruments a tool concerns: named in its text, or implied by its
 * themes (microinsurance: an insurance scheme).
 */
export function instrumentsOf(
  texts: readonly string[],
  themes: readonly Theme[],
): FinancialInstrument[] {
  const text = texts.join(' \n ');
  const found = new Set<FinancialInstrument>(
    INSTRUMENT_WORDS.filter(([, words]) => words.test(text)).map(([instrument]) => instrument),
  );
  if (themes.includes('microinsurance')) found.add('insurance-scheme');
  return FINANCIAL_INSTRUMENTS.filter((instrument) => found.has(instrument));
}

/** ISO 3166-1 alpha-2 codes among `values`, each once. */
export function countryCodes(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => /^[A-Z]{2}$/.test(value)))];
}
