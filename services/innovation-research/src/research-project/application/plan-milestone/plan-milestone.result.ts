import type { ResearchCommandResult } from '../research-projects';

/** A milestone planned: its new id. */
export interface MilestonePlannedAnswer extends ResearchCommandResult {
  milestoneId: string;
}
