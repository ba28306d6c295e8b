import { Link } from 'react-router';
import { Badge } from '../../components/feedback';
import { formatDateTime, label } from '../../components/format';
import { href } from '../../routing/paths';
import type { LibraryEntry } from './knowledge-base.api';
import { ResearchSourceLink } from './library-source';

/** An entry's page: a practice note's or an impact assessment's. */
export const libraryEntryHref = (entry: Pick<LibraryEntry, 'kind' | 'entryId'>) =>
  href(entry.kind === 'practice-note' ? 'practiceNote' : 'impactAssessment', {
    entryId: entry.entryId,
  });

/**
 * A library entry as a card (the library's results, an institution's
 * entries): its title opens the entry's page; kind, summary, where it comes
 * from, themes and tags, when recorded.
 */
export function LibraryCard({ entry }: { entry: LibraryEntry }) {
  return (
    <li className="panel">
      <strong>
        <Link to={libraryEntryHref(entry)}>{entry.title}</Link>
      </strong>{' '}
      <Badge kind="none">{label(entry.kind)}</Badge>
      {entry.revision && entry.revision > 1 ? (
        <>
          {' '}
          <Badge kind="warn">revised</Badge>
        </>
      ) : null}
      <p>{entry.summary}</p>
      {entry.source ? (
        <p>
          <ResearchSourceLink entry={entry} />
        </p>
      ) : null}
      <p className="sub">
        {[...entry.themes.map(label), ...entry.tags].join(' · ')}
        {entry.recordedAt ? ` · ${formatDateTime(entry.recordedAt)}` : ''} ·{' '}
        <Link to={libraryEntryHref(entry)}>Open</Link>
      </p>
    </li>
  );
}
