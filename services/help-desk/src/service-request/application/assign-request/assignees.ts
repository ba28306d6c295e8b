import { Inject, Injectable } from '@nestjs/common';
import type { AssigneeCandidate } from '@sfp/contracts';
import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import {
  EVENT_STORE,
  PLATFORM_USERS,
  PROJECTION_ENGINE,
  type PlatformUser,
  type PlatformUsers,
} from '@sfp/service-kit';
import {
  HELP_DESK_TEAMS,
  teamsOfThemes,
  type HelpDeskTeams,
} from '../../../escalation/help-desk-teams';
import { serviceRequestStreamId } from '../../../help-desk.context';
import { ServiceRequestRuleError } from '../../domain/service-request.errors';
import { buildRequestDetail } from '../../projections/request-detail/request-detail.view';
import type { RequestSummary } from '../../projections/requests/request-summary';
import { REQUESTS_PROJECTION } from '../../projections/requests/requests.projection';

/** The roles whose users handle requests. */
const HELP_DESK_ROLES: readonly string[] = ['operator', 'administrator'];

/**
 * Who may handle a request: an active platform user with a help-desk role
 * (operator or administrator) and, when the request's themes have teams
 * (HELP_DESK_THEME_TEAMS), a member of one of them (their department); with
 * their workload, the open requests assigned to them now.
 */
@Injectable()
export class Assignees {
  constructor(
    @Inject(PLATFORM_USERS) private readonly users: PlatformUsers,
    @Inject(PROJECTION_ENGINE) private readonly projections: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(HELP_DESK_TEAMS) private readonly teams: HelpDeskTeams,
  ) {}

  /** The eligible users for requests of these themes, the least loaded first. */
  async candidates(themes: readonly string[]): Promise<AssigneeCandidate[]> {
    const teams = teamsOfThemes(this.teams, themes);
    const [users, workload] = await Promise.all([this.users.list(), this.workload()]);
    return users
      .filter((user) => eligible(user, teams))
      .map((user) => ({
        username: user.username,
        displayName: user.displayName,
        ...(user.department ? { team: user.department.toLowerCase() } : {}),
        openRequests: workload.get(user.username) ?? 0,
      }))
      .sort((a, b) => a.openRequests - b.openRequests || a.username.localeCompare(b.username));
  }

  /** The themes of a request, from its stream (undefined: no such request). */
  async themesOf(requestId: string): Promise<string[] | undefined> {
    return buildRequestDetail(await this.events.readStream(serviceRequestStreamId(requestId)))
      ?.themes;
  }

  /**
   * Refuses (400 RULE_VIOLATED on `assignee`) a username that is no platform
   * user, an inactive one, one without a help-desk role or outside the teams
   * of the request's themes. Returns the username as stored (lower case).
   */
  async check(requestId: string, assignee: string): Promise<string> {
    const user = await this.users.byUsername(assignee);
    if (!user)
      throw new ServiceRequestRuleError(`${assignee} is not a user of the platform`, 'assignee');
    const themes = (await this.themesOf(requestId)) ?? [];
    const teams = teamsOfThemes(this.teams, themes);
    if (!eligible(user, teams))
      throw new ServiceRequestRuleError(
        !user.active
          ? `${user.username} is disabled`
          : !hasHelpDeskRole(user)
            ? `${user.username} has no help-desk role (operator or administrator)`
            : `${user.username} is not in the team of the request’s themes (${teams.join(', ')})`,
        'assignee',
      );
    return user.username;
  }

  /** Open requests per assignee, from the request list. */
  private async workload(): Promise<Map<string, number>> {
    const model = this.projections.readModel<RequestSummary>(REQUESTS_PROJECTION);
    const counts = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await model.find({
        filter: { open: true },
        limit: 500,
        ...(cursor ? { cursor } : {}),
      });
      for (const { data } of page.items)
        if (data.assignee) counts.set(data.assignee, (counts.get(data.assignee) ?? 0) + 1);
      cursor = page.nextCursor;
    } while (cursor);
    return counts;
  }
}

function hasHelpDeskRole(user: PlatformUser): boolean {
  return user.roles.some((role) => HELP_DESK_ROLES.includes(role));
}

function eligible(user: PlatformUser, teams: readonly string[]): boolean {
  if (!user.active || !hasHelpDeskRole(user)) return false;
  return teams.length === 0 || teams.includes(user.department?.toLowerCase() ?? '');
}
