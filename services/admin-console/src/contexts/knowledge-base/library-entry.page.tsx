import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge, PendingRecord } from '../../components/feedback';
import { label, NONE } from '../../components/format';
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
      <LinkedProposals
        query={knowledgeBaseQueries.entryLinkedProposals(kind, id)}
        what={`this ${KIND_LABEL[kind].toLowerCase()}`}
      />
    </main>
  );
}
