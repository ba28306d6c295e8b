import { useQuery } from '@tanstack/react-query';
import { Empty, PendingRecord, QueryState } from '../../components/feedback';
import { formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { BackLink } from '../../routing/back-link';
import { href, useRouteParams, useRouteSearch } from '../../routing/paths';
import { criterionOfField, valueText } from './proposal-changes';
import { criterionName, DECISION_LABELS } from './quality-labels';
import { qualityQueries } from './quality.api';

/**
 * What changed from one version of a proposal to another, field by field,
 * each change beside what the earlier review said of the criterion it bears
 * on; the earlier review's decision and every comment alongside.
 */
export function ProposalChangesPage() {
  const { proposalId } = useRouteParams('qualityChanges');
  const [search] = useRouteSearch('qualityChanges');
  const proposal = useQuery(qualityQueries.proposal(proposalId));
  const current = proposal.data?.version ?? 1;
  const to = Number(search.get('to') ?? current);
  const from = Number(search.get('from') ?? to - 1);
  const diff = useQuery({
    ...qualityQueries.diff(proposalId, from, to),
    enabled: proposal.data !== undefined && from >= 1 && to > from,
  });
  const back = (
    <BackLink to={href('qualityProposal', { proposalId })}>
      {proposal.data?.proposal.title ?? 'The proposal'}
    </BackLink>
  );
  if (!proposal.data) return <PendingRecord back={back} error={proposal.error} what="Loading" />;
  const note = proposal.data.versions.find((v) => v.version === to)?.changeNote;
  const earlier = diff.data?.previousReview;
  const commentsOn = (criterion: string | undefined) =>
    criterion ? (earlier?.comments ?? []).filter((c) => c.criterion === criterion) : [];
  return (
    <main id="main">
      {back}
      <h1>
        What changed from version {from} to version {to}
      </h1>
      <p className="sub">{proposal.data.proposal.title}</p>
      {note ? (
        <p>
          <strong>The department’s note:</strong> {note}
        </p>
      ) : null}
      {from < 1 || to <= from ? <Empty>Version 1 has no earlier version.</Empty> : null}
      <QueryState query={diff} what="Comparing the versions" />
      <div className="workspace">
        <section aria-label="Changes">
          <h2>Changes</h2>
          {diff.data && diff.data.changes.length === 0 ? <Empty>Nothing changed.</Empty> : null}
          {diff.data?.changes.length ? (
            <ListTable
              label="Changed fields"
              columns={['Field', `Version ${from}`, `Version ${to}`, 'The review said']}
            >
              {diff.data.changes.map((c) => {
                const criterion = criterionOfField(c.field);
                const said = commentsOn(criterion);
                return (
                  <tr key={c.field} data-field={c.field}>
                    <th scope="row">{c.label}</th>
                    <td className="before">{valueText(c.field, c.before)}</td>
                    <td className="after">{valueText(c.field, c.after)}</td>
                    <td>
                      {said.length ? (
                        <>
                          <div className="sub">{criterionName(said[0]?.criterion ?? '')}</div>
                          {said.map((s) => (
                            <blockquote key={`${s.reviewer}-${s.criterion}`}>
                              {s.comment}{' '}
                              <span className="sub">
                                ({s.reviewer}, rated {formatNumber(s.rating, 0)})
                              </span>
                            </blockquote>
                          ))}
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </ListTable>
          ) : null}
        </section>
        {earlier ? (
          <aside aria-label="The earlier review">
            <h2>The review of version {from}</h2>
            {earlier.decision ? (
              <p>
                <strong>Decision:</strong> {DECISION_LABELS[earlier.decision]}
              </p>
            ) : null}
            {earlier.reasons.length ? (
              <ul>
                {earlier.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
            {earlier.conditions.length ? (
              <>
                <h3>Conditions</h3>
                <ul>
                  {earlier.conditions.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3>Comments</h3>
            <dl>
              {earlier.comments.map((c) => (
                <div key={`${c.reviewer}-${c.criterion}`}>
                  <dt>
                    {criterionName(c.criterion)} ({c.reviewer}, rated {formatNumber(c.rating, 0)})
                  </dt>
                  <dd>{c.comment}</dd>
                </div>
              ))}
            </dl>
            {earlier.summaries.map((s) => (
              <p key={s.reviewer}>
                <strong>{s.reviewer}:</strong> {s.summary}
              </p>
            ))}
          </aside>
        ) : null}
      </div>
    </main>
  );
}
