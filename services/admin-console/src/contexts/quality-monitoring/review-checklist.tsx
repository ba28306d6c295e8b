// The review checklist: the policy's criteria with their weights and
// guidance, a rating and a comment for each, and the weighted score as the
// reviewer rates (computed here by @sfp/contracts' weightedScore, the rule the
// service scores by). A reviewer saves a draft or submits; the others see
// each reviewer's ratings.
import { useState } from 'react';
import { weightedScore, type QualityReviewView, type ReviewPolicy } from '@sfp/contracts';
import { ApiError } from '../../api/client';
import { useCommand } from '../../api/query';
import { ErrorMessage } from '../../components/feedback';
import { FieldMessages } from '../../components/fields';
import { formatNumber, formatPercent } from '../../components/format';
import { ListTable } from '../../components/table';
import { criterionName } from './quality-labels';
import { QUALITY_KEY, qualityCommands } from './quality.api';
import { ratingRowsOf, ratingsOf, scaleOf, weightShare, type RatingRows } from './ratings';

/** "72 of 100", or what is missing for a score. */
export function scoreText(score: number | undefined): string {
  return score === undefined ? 'Not yet: rate every criterion' : `${formatNumber(score, 0)} of 100`;
}

export function ReviewChecklist(props: {
  proposalId: string;
  review: QualityReviewView;
  policy: ReviewPolicy;
  /** The signed-in user's name, when a reviewer of this review. */
  reviewer?: string;
  onDone: (notice: string) => void;
}) {
  const { policy, review } = props;
  const mine = review.reviews.find((r) => r.reviewer === props.reviewer);
  const editable = props.reviewer !== undefined && !mine?.submitted;
  const [rows, setRows] = useState<RatingRows>(() => ratingRowsOf(policy, mine?.ratings));
  const [summary, setSummary] = useState(mine?.summary ?? '');
  const ratings = ratingsOf(policy, rows);
  const score = weightedScore(policy, ratings);
  const save = useCommand(() => qualityCommands.rate(props.proposalId, ratings), {
    invalidates: [QUALITY_KEY],
    onSuccess: () => props.onDone('Your ratings are saved as a draft.'),
  });
  const submit = useCommand(
    () => qualityCommands.submitReview(props.proposalId, ratings, summary.trim()),
    {
      invalidates: [QUALITY_KEY],
      onSuccess: () => props.onDone('Your review is submitted.'),
    },
  );
  const set = (criterion: string, change: Partial<RatingRows[string]>) =>
    setRows((previous) => ({
      ...previous,
      [criterion]: { ...(previous[criterion] ?? { rating: '', comment: '' }), ...change },
    }));
  const scale = scaleOf(policy);
  const errors = submit.error ?? save.error;
  return (
    <section aria-label="Checklist" className="checklist">
      <h2>Checklist</h2>
      <p className="sub">
        Policy version {policy.version}: ratings from {policy.scale.min} to {policy.scale.max};
        approval needs {formatNumber(policy.passingScore, 0)} of 100.
      </p>
      {editable ? (
        <p className="live-score" aria-live="polite">
          <strong>Weighted score:</strong> <span data-testid="live-score">{scoreText(score)}</span>
        </p>
      ) : null}
      <ListTable
        label="Criteria"
        columns={[
          'Criterion',
          'Weight',
          ...(editable ? ['Your rating', 'Comment'] : []),
          ...review.reviews.map((r) => `${r.reviewer}${r.submitted ? '' : ' (draft)'}`),
          ...(review.reconciliation ? ['Reconciled'] : []),
        ]}
      >
        {policy.criteria.map((c) => {
          const name = criterionName(c.criterion);
          const index = policy.criteria.indexOf(c);
          return (
            <tr key={c.criterion}>
              <td>
                <strong>{name}</strong>
                <div className="sub">{c.guidance}</div>
              </td>
              <td>{formatPercent(weightShare(policy, c.weight), 0)}</td>
              {editable ? (
                <>
                  <td>
                    <select
                      aria-label={`Rating of ${name}`}
                      value={rows[c.criterion]?.rating ?? ''}
                      onChange={(e) => set(c.criterion, { rating: e.target.value })}
                    >
                      <option value="">Not rated</option>
                      {scale.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                    <FieldMessages
                      id={`rating-${c.criterion}-error`}
                      messages={
                        submit.error instanceof ApiError
                          ? submit.error.messagesFor(`ratings.${index}.rating`)
                          : []
                      }
                    />
                  </td>
                  <td>
                    <textarea
                      aria-label={`Comment on ${name}`}
                      rows={2}
                      maxLength={2000}
                      value={rows[c.criterion]?.comment ?? ''}
                      onChange={(e) => set(c.criterion, { comment: e.target.value })}
                    />
                  </td>
                </>
              ) : null}
              {review.reviews.map((r) => {
                const given = r.ratings.find((x) => x.criterion === c.criterion);
                return (
                  <td key={r.reviewer}>
                    {given ? formatNumber(given.rating, 0) : '—'}
                    {given?.comment ? <div className="sub">{given.comment}</div> : null}
                  </td>
                );
              })}
              {review.reconciliation ? (
                <td>
                  {formatNumber(
                    review.reconciliation.ratings.find((x) => x.criterion === c.criterion)?.rating,
                    0,
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </ListTable>
      {review.reviews.some((r) => r.score !== undefined) ? (
        <p>
          {review.reviews
            .filter((r) => r.score !== undefined)
            .map((r) => `${r.reviewer}: ${scoreText(r.score)}`)
            .join(' · ')}
        </p>
      ) : null}
      {editable ? (
        <form
          aria-label="Submit the review"
          onSubmit={(e) => {
            e.preventDefault();
            submit.run();
          }}
        >
          <div className="field">
            <label htmlFor="review-summary">Summary</label>
            <textarea
              id="review-summary"
              rows={3}
              maxLength={4000}
              required
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
            />
          </div>
          <ErrorMessage error={errors} />
          <div className="actions">
            <button type="submit" className="primary" disabled={submit.busy}>
              {submit.busy ? 'Submitting…' : 'Submit the review'}
            </button>
            <button
              type="button"
              disabled={save.busy || ratings.length === 0}
              onClick={() => save.run()}
            >
              {save.busy ? 'Saving…' : 'Save as draft'}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
