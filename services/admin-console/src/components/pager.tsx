// Cursor paging kept in the URL: `cursor` is the page shown, `trail` the
// cursors before it (for "Previous"), so a page of a list is a link too.
import { useSearchParams } from 'react-router';
import type {
  RouteName,
  RouteSearch,
  RouteSearchState,
  SearchKey,
  UpdateSearch,
} from '../routing/paths';

/** What a filter change sets: back to the first page. */
export const FIRST_PAGE = { cursor: undefined, trail: undefined } as const;

/** A filter kept in the page's query string: its value, and a change that goes back to the first page. */
export function filterOf<N extends RouteName>(
  search: RouteSearchState<N>,
  update: UpdateSearch<N>,
  name: SearchKey<N>,
) {
  return {
    value: search.get(name),
    onChange: (value: string | undefined) =>
      update({ [name]: value, ...FIRST_PAGE } as RouteSearch<N>),
  };
}

const SEPARATOR = '.';

export function CursorPager({ nextCursor }: { nextCursor?: string }) {
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const trail = (params.get('trail') ?? '').split(SEPARATOR).filter(Boolean);
  const go = (next: string | undefined, nextTrail: string[]) =>
    setParams((previous) => {
      const search = new URLSearchParams(previous);
      if (next) search.set('cursor', next);
      else search.delete('cursor');
      if (nextTrail.length) search.set('trail', nextTrail.join(SEPARATOR));
      else search.delete('trail');
      return search;
    });
  if (cursor === undefined && !nextCursor) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={() => go(undefined, [])} disabled={cursor === undefined}>
        First page
      </button>
      <button
        type="button"
        onClick={() => go(trail.at(-1), trail.slice(0, -1))}
        disabled={cursor === undefined}
      >
        Previous page
      </button>
      <button
        type="button"
        onClick={() => nextCursor && go(nextCursor, cursor ? [...trail, cursor] : [])}
        disabled={!nextCursor}
      >
        Next page
      </button>
    </nav>
  );
}
