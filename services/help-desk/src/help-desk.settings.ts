import { IsIn, IsOptional, IsString, Matches, MinLength, ValidateBy } from 'class-validator';
import { EnvInt } from '@sfp/service-kit';
import { businessCalendarOf } from './business-hours/business-calendar';
import { helpDeskTeamsOf, warningShareOf } from './escalation/help-desk-teams';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from './service-request/domain/sla-policy';
import { PRIORITIES, type Priority } from './service-request/domain/service-request.reference-data';

/** DI token of the help desk's SlaPolicy (from its settings). */
export const SLA_POLICY = Symbol('help-desk.sla-policy');

/**
 * The help desk's own variables, read by both hosts (`settings` of its
 * declaration; the instance is the CONTEXT_SETTINGS token).
 */
export class HelpDeskSettings {
  /** How often the help desk checks SLAs (default every minute; 0 = off). */
  @EnvInt(0)
  SLA_CHECK_INTERVAL_MS = 60_000;

  /** The largest file a request may carry, in bytes (default 10 MB; a larger upload is a 413). */
  @EnvInt(1, 1024 * 1024 * 1024)
  HELP_DESK_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

  /** Resolution days per priority, e.g. "urgent=2,high=5" (see slaPolicyFromEnv). */
  @IsOptional()
  @IsString()
  @ReadsAsSlaPolicy('HELP_DESK_SLA_DAYS')
  HELP_DESK_SLA_DAYS?: string;

  /** Days after resolution during which a requester may reopen (default 14). */
  @IsOptional()
  @IsString()
  @ReadsAsSlaPolicy('HELP_DESK_REOPEN_WINDOW_DAYS')
  HELP_DESK_REOPEN_WINDOW_DAYS?: string;

  /** The business days SLA time counts on, e.g. "mon,tue,wed,thu,fri" (the default). */
  @IsOptional()
  @IsString()
  @ReadsAsSlaPolicy('HELP_DESK_BUSINESS_DAYS')
  HELP_DESK_BUSINESS_DAYS?: string;

  /** Opening hours, e.g. "09:00-17:00" (the default), or "always": every hour counts. */
  @IsOptional()
  @IsString()
  @ReadsAsSlaPolicy('HELP_DESK_BUSINESS_HOURS')
  HELP_DESK_BUSINESS_HOURS?: string;

  /** The time zone of the opening hours and holidays (IANA, default UTC). */
  @IsOptional()
  @IsString()
  @ReadsAsSlaPolicy('HELP_DESK_TIME_ZONE')
  HELP_DESK_TIME_ZONE?: string;

  /** Closed days, e.g. "2026-12-25,2027-01-01". */
  @IsOptional()
  @IsString()
  @ReadsAsSlaPolicy('HELP_DESK_HOLIDAYS')
  HELP_DESK_HOLIDAYS?: string;

  /** Share of the SLA past which an open request escalates as approaching (default 0.8; 0 = never). */
  @IsOptional()
  @IsString()
  @ReadsAsSlaPolicy('HELP_DESK_SLA_WARNING_SHARE')
  HELP_DESK_SLA_WARNING_SHARE?: string;

  /** Each theme's team (a department of the platform's users), e.g. "gender=inclusion,microinsurance=protection". */
  @IsOptional()
  @IsString()
  @ReadsAsTeams('HELP_DESK_THEME_TEAMS')
  HELP_DESK_THEME_TEAMS?: string;

  /** Each team's lead (a username), e.g. "inclusion=amara". */
  @IsOptional()
  @IsString()
  @ReadsAsTeams('HELP_DESK_TEAM_LEADS')
  HELP_DESK_TEAM_LEADS?: string;

  /** Whom a request escalates to when its team has no lead (default admin). */
  @IsOptional()
  @IsString()
  HELP_DESK_ESCALATION_LEAD?: string;

  /** How often the mail outbox sends the requester's pending mails (default every 5 s; 0 = off). */
  @EnvInt(0)
  HELP_DESK_MAIL_INTERVAL_MS = 5_000;

  /** The SMTP server of the requester's mails, e.g. smtp://user:pass@mail.example.org:587 (smtps:// for TLS). */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/]+(:\d{1,5})?\/?$/, {
    message: 'SFP_SMTP_URL must be smtp://[user:pass@]host[:port] or smtps://…',
  })
  SFP_SMTP_URL?: string;

  /** The sender of the requester's mails. */
  @IsOptional()
  @IsString()
  @MinLength(3)
  SFP_SMTP_FROM = 'SFP Help Desk <help-desk@sfp.local>';

  /** "true": without SFP_SMTP_URL, mail goes to an in-process SMTP sink the console's Sent mail page shows (the embedded platform's default). */
  @IsOptional()
  @IsIn(['true', 'false', true, false])
  SFP_SMTP_SINK?: string | boolean;

  /** Where the embedded platform keeps its files: the SMTP sink's SQLite file and the link secret live under it. */
  @IsOptional()
  @IsString()
  SFP_DATA_DIR?: string;

  /** The help desk service's pseudonym key (required there): the requester links' key derives from it when none is set. */
  @IsOptional()
  @IsString()
  SFP_PSEUDONYM_SECRET?: string;

  /** The key of the requester's signed links (at least 32 characters); else derived from SFP_PSEUDONYM_SECRET, or (embedded) made at first start under SFP_DATA_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  HELP_DESK_REQUESTER_LINK_SECRET?: string;

  /** Days a requester's link works (default 30). */
  @EnvInt(1, 3650)
  HELP_DESK_REQUESTER_LINK_DAYS = 30;

  /** The console's address in the requester's mails (their page is <url>/requester/<link>). */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'HELP_DESK_PUBLIC_URL must be an http(s) URL' })
  HELP_DESK_PUBLIC_URL = 'http://localhost:3000';
}

type SlaPolicyVariable =
  | 'HELP_DESK_SLA_DAYS'
  | 'HELP_DESK_REOPEN_WINDOW_DAYS'
  | 'HELP_DESK_BUSINESS_DAYS'
  | 'HELP_DESK_BUSINESS_HOURS'
  | 'HELP_DESK_TIME_ZONE'
  | 'HELP_DESK_HOLIDAYS'
  | 'HELP_DESK_SLA_WARNING_SHARE';

/** The variable reads as part of the teams (helpDeskTeamsOf), so a bad one is reported at start. */
function ReadsAsTeams(name: 'HELP_DESK_THEME_TEAMS' | 'HELP_DESK_TEAM_LEADS'): PropertyDecorator {
  const problem = (value: unknown): string | undefined => {
    try {
      helpDeskTeamsOf({ [name]: String(value) });
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message.replace(`${name}: `, '') : 'is invalid';
    }
  };
  return ValidateBy({
    name: 'readsAsTeams',
    validator: {
      validate: (value: unknown) => problem(value) === undefined,
      defaultMessage: (args) => problem(args?.value) ?? '',
    },
  });
}

/** The variable reads as part of an SLA policy (slaPolicyFromEnv), so a bad one is reported with the other settings at start. */
function ReadsAsSlaPolicy(name: SlaPolicyVariable): PropertyDecorator {
  const problem = (value: unknown): string | undefined => {
    try {
      slaPolicyFromEnv({ [name]: String(value) });
      return undefined;
    } catch (error) {
      return error instanceof Error
        ? error.message.replace(new RegExp(`^${name}:? `), '')
        : 'is invalid';
    }
  };
  return ValidateBy({
    name: 'readsAsSlaPolicy',
    validator: {
      validate: (value: unknown) => problem(value) === undefined,
      defaultMessage: (args) => problem(args?.value) ?? '',
    },
  });
}

/**
 * The help desk's SLA policy from the environment:
 *   HELP_DESK_SLA_DAYS="urgent=2,high=5,normal=10,low=20"   (any subset; the rest keep their default)
 *   HELP_DESK_REOPEN_WINDOW_DAYS=14
 * A malformed value stops the start with a message naming it.
 */
export function slaPolicyFromEnv(env: Pick<HelpDeskSettings, SlaPolicyVariable>): SlaPolicy {
  const resolutionDays: Record<Priority, number> = { ...DEFAULT_SLA_POLICY.resolutionDays };
  const spec = env.HELP_DESK_SLA_DAYS?.trim();
  if (spec) {
    for (const part of spec.split(',')) {
      const [name, value] = part.split('=').map((s) => s.trim());
      if (!PRIORITIES.includes(name as Priority) || !isPositive(value)) {
        throw new RangeError(
          `HELP_DESK_SLA_DAYS: "${part}" must be <priority>=<days> with a priority of ${PRIORITIES.join(', ')} and days > 0`,
        );
      }
      resolutionDays[name as Priority] = Number(value);
    }
  }
  const window = env.HELP_DESK_REOPEN_WINDOW_DAYS?.trim();
  if (window !== undefined && window !== '' && !isPositive(window)) {
    throw new RangeError(
      `HELP_DESK_REOPEN_WINDOW_DAYS must be a number of days > 0, got "${window}"`,
    );
  }
  const approachingShare = warningShareOf(env.HELP_DESK_SLA_WARNING_SHARE);
  return {
    resolutionDays,
    reopenWindowDays: window ? Number(window) : DEFAULT_SLA_POLICY.reopenWindowDays,
    // Business days of the calendar (Monday to Friday, 09:00–17:00 UTC unless set).
    calendar: businessCalendarOf(env),
    ...(approachingShare !== undefined ? { approachingShare } : {}),
  };
}

function isPositive(value: string | undefined): boolean {
  return value !== undefined && value !== '' && Number.isFinite(Number(value)) && Number(value) > 0;
}
