import { THEMES, type Theme } from '@sfp/contracts';

/** DI token of the help desk's teams (HelpDeskTeams, from its settings). */
export const HELP_DESK_TEAMS = Symbol('help-desk.teams');

/**
 * Who handles which theme: each theme's team (a team is the department its
 * members have in the platform's users), each team's lead, and the lead a
 * request without a team escalates to.
 */
export interface HelpDeskTeams {
  themeTeams: ReadonlyMap<Theme, string>;
  teamLeads: ReadonlyMap<string, string>;
  defaultLead: string;
}

/** The teams of a request's themes, in the order of its themes, each once. */
export function teamsOfThemes(teams: HelpDeskTeams, themes: readonly string[]): string[] {
  const found = themes
    .map((theme) => teams.themeTeams.get(theme as Theme))
    .filter((team): team is string => team !== undefined);
  return [...new Set(found)];
}

/** The team a request escalates to (its first theme's with a team) and that team's lead, or the default lead. */
export function escalationTargetOf(
  teams: HelpDeskTeams,
  themes: readonly string[],
): { team?: string; teamLead: string } {
  const [team] = teamsOfThemes(teams, themes);
  if (team === undefined) return { teamLead: teams.defaultLead };
  return { team, teamLead: teams.teamLeads.get(team) ?? teams.defaultLead };
}

/**
 * The teams of the settings:
 *   HELP_DESK_THEME_TEAMS="gender=inclusion,youth=inclusion,microinsurance=protection"
 *   HELP_DESK_TEAM_LEADS="inclusion=amara,protection=jkamau"
 *   HELP_DESK_ESCALATION_LEAD=admin   (a request without a team, or a team without a lead)
 * A malformed value throws, naming it.
 */
export function helpDeskTeamsOf(settings: {
  HELP_DESK_THEME_TEAMS?: string;
  HELP_DESK_TEAM_LEADS?: string;
  HELP_DESK_ESCALATION_LEAD?: string;
}): HelpDeskTeams {
  const themeTeams = pairsOf('HELP_DESK_THEME_TEAMS', settings.HELP_DESK_THEME_TEAMS, (theme) =>
    (THEMES as readonly string[]).includes(theme)
      ? undefined
      : `is not a theme (${THEMES.join(', ')})`,
  ) as Map<Theme, string>;
  const teamLeads = pairsOf('HELP_DESK_TEAM_LEADS', settings.HELP_DESK_TEAM_LEADS, () => undefined);
  const defaultLead = settings.HELP_DESK_ESCALATION_LEAD?.trim().toLowerCase() || 'admin';
  return { themeTeams, teamLeads, defaultLead };
}

/** "key=value,…" into a map; values lower case (teams are departments, leads usernames). */
function pairsOf(
  name: string,
  spec: string | undefined,
  keyProblem: (key: string) => string | undefined,
): Map<string, string> {
  const pairs = new Map<string, string>();
  const text = spec?.trim();
  if (!text) return pairs;
  for (const part of text.split(',')) {
    const [key, value, ...extra] = part.split('=').map((s) => s.trim());
    if (!key || !value || extra.length)
      throw new RangeError(`${name}: "${part.trim()}" must be <name>=<value>`);
    const problem = keyProblem(key);
    if (problem) throw new RangeError(`${name}: "${key}" ${problem}`);
    pairs.set(key, value.toLowerCase());
  }
  return pairs;
}

/** The share of the SLA past which a request escalates as approaching (HELP_DESK_SLA_WARNING_SHARE, default 0.8; 0 = never). */
export function warningShareOf(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return 0.8;
  const share = Number(text);
  if (!Number.isFinite(share) || share < 0 || share >= 1)
    throw new RangeError(
      `HELP_DESK_SLA_WARNING_SHARE must be a share from 0 (never) to below 1, e.g. 0.8, got "${text}"`,
    );
  return share === 0 ? undefined : share;
}
