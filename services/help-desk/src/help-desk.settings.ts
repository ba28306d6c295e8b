import { IsOptional, IsString, ValidateBy } from 'class-validator';
import { EnvInt } from '@sfp/service-kit';
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
}

/** The variable reads as part of an SLA policy (slaPolicyFromEnv), so a bad one is reported with the other settings at start. */
function ReadsAsSlaPolicy(
  name: 'HELP_DESK_SLA_DAYS' | 'HELP_DESK_REOPEN_WINDOW_DAYS',
): PropertyDecorator {
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
export function slaPolicyFromEnv(
  env: Pick<HelpDeskSettings, 'HELP_DESK_SLA_DAYS' | 'HELP_DESK_REOPEN_WINDOW_DAYS'>,
): SlaPolicy {
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
  return {
    resolutionDays,
    reopenWindowDays: window ? Number(window) : DEFAULT_SLA_POLICY.reopenWindowDays,
  };
}

function isPositive(value: string | undefined): boolean {
  return value !== undefined && value !== '' && Number.isFinite(Number(value)) && Number(value) > 0;
}
