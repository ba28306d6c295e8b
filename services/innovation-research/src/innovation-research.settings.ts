import { EnvInt } from '@sfp/service-kit';

/**
 * The research context's own variables, read by both hosts (`settings` of its
 * declaration; the instance is the CONTEXT_SETTINGS token).
 */
export class InnovationResearchSettings {
  /** How often research flags milestones past their planned day (default every hour; 0 = off). */
  @EnvInt(0)
  RESEARCH_SLIPPAGE_CHECK_INTERVAL_MS = 3_600_000;
}
