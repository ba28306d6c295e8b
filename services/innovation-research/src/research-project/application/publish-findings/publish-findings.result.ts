import type { ResearchCommandResult } from '../research-projects';

/** Findings published: the publication's version (1, then 2, 3, … for each correction). */
export interface PublicationAnswer extends ResearchCommandResult {
  publicationVersion: number;
}
