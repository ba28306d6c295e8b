/**
 * What `npm run seed` does, in order, against a running platform: the people,
 * then two years of history in every context (December 2024 to now), each
 * recorded as past facts. Each context's seed leaves a context that holds its
 * demo data already as it is, so a second run adds nothing.
 */
import { seedKnowledgeBase } from '@sfp/knowledge-base';
import { seedAccounts } from './seed-accounts';
import { seedHelpDesk } from './seed-help-desk';
import { seedQuality } from './seed-quality';
import { seedResearch } from './seed-research';
import { seedTraining } from './seed-training';

export interface SeedPlatformOptions {
  baseUrl: string;
  admin: { username: string; password: string };
  /** Help-desk requests over the two years (default 180). */
  count?: number;
  /** Seed of the pseudo-random choices (default 2026). */
  seed?: number;
  /** Progress lines (one per record) and the summary lines. */
  log?: (line: string) => void;
  summary?: (line: string) => void;
}

export async function seedPlatform(options: SeedPlatformOptions): Promise<{ position: number }> {
  const { baseUrl } = options;
  const seed = options.seed ?? 2026;
  const log = options.log ?? (() => undefined);
  const summary = options.summary ?? log;
  const credentialsOf = seedAccounts({ baseUrl, admin: options.admin });

  const helpDesk = await seedHelpDesk({
    baseUrl,
    credentialsOf,
    count: options.count ?? 180,
    seed,
    log,
  });
  summary(
    helpDesk.alreadySeeded
      ? 'Help desk: the demo history was already there; nothing added.'
      : `Help desk: ${helpDesk.filed} requests over two years, ${helpDesk.steps} lifecycle steps, ${helpDesk.open} still open.`,
  );
  const knowledge = await seedKnowledgeBase({
    baseUrl,
    seed,
    headers: await credentialsOf('kb-officer'),
    log,
  });
  summary(
    knowledge.alreadySeeded
      ? 'Knowledge base: institutions were already there; nothing added.'
      : `Knowledge base: ${knowledge.institutions} institutions, ${knowledge.reports} quarterly performance reports.`,
  );
  const training = await seedTraining({ baseUrl, seed, credentialsOf, log });
  summary(
    training.alreadySeeded
      ? 'Training: the demo courses were already there; nothing added.'
      : `Training: ${training.courses} courses, ${training.offerings} offerings, ${training.enrolments} enrolments (${training.waitlisted} waitlisted), ${training.certificates} certificates, ${training.evaluations} evaluations.`,
  );
  // After the knowledge base: the research projects' partners are its institutions.
  const research = await seedResearch({ baseUrl, seed, credentialsOf, log });
  summary(
    research.alreadySeeded
      ? 'Research: the demo projects were already there; nothing added.'
      : `Research: ${research.projects} projects, ${research.milestones} milestones, ${research.surveyRounds} survey rounds, ${research.findings} findings, ${research.costBenefitAnalyses} cost-benefit analyses, ${research.publications} publications.`,
  );
  // Last: the partners are the knowledge base's institutions, and the courses, research
  // projects and practice notes seeded above are the tools its linkages are suggested to.
  const quality = await seedQuality({ baseUrl, credentialsOf, log });
  const decisions = Object.entries(quality.decisions)
    .map(([decision, count]) => `${count} ${decision}`)
    .join(', ');
  summary(
    quality.alreadySeeded
      ? 'Quality monitoring: the demo proposals were already there; nothing added.'
      : `Quality monitoring: ${quality.proposals} proposals, ${quality.resubmissions} resubmissions, ${quality.reviewsSubmitted} reviews, decisions: ${decisions}; ${quality.withdrawn} withdrawn; ${quality.linkagesAccepted} linkages accepted, ${quality.linkagesDismissed} dismissed.`,
  );
  return { position: Math.max(training.position, research.position, quality.position) };
}
