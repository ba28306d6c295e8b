import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge, PendingRecord } from '../../components/feedback';
import { formatNumber, label, NONE } from '../../components/format';
import { ListTable } from '../../components/table';
import { LinkedProposals } from '../../components/linked-proposals';
import { BackLink } from '../../routing/back-link';
import { href, useRouteParams } from '../../routing/paths';
import { knowledgeBaseQueries, type LibraryKind } from './knowledge-base.api';

const KIND_LABEL: Record<LibraryKind, string> = {
  'practice-note': 'Practice note',
  'impact-assessment': 'Impact assessment',
};

/** A practice note: what it says, where it comes from, and the proposals linked to it. */
export function PracticeNotePage() {
  const { entryId } = useRouteParams('practiceNote');
  return <LibraryEntry kind="practice-note" id={entryId} />;
}

/** An impact assessment: what it found, where it comes from, and the proposals linked to it. */
export function ImpactAssessmentPage() {
  const { entryId } = useRouteParams('impactAssessment');
  return <LibraryEntry kind="impact-assessment" id={entryId} />;
}

function LibraryEntry({ kind, id }: { kind: LibraryKind; id: string }) {
  const query = useQuery(knowledgeBaseQueries.entry(kind, id));
  const back = <BackLink to={href('library', { kind })}>Library</BackLink>;
  const entry = query.data?.current;
  if (!entry)
    return (
      <PendingRecord
        back={back}
        error={query.error}
        what={`Loading the ${KIND_LABEL[kind].toLowerCase()}`}
      />
    );
  const facts: Array<[string, string | undefined]> =
    kind === 'practice-note'
      ? [['Kind of practice', entry.practiceKind && label(entry.practiceKind)]]
      : [
          ['Country', entry.country],
          ['Status', entry.status && label(entry.status)],
          ['Design', entry.design && label(entry.design.method)],
          ['Investigators', entry.investigators?.join(', ')],
          [
            'Sample',
            entry.sample?.achieved !== undefined || entry.sample?.planned !== undefined
              ? `${formatNumber(entry.sample?.achieved, 0)} reached of ${formatNumber(entry.sample?.planned, 0)} planned`
              : undefined,
          ],
        ];
  return (
    <main id="main">
      {back}
      <div className="title-row">
        <h1>{entry.title}</h1>
        <Badge kind="none">{KIND_LABEL[kind]}</Badge>
      </div>
      <p className="sub">{[...entry.themes.map(label), ...entry.tags].join(' · ') || NONE}</p>
      {entry.source ? (
        <p className="sub" data-testid="research-source">
          From a <Link to={entry.source.url}>research project</Link> (publication version{' '}
          {entry.source.publicationVersion})
        </p>
      ) : null}
      <section aria-labelledby="entry-heading">
        <h2 id="entry-heading">{KIND_LABEL[kind]}</h2>
        <p>{entry.summary}</p>
        {entry.body ? <p style={{ whiteSpace: 'pre-line' }}>{entry.body}</p> : null}
        <dl className="details">
          {facts.map(([name, value]) => (
            <div key={name} style={{ display: 'contents' }}>
              <dt>{name}</dt>
              <dd>{value || NONE}</dd>
            </div>
          ))}
        </dl>
      </section>
      {entry.outcomes?.length ? (
        <ListTable label="Findings" columns={['Outcome', 'Finding', 'Effect size', 'Estimator']}>
          {entry.outcomes.map((o, i) => (
            <tr key={i}>
              <td>{label(o.outcome)}</td>
              <td>{label(o.finding)}</td>
              <td>{o.effectSize === undefined ? NONE : formatNumber(o.effectSize, 2)}</td>
              <td>{o.estimator}</td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      {entry.institutionIds?.length ? (
        <p>
          <Link to={href('institutions', { id: entry.institutionIds.join(',') })}>
            The institutions this note names
          </Link>
        </p>
      ) : null}
      <LinkedProposals
        query={knowledgeBaseQueries.entryLinkedProposals(kind, id)}
        what={`this ${KIND_LABEL[kind].toLowerCase()}`}
      />
    </main>
  );
}
