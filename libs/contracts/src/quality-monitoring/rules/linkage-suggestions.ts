import { regionsOfCountries } from '../../shared/country-regions';
import type { InterventionTool, LinkageMatch, LinkageSuggestion } from '../linkage';
import type { ProposalDefinition } from '../proposal';
import {
  countryName,
  INSTRUMENT_LABELS,
  labelOf,
  listInWords,
  REGION_LABELS,
  THEME_LABELS,
} from './labels';

/**
 * The share of the score each kind of match brings (they sum to 1):
 * themes in proportion to the proposal's themes shared; a shared country
 * the full geography share, a shared region (and no country) half of it; a
 * shared partner institution or instrument the whole of theirs.
 */
export const LINKAGE_WEIGHTS = {
  themes: 0.3,
  geography: 0.2,
  partners: 0.3,
  instruments: 0.2,
} as const;

export interface LinkageOptions {
  /** Suggestions scoring below this (0–1) are left out. */
  minScore: number;
  /** At most this many undecided suggestions. */
  limit: number;
  /** Dismissed tools are left out unless asked for (then marked `dismissed`). */
  includeDismissed?: boolean;
  /** Names of partner institutions by id, for the reasons. */
  partnerNames?: ReadonlyMap<string, string>;
}

export const DEFAULT_LINKAGE_OPTIONS: LinkageOptions = { minScore: 0.3, limit: 10 };

const intersection = <T extends string>(mine: readonly T[], theirs: readonly string[]): T[] =>
  mine.filter((item, i) => theirs.includes(item) && mine.indexOf(item) === i);

/**
 * What a proposal and a tool share: themes, countries, regions (the tool's
 * own and those of its countries, against those of the proposal's countries),
 * partner institutions and instruments.
 */
export function linkageMatchOf(proposal: ProposalDefinition, tool: InterventionTool): LinkageMatch {
  const toolRegions = [...tool.regions, ...regionsOfCountries(tool.countries)];
  return {
    sharedThemes: intersection(proposal.themes, tool.themes),
    sharedCountries: intersection(proposal.countries, tool.countries),
    sharedRegions: intersection(regionsOfCountries(proposal.countries), toolRegions),
    sharedPartners: intersection(proposal.partnerInstitutionIds, tool.partnerInstitutionIds),
    sharedInstruments: intersection([proposal.financialComponent.instrument], tool.instruments),
  };
}

/** The score of a match, 0–1 (two decimals), by LINKAGE_WEIGHTS. */
export function linkageScore(
  match: LinkageMatch,
  proposal: Pick<ProposalDefinition, 'themes'>,
): number {
  const themes = proposal.themes.length
    ? (LINKAGE_WEIGHTS.themes * match.sharedThemes.length) / new Set(proposal.themes).size
    : 0;
  const geography = match.sharedCountries.length
    ? LINKAGE_WEIGHTS.geography
    : match.sharedRegions.length
      ? LINKAGE_WEIGHTS.geography / 2
      : 0;
  const partners = match.sharedPartners.length ? LINKAGE_WEIGHTS.partners : 0;
  const instruments = match.sharedInstruments.length ? LINKAGE_WEIGHTS.instruments : 0;
  return Math.round(Math.min(1, themes + geography + partners + instruments) * 100) / 100;
}

const named = (singular: string, plural: string, names: string[]) =>
  `the ${names.length === 1 ? singular : plural} ${listInWords(names)}`;

/**
 * Why a tool is suggested, in words: "Shares the themes microinsurance and
 * cooperatives, the country Kenya, the partner institution KUSCCO and the
 * instrument guarantee fund". Partners are named when their names are given.
 */
export function linkageReason(
  match: LinkageMatch,
  partnerNames: ReadonlyMap<string, string> = new Map(),
): string {
  const parts: string[] = [];
  if (match.sharedThemes.length)
    parts.push(
      named(
        'theme',
        'themes',
        match.sharedThemes.map((t) => labelOf(THEME_LABELS, t)),
      ),
    );
  if (match.sharedCountries.length)
    parts.push(named('country', 'countries', match.sharedCountries.map(countryName)));
  else if (match.sharedRegions.length)
    parts.push(
      named(
        'region',
        'regions',
        match.sharedRegions.map((r) => labelOf(REGION_LABELS, r)),
      ),
    );
  if (match.sharedPartners.length)
    parts.push(
      named(
        'partner institution',
        'partner institutions',
        match.sharedPartners.map((id) => partnerNames.get(id) ?? id),
      ),
    );
  if (match.sharedInstruments.length)
    parts.push(
      named(
        'instrument',
        'instruments',
        match.sharedInstruments.map((i) => labelOf(INSTRUMENT_LABELS, i)),
      ),
    );
  return parts.length ? `Shares ${listInWords(parts)}` : 'Shares nothing with the proposal';
}

/**
 * The tools to suggest for a proposal, best first (then by title): every
 * tool a reviewer accepted (marked `accepted`, whatever its score or state),
 * and up to `limit` active, undecided tools scoring at least `minScore`.
 * Dismissed tools are not suggested again (unless `includeDismissed`).
 */
export function suggestLinkages(
  proposal: ProposalDefinition,
  tools: readonly InterventionTool[],
  decided: ReadonlyMap<string, 'accepted' | 'dismissed'>,
  options: LinkageOptions = DEFAULT_LINKAGE_OPTIONS,
): LinkageSuggestion[] {
  const suggestionOf = (tool: InterventionTool): LinkageSuggestion => {
    const match = linkageMatchOf(proposal, tool);
    const decision = decided.get(tool.toolRef);
    return {
      toolRef: tool.toolRef,
      kind: tool.kind,
      toolId: tool.toolId,
      context: tool.context,
      title: tool.title,
      score: linkageScore(match, proposal),
      match,
      reason: linkageReason(match, options.partnerNames),
      ...(decision ? { decision } : {}),
    };
  };
  const byRank = (a: LinkageSuggestion, b: LinkageSuggestion) =>
    b.score - a.score || a.title.localeCompare(b.title);

  const all = tools.map(suggestionOf);
  const accepted = all.filter((s) => s.decision === 'accepted');
  const dismissed = options.includeDismissed ? all.filter((s) => s.decision === 'dismissed') : [];
  const active = new Set(tools.filter((t) => t.active).map((t) => t.toolRef));
  const undecided = all
    .filter((s) => !s.decision && active.has(s.toolRef) && s.score >= options.minScore)
    .sort(byRank)
    .slice(0, Math.max(0, options.limit));
  return [...accepted, ...undecided, ...dismissed].sort(byRank);
}
