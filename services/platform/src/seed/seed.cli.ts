/**
 * `npm run seed`: fills a running platform with demo data through its public API,
 * signed in as an administrator (SFP_ADMIN_USER, default admin; SFP_ADMIN_PASSWORD).
 *   SFP_URL=http://127.0.0.1:3000 SFP_ADMIN_PASSWORD=… npm run seed -- --count 60 --seed 7
 */
import { seedKnowledgeBase } from '@sfp/knowledge-base';
import { seedAccounts } from './seed-accounts';
import { seedHelpDesk } from './seed-help-desk';
import { seedQuality } from './seed-quality';
import { seedResearch } from './seed-research';
import { seedTraining } from './seed-training';

async function main(argv: string[]): Promise<void> {
  const option = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const value = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
    return value;
  };
  const baseUrl = process.env['SFP_URL'] ?? 'http://127.0.0.1:3000';
  const health = await fetch(`${baseUrl}/api/health/ready`).catch(() => undefined);
  if (!health?.ok) {
    throw new Error(
      `No platform answers at ${baseUrl}; start it with \`npm start\` (or set SFP_URL)`,
    );
  }
  const password = process.env['SFP_ADMIN_PASSWORD'];
  if (!password)
    throw new Error(
      'Set SFP_ADMIN_PASSWORD to the administrator\'s password (and SFP_ADMIN_USER if it is not "admin")',
    );
  const credentialsOf = seedAccounts({
    baseUrl,
    admin: { username: process.env['SFP_ADMIN_USER'] ?? 'admin', password },
  });
  const result = await seedHelpDesk({
    baseUrl,
    credentialsOf,
    count: option('--count', 60),
    seed: option('--seed', 2026),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    `Help desk: ${result.filed} requests filed, ${result.steps} lifecycle steps.\n`,
  );
  const knowledge = await seedKnowledgeBase({
    baseUrl,
    seed: option('--seed', 2026),
    headers: await credentialsOf('kb-officer'),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    `Knowledge base: ${knowledge.institutions} institutions, ${knowledge.reports} performance reports.\n`,
  );
  const training = await seedTraining({
    baseUrl,
    seed: option('--seed', 2026),
    credentialsOf,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    training.alreadySeeded
      ? 'Training: the demo courses were already there; nothing added.\n'
      : `Training: ${training.courses} courses, ${training.offerings} offerings, ${training.enrolments} enrolments (${training.waitlisted} waitlisted), ${training.certificates} certificates, ${training.evaluations} evaluations.\n`,
  );
  // After the knowledge base: the research projects' partners are its institutions.
  const research = await seedResearch({
    baseUrl,
    seed: option('--seed', 2026),
    credentialsOf,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    research.alreadySeeded
      ? 'Research: the demo projects were already there; nothing added.\n'
      : `Research: ${research.projects} projects, ${research.milestones} milestones, ${research.surveyRounds} survey rounds, ${research.findings} findings, ${research.costBenefitAnalyses} cost-benefit analyses, ${research.publications} publications.\n`,
  );
  // Last: the partners are the knowledge base's institutions, and the courses, research
  // projects and practice notes seeded above are the tools its linkages are suggested to.
  const quality = await seedQuality({
    baseUrl,
    credentialsOf,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const decisions = Object.entries(quality.decisions)
    .map(([decision, count]) => `${count} ${decision}`)
    .join(', ');
  process.stdout.write(
    quality.alreadySeeded
      ? 'Quality monitoring: the demo proposals were already there; nothing added.\n'
      : `Quality monitoring: ${quality.proposals} proposals, ${quality.resubmissions} resubmissions, ${quality.reviewsSubmitted} reviews, decisions: ${decisions}; ${quality.withdrawn} withdrawn; ${quality.linkagesAccepted} linkages accepted, ${quality.linkagesDismissed} dismissed.\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
