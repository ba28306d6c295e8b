import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { THEMES, type Macro } from '@sfp/contracts';
import type { CommandContext, EventStore } from '@sfp/event-sourcing';
import {
  CLOCK,
  COMMANDS,
  EVENT_STORE,
  PLATFORM_USERS,
  type Clock,
  type ContextCommands,
  type PlatformUsers,
} from '@sfp/service-kit';
import { HELP_DESK_TEAMS, type HelpDeskTeams } from '../../escalation/help-desk-teams';
import {
  ServiceRequests,
  type ServiceRequestCommandResult,
} from '../../service-request/application/service-requests';
import {
  decideMacro,
  evolveMacros,
  initialThemeMacros,
  MacroNotFoundError,
  type MacroCommand,
  type ThemeMacros,
} from '../domain/macro.decider';
import type { MacroEvent } from '../domain/macro.events';

export const macroStreamId = (theme: string) => `help-desk-macros-${theme}`;

/** What a macro's author gives: its wording and how it is applied. */
export interface MacroDraft {
  title: string;
  text: string;
  visibility: 'public' | 'internal';
}

const decider = { initialState: initialThemeMacros, decide: decideMacro, evolve: evolveMacros };

/**
 * Saved replies per theme (one stream per theme): help-desk leads (the team
 * leads of HELP_DESK_TEAM_LEADS, the escalation lead and administrators)
 * write them; operators list them and apply one to a request as a comment,
 * public or internal as the macro says.
 */
@Injectable()
export class Macros {
  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_USERS) private readonly users: PlatformUsers,
    @Inject(HELP_DESK_TEAMS) private readonly teams: HelpDeskTeams,
    private readonly requests: ServiceRequests,
  ) {}

  /** The macros of a theme, or of every theme, by theme then title. */
  async list(theme?: string): Promise<Macro[]> {
    const themes = theme ? [theme] : [...THEMES];
    const macros: Macro[] = [];
    for (const t of themes) macros.push(...(await this.state(t)).values());
    return macros.sort((a, b) => a.theme.localeCompare(b.theme) || a.title.localeCompare(b.title));
  }

  async create(theme: string, draft: MacroDraft, context: CommandContext): Promise<Macro> {
    return this.save(theme, randomUUID(), false, draft, context);
  }

  async edit(theme: string, macroId: string, draft: MacroDraft, context: CommandContext) {
    return this.save(theme, macroId, true, draft, context);
  }

  async remove(theme: string, macroId: string, context: CommandContext): Promise<void> {
    const by = await this.lead(context);
    await this.run(theme, { type: 'DeleteMacro', macroId, theme, at: this.now(), by }, context);
  }

  /** The macro's text as a comment on the request (public or internal as the macro says). */
  async apply(
    requestId: string,
    theme: string,
    macroId: string,
    context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    const macro = (await this.state(theme)).get(macroId);
    if (!macro) throw new MacroNotFoundError(macroId);
    return this.requests.run(
      requestId,
      {
        type: 'CommentOnServiceRequest',
        commentId: randomUUID(),
        text: macro.text,
        visibility: macro.visibility,
      },
      context,
    );
  }

  private async save(
    theme: string,
    macroId: string,
    edit: boolean,
    draft: MacroDraft,
    context: CommandContext,
  ): Promise<Macro> {
    const by = await this.lead(context);
    await this.run(
      theme,
      { type: 'SaveMacro', macroId, edit, theme, ...draft, at: this.now(), by },
      context,
    );
    return (await this.state(theme)).get(macroId) as Macro;
  }

  private async run(theme: string, command: MacroCommand, context: CommandContext) {
    return this.commands.run({
      streamId: macroStreamId(theme),
      decider,
      command: () => command,
      context,
      occurredAt: command.at,
    });
  }

  private async state(theme: string): Promise<ThemeMacros> {
    const recorded = await this.events.readStream(macroStreamId(theme));
    return (recorded as unknown as MacroEvent[]).reduce(evolveMacros, initialThemeMacros());
  }

  /** The caller's username when they lead the help desk (a team lead, the escalation lead, an administrator); else 403. */
  private async lead(context: CommandContext): Promise<string> {
    const user = await this.users.byId(context.actor.id);
    const leads = new Set([...this.teams.teamLeads.values(), this.teams.defaultLead]);
    if (user && (user.roles.includes('administrator') || leads.has(user.username)))
      return user.username;
    throw new ForbiddenException('Only help-desk leads (team leads, administrators) write macros');
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
