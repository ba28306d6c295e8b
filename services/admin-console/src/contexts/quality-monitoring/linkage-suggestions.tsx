// The unit's other tools a proposal could be linked to (computed by the
// service from the tools it knows): each with its score and the reason in
// words; a reviewer accepts one (its owner then shows the proposal) or
// dismisses it. The links already accepted are listed with them.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PROPOSAL_COMMAND_ALLOWED_FROM, type QualityProposalDetail } from '@sfp/contracts';
import { useCommand } from '../../api/query';
import { Badge, Empty, ErrorMessage, QueryState } from '../../components/feedback';
import { formatDate, formatPercent } from '../../components/format';
import { ListTable, Unseen } from '../../components/table';
import { TOOL_KIND_LABELS } from './quality-labels';
import { QUALITY_KEY, qualityCommands, qualityQueries } from './quality.api';

export function LinkageSuggestions(props: {
  proposal: QualityProposalDetail;
  canWrite: boolean;
  onDone: (notice: string) => void;
}) {
  const { proposal } = props;
  const suggestions = useQuery(qualityQueries.suggestions(proposal.proposalId));
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const open =
    props.canWrite && PROPOSAL_COMMAND_ALLOWED_FROM.AcceptLinkage.includes(proposal.status);
  const accept = useCommand(
    (toolRef: string) => qualityCommands.acceptLinkage(proposal.proposalId, toolRef, ''),
    { invalidates: [QUALITY_KEY], onSuccess: () => props.onDone('The link is accepted.') },
  );
  const dismiss = useCommand(
    (toolRef: string) =>
      qualityCommands.dismissLinkage(proposal.proposalId, toolRef, reason.trim()),
    {
      invalidates: [QUALITY_KEY],
      onSuccess: () => {
        setDismissing(null);
        setReason('');
        props.onDone('The suggestion is dismissed.');
      },
    },
  );
  const accepted = proposal.linkages.filter((l) => l.state === 'accepted');
  const pending = (suggestions.data?.items ?? []).filter((s) => !s.decision);
  return (
    <section aria-label="Linkages">
      <h2>Links to the unit’s other tools</h2>
      {accepted.length ? (
        <ListTable label="Accepted links" columns={['Tool', 'Why', 'Accepted']}>
          {accepted.map((l) => (
            <tr key={l.toolRef}>
              <td>
                {l.toolTitle}
                <div className="sub">{TOOL_KIND_LABELS[l.kind]}</div>
              </td>
              <td>
                {l.reason}
                {l.note ? <div className="sub">{l.note}</div> : null}
              </td>
              <td>{formatDate(l.at)}</td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      <h3>Suggestions</h3>
      <QueryState query={suggestions} what="Looking for tools to link" />
      {suggestions.data && pending.length === 0 ? <Empty>No tool to suggest.</Empty> : null}
      {pending.length ? (
        <ListTable
          label="Suggested links"
          columns={['Tool', 'Score', 'Why', ...(open ? [<Unseen key="a">Actions</Unseen>] : [])]}
        >
          {pending.map((s) => (
            <tr key={s.toolRef}>
              <td>
                {s.title}
                <div className="sub">{TOOL_KIND_LABELS[s.kind]}</div>
              </td>
              <td>
                <Badge kind={s.score >= 0.6 ? 'good' : 'warn'}>{formatPercent(s.score, 0)}</Badge>
              </td>
              <td>{s.reason}</td>
              {open ? (
                <td className="row-actions">
                  <button
                    type="button"
                    aria-label={`Accept the link to ${s.title}`}
                    disabled={accept.busy}
                    onClick={() => accept.run(s.toolRef)}
                  >
                    Accept
                  </button>
                  {dismissing === s.toolRef ? (
                    <form
                      aria-label={`Dismiss ${s.title}`}
                      onSubmit={(e) => {
                        e.preventDefault();
                        dismiss.run(s.toolRef);
                      }}
                    >
                      <input
                        aria-label="Why not"
                        required
                        maxLength={1000}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      />
                      <button type="submit" disabled={dismiss.busy}>
                        Dismiss
                      </button>
                    </form>
                  ) : (
                    <button
                      type="button"
                      aria-label={`Dismiss the suggestion of ${s.title}`}
                      onClick={() => setDismissing(s.toolRef)}
                    >
                      Dismiss…
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </ListTable>
      ) : null}
      <ErrorMessage error={accept.error ?? dismiss.error} />
    </section>
  );
}
