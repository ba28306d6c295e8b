// Two submitted reviews that differ beyond the policy's tolerance on some
// criteria (@sfp/contracts' divergentCriteria, the service's rule) are
// reconciled into one set of ratings: the divergent criteria chosen here, the
// others the two reviewers' rounded mean; the agreed score shown as it is set.
import { useState } from 'react';
import {
  divergentCriteria,
  weightedScore,
  type CriterionRating,
  type QualityReviewView,
  type ReviewPolicy,
} from '@sfp/contracts';
import { useCommand } from '../../api/query';
import { ErrorMessage } from '../../components/feedback';
import { formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { criterionName } from './quality-labels';
import { QUALITY_KEY, qualityCommands } from './quality.api';
import { scaleOf } from './ratings';
import { scoreText } from './review-checklist';

/** The criteria two submitted reviews disagree on, or none (one review, or already reconciled). */
export function divergenceOf(review: QualityReviewView, policy: ReviewPolicy): string[] {
  const submitted = review.reviews.filter((r) => r.submitted);
  const [a, b] = submitted;
  if (!a || !b || review.reconciliation) return [];
  return [...divergentCriteria(policy, a.ratings, b.ratings)];
}

function meanRatings(policy: ReviewPolicy, a: CriterionRating[], b: CriterionRating[]) {
  const agreed: Record<string, string> = {};
  for (const { criterion } of policy.criteria) {
    const x = a.find((r) => r.criterion === criterion)?.rating;
    const y = b.find((r) => r.criterion === criterion)?.rating;
    const mean = x !== undefined && y !== undefined ? Math.round((x + y) / 2) : (x ?? y);
    agreed[criterion] = mean === undefined ? '' : String(mean);
  }
  return agreed;
}

export function Reconciliation(props: {
  proposalId: string;
  review: QualityReviewView;
  policy: ReviewPolicy;
  divergent: readonly string[];
  onDone: (notice: string) => void;
}) {
  const { policy } = props;
  const [a, b] = props.review.reviews.filter((r) => r.submitted);
  const [agreed, setAgreed] = useState(() =>
    meanRatings(policy, a?.ratings ?? [], b?.ratings ?? []),
  );
  const [note, setNote] = useState('');
  const ratings: CriterionRating[] = policy.criteria.flatMap(({ criterion }) =>
    agreed[criterion] ? [{ criterion, rating: Number(agreed[criterion]) }] : [],
  );
  const reconcile = useCommand(
    () => qualityCommands.reconcile(props.proposalId, ratings, note.trim()),
    { invalidates: [QUALITY_KEY], onSuccess: () => props.onDone('The reviews are reconciled.') },
  );
  if (!a || !b) return null;
  return (
    <form
      aria-label="Reconcile the reviews"
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        reconcile.run();
      }}
    >
      <h3>Reconcile the reviews</h3>
      <p>
        The two reviews differ by more than {formatNumber(policy.reconciliationTolerance, 0)} on{' '}
        {props.divergent.map(criterionName).join(', ')}. Agree a rating for each.
      </p>
      <ListTable
        label="Divergent criteria"
        columns={['Criterion', a.reviewer, b.reviewer, 'Agreed']}
      >
        {props.divergent.map((criterion) => {
          const name = criterionName(criterion);
          const of = (r: typeof a) => r.ratings.find((x) => x.criterion === criterion);
          return (
            <tr key={criterion}>
              <td>{name}</td>
              {[a, b].map((r) => (
                <td key={r.reviewer}>
                  {formatNumber(of(r)?.rating, 0)}
                  {of(r)?.comment ? <div className="sub">{of(r)?.comment}</div> : null}
                </td>
              ))}
              <td>
                <select
                  aria-label={`Agreed rating of ${name}`}
                  value={agreed[criterion] ?? ''}
                  onChange={(e) => setAgreed({ ...agreed, [criterion]: e.target.value })}
                >
                  {scaleOf(policy).map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </ListTable>
      <p>
        <strong>Agreed score:</strong> {scoreText(weightedScore(policy, ratings))}
      </p>
      <div className="field">
        <label htmlFor="reconciliation-note">Note</label>
        <textarea
          id="reconciliation-note"
          rows={3}
          required
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <ErrorMessage error={reconcile.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={reconcile.busy}>
          {reconcile.busy ? 'Reconciling…' : 'Reconcile the reviews'}
        </button>
      </div>
    </form>
  );
}
