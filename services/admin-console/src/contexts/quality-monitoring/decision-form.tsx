// The decision on the version under review: approve (with or without
// conditions), revise and resubmit, or reject, with its reasons. An approving
// choice a red flag blocks (or that the review does not support yet) is
// offered disabled, saying why; the service refuses it the same way (409).
import { useState } from 'react';
import {
  APPROVING_DECISIONS,
  REVIEW_DECISIONS,
  type QualityReviewView,
  type ReviewDecision,
  type ReviewPolicy,
} from '@sfp/contracts';
import { useCommand } from '../../api/query';
import { ErrorMessage } from '../../components/feedback';
import { formatNumber } from '../../components/format';
import { DECISION_LABELS, RED_FLAG_LABELS } from './quality-labels';
import { QUALITY_KEY, qualityCommands } from './quality.api';

/** Lines typed, each one item (blank lines left out). */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Why an approving decision cannot be taken now, or undefined when it can. */
export function approvalBlockedBy(
  review: QualityReviewView,
  policy: ReviewPolicy,
  divergent: readonly string[],
): string | undefined {
  if (review.redFlags.length)
    return `Blocked by ${review.redFlags.length === 1 ? 'a red flag' : 'red flags'}: ${[
      ...new Set(review.redFlags.map((f) => RED_FLAG_LABELS[f.flag])),
    ].join('; ')}.`;
  const waiting = review.reviewers.filter(
    (name) => !review.reviews.some((r) => r.reviewer === name && r.submitted),
  );
  if (waiting.length) return `Waiting for the review of ${waiting.join(', ')}.`;
  if (divergent.length) return 'The two reviews must be reconciled first.';
  if (review.score !== undefined && review.score < policy.passingScore)
    return `The score, ${formatNumber(review.score, 0)}, is below the ${formatNumber(policy.passingScore, 0)} an approval needs.`;
  return undefined;
}

export function DecisionForm(props: {
  proposalId: string;
  review: QualityReviewView;
  policy: ReviewPolicy;
  divergent: readonly string[];
  onDone: (notice: string) => void;
}) {
  const [decision, setDecision] = useState<ReviewDecision | ''>('');
  const [reasons, setReasons] = useState('');
  const [conditions, setConditions] = useState('');
  const blocked = approvalBlockedBy(props.review, props.policy, props.divergent);
  const decide = useCommand(
    (d: ReviewDecision) =>
      qualityCommands.decide(
        props.proposalId,
        d,
        linesOf(reasons),
        d === 'approved-with-conditions' ? linesOf(conditions) : [],
      ),
    {
      invalidates: [QUALITY_KEY],
      onSuccess: (_r, d) => props.onDone(`Decided: ${DECISION_LABELS[d].toLowerCase()}.`),
    },
  );
  return (
    <form
      aria-label="Decide"
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (decision) decide.run(decision);
      }}
    >
      <h3>Decide</h3>
      <fieldset className="field">
        <legend>Decision</legend>
        {REVIEW_DECISIONS.map((d) => {
          const approving = APPROVING_DECISIONS.includes(d);
          const disabled = approving && blocked !== undefined;
          return (
            <div key={d} className="choice">
              <label className="checkbox">
                <input
                  type="radio"
                  name="decision"
                  value={d}
                  checked={decision === d}
                  disabled={disabled}
                  aria-describedby={disabled ? 'approval-blocked' : undefined}
                  onChange={() => setDecision(d)}
                />
                {DECISION_LABELS[d]}
              </label>
            </div>
          );
        })}
        {blocked ? (
          <p id="approval-blocked" className="error-text" data-testid="approval-blocked">
            Approval is not possible: {blocked}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="decision-reasons">Reasons</label>
        <textarea
          id="decision-reasons"
          rows={3}
          required
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
          aria-describedby="decision-reasons-hint"
        />
        <small id="decision-reasons-hint" className="hint">
          One a line.
        </small>
      </div>
      {decision === 'approved-with-conditions' ? (
        <div className="field">
          <label htmlFor="decision-conditions">Conditions</label>
          <textarea
            id="decision-conditions"
            rows={3}
            required
            value={conditions}
            onChange={(e) => setConditions(e.target.value)}
          />
          <small className="hint">One a line.</small>
        </div>
      ) : null}
      <ErrorMessage error={decide.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={decide.busy || !decision}>
          {decide.busy ? 'Recording…' : 'Record the decision'}
        </button>
      </div>
    </form>
  );
}
