/**
 * A review-policy draft that breaks a rule (400, with the field it
 * concerns). Its code is the proposal's RULE_VIOLATED: the context's status
 * table answers it already.
 */
export class ReviewPolicyRuleError extends Error {
  readonly code = 'RULE_VIOLATED';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewPolicyRuleError';
  }
}
