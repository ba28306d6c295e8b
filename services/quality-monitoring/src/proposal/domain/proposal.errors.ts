/** A refused proposal command. `code` is stable: APIs and outcome messages carry it. */
export abstract class ProposalError extends Error {
  abstract readonly code: string;
}

/** The command is not allowed in the proposal's current status (PROPOSAL_COMMAND_ALLOWED_FROM): 409. */
export class IllegalTransitionError extends ProposalError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly command: string,
    readonly status: string,
    readonly allowedFrom: readonly string[],
  ) {
    super(
      `${command} is not allowed while the proposal is ${status}` +
        (allowedFrom.length ? ` (only when ${allowedFrom.join(' or ')})` : ''),
    );
    this.name = 'IllegalTransitionError';
  }
}

/** Red flags block an approving decision whatever the score: 409, naming them. */
export class RedFlagBlocksApprovalError extends ProposalError {
  readonly code = 'RED_FLAG_BLOCKS_APPROVAL';
  constructor(readonly flags: readonly string[]) {
    super(`Red flags block approval: ${flags.join('; ')}`);
    this.name = 'RedFlagBlocksApprovalError';
  }
}

/**
 * A review not ready for what was asked: a decision before every required
 * reviewer submitted, or before two divergent reviews were reconciled; an
 * approval below the passing score (409).
 */
export class ReviewNotReadyError extends ProposalError {
  readonly code = 'REVIEW_NOT_READY';
  constructor(message: string) {
    super(message);
    this.name = 'ReviewNotReadyError';
  }
}

/** The actor is not one of the review's reviewers (403). */
export class NotAReviewerError extends ProposalError {
  readonly code = 'NOT_A_REVIEWER';
  constructor(readonly actor: string) {
    super(`${actor} is not a reviewer of this proposal`);
    this.name = 'NotAReviewerError';
  }
}

/** A rule of the domain that a well-formed command still breaks (400, with the field it concerns). */
export class ProposalRuleError extends ProposalError {
  readonly code = 'RULE_VIOLATED';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProposalRuleError';
  }
}

/** Partner institutions the knowledge base has not published (400, one field error per id). */
export class UnknownPartnerInstitutionError extends ProposalError {
  readonly code = 'UNKNOWN_PARTNER_INSTITUTION';
  readonly problems: Array<{ field: string; message: string }>;
  constructor(unknown: Array<{ field: string; institutionId: string }>) {
    super(
      `The knowledge base has published no institution ${unknown.map((u) => u.institutionId).join(', ')}`,
    );
    this.name = 'UnknownPartnerInstitutionError';
    this.problems = unknown.map((u) => ({
      field: u.field,
      message: `The knowledge base has published no institution ${u.institutionId}`,
    }));
  }
}

/** A command on a proposal that was never submitted (404). */
export class ProposalNotFoundError extends ProposalError {
  readonly code = 'PROPOSAL_NOT_FOUND';
  constructor() {
    super('No such proposal');
    this.name = 'ProposalNotFoundError';
  }
}

/** Submitting a proposal id that is already taken (409). */
export class ProposalAlreadySubmittedError extends ProposalError {
  readonly code = 'PROPOSAL_ALREADY_SUBMITTED';
  constructor(readonly proposalId: string) {
    super(`Proposal ${proposalId} has already been submitted`);
    this.name = 'ProposalAlreadySubmittedError';
  }
}

/** A reviewer's submitted review cannot change (409). */
export class ReviewAlreadySubmittedError extends ProposalError {
  readonly code = 'REVIEW_ALREADY_SUBMITTED';
  constructor(readonly reviewer: string) {
    super(`${reviewer} has submitted their review: it can no longer change`);
    this.name = 'ReviewAlreadySubmittedError';
  }
}

/** HTTP status of each refusal code. */
export const PROPOSAL_ERROR_STATUSES: Record<string, number> = {
  ILLEGAL_TRANSITION: 409,
  RED_FLAG_BLOCKS_APPROVAL: 409,
  REVIEW_NOT_READY: 409,
  NOT_A_REVIEWER: 403,
  RULE_VIOLATED: 400,
  UNKNOWN_PARTNER_INSTITUTION: 400,
  PROPOSAL_NOT_FOUND: 404,
  PROPOSAL_ALREADY_SUBMITTED: 409,
  REVIEW_ALREADY_SUBMITTED: 409,
};
