import { useQuery } from '@tanstack/react-query';
import { Empty, QueryState } from '../../components/feedback';
import { knowledgeBaseQueries } from './knowledge-base.api';
import { LibraryCard } from './library-card';

/**
 * An institution's entries of the library: impact assessments of it as a
 * partner and practice notes that name it, each research-derived one with
 * the link back to its research project.
 */
export function InstitutionLibrary({ institutionId }: { institutionId: string }) {
  const library = useQuery(knowledgeBaseQueries.institutionLibrary(institutionId));
  const { assessments = [], notes = [] } = library.data ?? {};
  return (
    <section aria-labelledby="library-heading" data-testid="institution-library">
      <h2 id="library-heading">Impact assessments and practice notes</h2>
      <QueryState query={library} what="Loading the library" />
      {library.data && assessments.length + notes.length === 0 ? (
        <Empty>None about this institution.</Empty>
      ) : null}
      <ul className="letters" aria-label="Entries about this institution">
        {[...assessments, ...notes].map((entry) => (
          <LibraryCard key={`${entry.kind}-${entry.entryId}`} entry={entry} />
        ))}
      </ul>
    </section>
  );
}
