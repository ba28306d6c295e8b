import {
  escalationTargetOf,
  helpDeskTeamsOf,
  teamsOfThemes,
  warningShareOf,
} from './help-desk-teams';

describe('Help desk teams and escalation settings', () => {
  const teams = helpDeskTeamsOf({
    HELP_DESK_THEME_TEAMS: 'gender=Inclusion, youth=inclusion,microinsurance=protection',
    HELP_DESK_TEAM_LEADS: 'inclusion=Amara',
    HELP_DESK_ESCALATION_LEAD: 'head',
  });

  it('gives a request the teams of its themes, each once', () => {
    expect(teamsOfThemes(teams, ['youth', 'disability', 'gender', 'microinsurance'])).toEqual([
      'inclusion',
      'protection',
    ]);
    expect(teamsOfThemes(teams, ['disability'])).toEqual([]);
  });

  it('escalates to the lead of the first team, else to the default lead', () => {
    expect(escalationTargetOf(teams, ['gender'])).toEqual({ team: 'inclusion', teamLead: 'amara' });
    expect(escalationTargetOf(teams, ['microinsurance'])).toEqual({
      team: 'protection',
      teamLead: 'head',
    });
    expect(escalationTargetOf(teams, [])).toEqual({ teamLead: 'head' });
    expect(helpDeskTeamsOf({}).defaultLead).toBe('admin');
  });

  it('refuses an unknown theme or a malformed pair', () => {
    expect(() => helpDeskTeamsOf({ HELP_DESK_THEME_TEAMS: 'astrology=stars' })).toThrow(
      /HELP_DESK_THEME_TEAMS: "astrology" is not a theme/,
    );
    expect(() => helpDeskTeamsOf({ HELP_DESK_TEAM_LEADS: 'inclusion' })).toThrow(
      /HELP_DESK_TEAM_LEADS: "inclusion" must be <name>=<value>/,
    );
  });

  it('reads the warning share: 0.8 by default, 0 for never, refusing 1 or more', () => {
    expect(warningShareOf(undefined)).toBe(0.8);
    expect(warningShareOf('0.5')).toBe(0.5);
    expect(warningShareOf('0')).toBeUndefined();
    expect(() => warningShareOf('1')).toThrow(/HELP_DESK_SLA_WARNING_SHARE/);
    expect(() => warningShareOf('most')).toThrow(/HELP_DESK_SLA_WARNING_SHARE/);
  });
});
