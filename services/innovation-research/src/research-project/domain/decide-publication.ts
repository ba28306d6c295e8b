/** Publishing the findings: version 1, then corrections; what an abandoned project learnt. */
import type { ResearchPublication } from '@sfp/contracts';
import type { PublishFindings } from './research-project.commands';
import { dateOf } from './research-project.dates';
import { PhaseGuardError, ResearchRuleError } from './research-project.errors';
import { FindingsPublished, type ResearchProjectEvent } from './research-project.events';
import { hypothesesWithoutFinding, type ResearchProject } from './research-project.state';

export function publish(
  command: PublishFindings,
  project: ResearchProject,
): ResearchProjectEvent[] {
  if (project.status === 'cost-benefit-analysis') {
    const missing = hypothesesWithoutFinding(project);
    if (missing.length > 0)
      throw new PhaseGuardError(
        `Publishing needs a finding on every hypothesis (none yet on ${missing.join(', ')})`,
      );
    if (!project.costBenefit)
      throw new PhaseGuardError('Publishing needs the cost-benefit analysis recorded');
  }
  if (project.status === 'abandoned') {
    const learnt = Object.keys(project.findings).length > 0 || project.recommendations.length > 0;
    if (!learnt)
      throw new PhaseGuardError(
        'An abandoned project publishes what it learnt: at least one finding or recommendation',
      );
  }
  const version = project.publicationVersion + 1;
  const correctionReason = command.correctionReason?.trim();
  if (version > 1 && !correctionReason)
    throw new ResearchRuleError(
      'correctionReason',
      `Version ${version} corrects version ${version - 1}: say why`,
    );
  if (version === 1 && correctionReason)
    throw new ResearchRuleError(
      'correctionReason',
      'The first publication corrects nothing: it has no correction reason',
    );
  return [
    FindingsPublished.of({
      publication: publicationOf(project, {
        version,
        summary: command.summary,
        publishedOn: dateOf(command.at),
        ...(version > 1 && command.correctionReason !== undefined
          ? { correctionReason: command.correctionReason }
          : {}),
      }),
      publishedBy: command.by,
      publishedAt: command.at,
    }),
  ];
}

/** The whole publication, from the project as it stands. */
export function publicationOf(
  project: ResearchProject,
  edition: { version: number; summary: string; publishedOn: string; correctionReason?: string },
): ResearchPublication {
  const { definition } = project;
  const abandoned = project.status === 'abandoned';
  return {
    projectId: project.projectId,
    version: edition.version,
    ...(edition.correctionReason !== undefined
      ? { correctionReason: edition.correctionReason }
      : {}),
    outcome: abandoned ? 'abandoned' : 'completed',
    ...(abandoned && project.abandonedReason !== undefined
      ? { abandonedReason: project.abandonedReason }
      : {}),
    title: definition.title,
    summary: edition.summary,
    researchQuestion: definition.researchQuestion,
    innovation: definition.innovation,
    themes: definition.themes,
    deficits: definition.deficits,
    countries: definition.countries,
    partnerInstitutionIds: definition.partnerInstitutionIds,
    design: definition.design,
    team: definition.team,
    surveyRounds: project.surveyRounds,
    hypotheses: definition.hypotheses.map((h) => {
      const finding = project.findings[h.hypothesisId];
      return finding ? { ...h, finding } : { ...h };
    }),
    ...(project.costBenefit
      ? { costBenefit: { input: project.costBenefit.input, result: project.costBenefit.result } }
      : {}),
    recommendations: project.recommendations,
    publishedOn: edition.publishedOn,
  };
}
