import { DEFAULT_SLA_POLICY, type SlaPolicy } from './service-request/domain/sla-policy';
import { PRIORITIES, type Priority } from './service-request/domain/service-request.reference-data';

/**
 * The help desk's SLA policy from the environment:
 *   HELP_DESK_SLA_DAYS="urgent=2,high=5,normal=10,low=20"   (any subset; the rest keep their default)
 *   HELP_DESK_REOPEN_WINDOW_DAYS=14
 * A malformed value stops the start with a message naming it.
 */
export function slaPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): SlaPolicy {
  const resolutionDays: Record<Priority, number> = { ...DEFAULT_SLA_POLICY.resolutionDays };
  const spec = env['HELP_DESK_SLA_DAYS']?.trim();
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
  const window = env['HELP_DESK_REOPEN_WINDOW_DAYS']?.trim();
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
