// Reviewers assigned: the platform's users (listed for an administrator, who
// may read them from the auth API), or user names typed. The first assignment
// starts the review; a later one changes its reviewers.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useCommand } from '../../api/query';
import { ErrorMessage } from '../../components/feedback';
import { listOf } from '../../components/form-values';
import { useAuth } from '../../session';
import { identityQueries } from '../identity/identity.api';
import { QUALITY_KEY, qualityCommands } from './quality.api';

export function ReviewerAssignment(props: {
  proposalId: string;
  current: readonly string[];
  /** Above the policy's budget threshold: two reviewers. */
  secondReviewerRequired: boolean;
  onDone: (notice: string) => void;
}) {
  const { can } = useAuth();
  const users = useQuery({ ...identityQueries.users(), enabled: can('platform:admin') });
  const [chosen, setChosen] = useState<string[]>([...props.current]);
  const [typed, setTyped] = useState(props.current.join(', '));
  const starting = props.current.length === 0;
  const assign = useCommand(
    (reviewers: string[]) => qualityCommands.assignReviewers(props.proposalId, reviewers),
    {
      invalidates: [QUALITY_KEY],
      onSuccess: () =>
        props.onDone(starting ? 'The review has started.' : 'The reviewers are changed.'),
    },
  );
  const people = (users.data ?? []).filter((u) => !u.disabled);
  const title = starting ? 'Assign reviewers' : 'Change the reviewers';
  return (
    <form
      aria-label={title}
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        assign.run(people.length ? chosen : listOf(typed));
      }}
    >
      <h3>{title}</h3>
      {props.secondReviewerRequired ? (
        <p className="hint">
          The budget is above the policy’s threshold: two reviewers are required.
        </p>
      ) : null}
      {people.length ? (
        <fieldset className="field checkboxes">
          <legend>Reviewers</legend>
          {people.map((u) => (
            <label key={u.id} className="checkbox">
              <input
                type="checkbox"
                value={u.username}
                checked={chosen.includes(u.username)}
                onChange={(e) =>
                  setChosen(
                    e.target.checked
                      ? [...chosen, u.username]
                      : chosen.filter((name) => name !== u.username),
                  )
                }
              />
              {u.displayName} ({u.username})
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor="reviewers">Reviewers</label>
          <input
            id="reviewers"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-describedby="reviewers-hint"
          />
          <small id="reviewers-hint" className="hint">
            User names, separated by commas.
          </small>
        </div>
      )}
      <ErrorMessage error={assign.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={assign.busy}>
          {assign.busy ? 'Assigning…' : title}
        </button>
      </div>
    </form>
  );
}
