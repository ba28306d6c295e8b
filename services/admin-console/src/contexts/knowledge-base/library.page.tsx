import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Empty, Notice, QueryState } from '../../components/feedback';
import { FilterBar, FilterInput, FilterSelect } from '../../components/filters';
import { href, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { knowledgeBaseQueries, type LibraryKind } from './knowledge-base.api';
import { LibraryCard } from './library-card';

const KIND_LABELS: Record<LibraryKind, string> = {
  'impact-assessment': 'Impact assessments',
  'practice-note': 'Practice notes',
};
const PUBLISHED: Record<string, string> = {
  'practice-note': 'Practice note published.',
  'impact-assessment': 'Impact assessment recorded.',
};

/** Impact assessments and practice notes, searched by words (reports:read). */
export function LibraryPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('library');
  const words = search.get('q') ?? '';
  const kind = (Object.keys(KIND_LABELS) as LibraryKind[]).find((k) => k === search.get('kind'));
  const [draft, setDraft] = useState(words);
  const results = useQuery(knowledgeBaseQueries.library(words, kind));
  const published = PUBLISHED[search.get('published') ?? ''];
  return (
    <main id="main">
      <div className="title-row">
        <h1>Impact assessments and practice notes</h1>
        {can('records:write') ? (
          <div>
            <Link to={href('newImpactAssessment')} className="button">
              Record an impact assessment
            </Link>{' '}
            <Link to={href('newPracticeNote')} className="button primary">
              Write a practice note
            </Link>
          </div>
        ) : null}
      </div>
      {published ? <Notice>{published}</Notice> : null}
      <FilterBar
        label="Search the library"
        role="search"
        onSubmit={() => update({ q: draft.trim() || undefined, published: undefined })}
      >
        <FilterInput label="Words" type="search" value={draft} onChange={setDraft} size={40} />
        <FilterSelect
          label="Kind"
          value={kind}
          options={KIND_LABELS}
          emptyLabel="Both"
          onChange={(value) => update({ kind: value })}
        />
        <div className="filter-actions">
          <button type="submit" className="primary">
            Search
          </button>
        </div>
      </FilterBar>
      <QueryState query={results} what="Searching" />
      {results.data?.items.length === 0 ? (
        <Empty>{words ? `Nothing matches “${words}”.` : 'Nothing recorded yet.'}</Empty>
      ) : null}
      <ul className="letters" aria-label="Results">
        {results.data?.items.map((hit) => (
          <LibraryCard key={`${hit.kind}-${hit.entryId}`} entry={hit} />
        ))}
      </ul>
      {!words ? (
        <p className="sub">
          Type words to search both; with no words, the latest{' '}
          {KIND_LABELS[kind ?? 'practice-note'].toLowerCase()} are listed.
        </p>
      ) : null}
    </main>
  );
}
