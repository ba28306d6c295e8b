import { Link } from 'react-router';
import type { LibraryEntry } from './knowledge-base.api';

/**
 * The link back from an entry research made to its project's page:
 * "From research project “<title>” (version n)". Nothing for an entry a
 * person recorded.
 */
export function ResearchSourceLink({ entry }: { entry: LibraryEntry }) {
  const { source } = entry;
  if (!source) return null;
  return (
    <span className="sub" data-testid="research-source">
      From research project{' '}
      <Link to={source.url} data-project-id={source.projectId}>
        “{entry.title}”
      </Link>{' '}
      (version {source.publicationVersion})
    </span>
  );
}
