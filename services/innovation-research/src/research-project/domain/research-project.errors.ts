/** A refused research command. `code` is stable: APIs and outcome messages carry it. */
export abstract class ResearchError extends Error {
  abstract readonly code: string;
}

/** The command is not allowed in the project's current status (RESEARCH_COMMAND_ALLOWED_FROM). */
export class IllegalTransitionError extends ResearchError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly command: string,
    readonly status: string,
    readonly allowedFrom: readonly string[],
  ) {
    super(
      `${command} is not allowed while the project is ${status}` +
        (allowedFrom.length ? ` (only when ${allowedFrom.join(' or ')})` : ''),
    );
    this.name = 'IllegalTransitionError';
  }
}

/**
 * A guard of the project's phases that its state does not meet yet (no
 * baseline without an approved design, no impact analysis without a baseline
 * and a follow-up, …): 409, with what is missing.
 */
export class PhaseGuardError extends ResearchError {
  readonly code = 'PHASE_GUARD';
  constructor(message: string) {
    super(message);
    this.name = 'PhaseGuardError';
  }
}

/** A rule of the domain that a well-formed command still breaks (400, with the field it concerns). */
export class ResearchRuleError extends ResearchError {
  readonly code = 'RULE_VIOLATED';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ResearchRuleError';
  }
}

/**
 * Partner institutions the knowledge base has not published (400, one field
 * error per id: `problems`, as the HTTP error filter reads them).
 */
export class UnknownPartnerInstitutionError extends ResearchError {
  readonly code = 'UNKNOWN_PARTNER_INSTITUTION';
  readonly problems: Array<{ field: string; message: string }>;
  constructor(unknown: Array<{ field: string; institutionId: string }>) {
    super(
      `The knowledge base has published no institution ${unknown.map((u) => u.institutionId).join(', ')}`,
    );
    this.name = 'UnknownPartnerInstitutionError';
    this.problems = unknown.map((u) => ({
      field: u.field,
      message: `${u.institutionId} is no institution the knowledge base has published`,
    }));
  }
}

export class ResearchProjectNotFoundError extends ResearchError {
  readonly code = 'RESEARCH_PROJECT_NOT_FOUND';
  constructor(readonly projectId?: string) {
    super(
      projectId
        ? `Research project ${projectId} does not exist`
        : 'The research project does not exist',
    );
    this.name = 'ResearchProjectNotFoundError';
  }
}

export class ResearchProjectAlreadyProposedError extends ResearchError {
  readonly code = 'RESEARCH_PROJECT_ALREADY_PROPOSED';
  constructor(readonly projectId: string) {
    super(`Research project ${projectId} was already proposed`);
    this.name = 'ResearchProjectAlreadyProposedError';
  }
}

export class MilestoneNotFoundError extends ResearchError {
  readonly code = 'MILESTONE_NOT_FOUND';
  constructor(readonly milestoneId: string) {
    super(`The project has no milestone ${milestoneId}`);
    this.name = 'MilestoneNotFoundError';
  }
}

export class HypothesisNotFoundError extends ResearchError {
  readonly code = 'HYPOTHESIS_NOT_FOUND';
  constructor(readonly hypothesisId: string) {
    super(`The project has no hypothesis ${hypothesisId}`);
    this.name = 'HypothesisNotFoundError';
  }
}

/** HTTP status of each refusal code of the research domain. */
export const RESEARCH_ERROR_STATUSES: Record<string, number> = {
  ILLEGAL_TRANSITION: 409,
  PHASE_GUARD: 409,
  RULE_VIOLATED: 400,
  UNKNOWN_PARTNER_INSTITUTION: 400,
  RESEARCH_PROJECT_NOT_FOUND: 404,
  RESEARCH_PROJECT_ALREADY_PROPOSED: 409,
  MILESTONE_NOT_FOUND: 404,
  HYPOTHESIS_NOT_FOUND: 400,
};
