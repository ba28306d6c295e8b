import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ToolLinkedProposals } from '@sfp/contracts';
import { href } from '../routing/paths';
import { Empty, QueryState } from './feedback';
import { formatDateTime, label, NONE } from './format';
import { ListTable } from './table';

/**
 * A tool's "Linked proposals" (a course, a programme, a research project, a
 * practice note or an impact assessment): the quality-monitoring proposals a
 * reviewer linked to it, each a link to the proposal's review page, with its
 * department, the decision once known and why it was suggested.
 */
export function LinkedProposals(props: {
  /** The tool's `…/linked-proposals` query (its context's API). */
  query: UseQueryOptions<ToolLinkedProposals, Error, ToolLinkedProposals, unknown[]>;
  /** The tool in words, e.g. "this course". */
  what: string;
}) {
  const query = useQuery(props.query);
  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby="linked-proposals-heading">
      <h2 id="linked-proposals-heading">Linked proposals</h2>
      <QueryState query={query} what="Loading the linked proposals" />
      {query.data && items.length === 0 ? (
        <Empty>No proposal under review is linked to {props.what} yet.</Empty>
      ) : null}
      {items.length > 0 ? (
        <ListTable
          label="Linked proposals"
          columns={['Proposal', 'Department', 'Decision', 'Why linked', 'Linked']}
        >
          {items.map((p) => (
            <tr key={p.proposalId}>
              <td>
                <Link to={href('qualityProposal', { proposalId: p.proposalId })}>{p.title}</Link>
              </td>
              <td>{p.department}</td>
              <td>{p.decision ? label(p.decision) : 'Not decided yet'}</td>
              <td>
                {p.reason}
                {p.note ? <div className="sub">{p.note}</div> : null}
              </td>
              <td>{p.acceptedAt ? formatDateTime(p.acceptedAt) : NONE}</td>
            </tr>
          ))}
        </ListTable>
      ) : null}
    </section>
  );
}
