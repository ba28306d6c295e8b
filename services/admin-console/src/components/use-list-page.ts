// A list page whose selected row is in its URL (?user=…, ?client=…): the
// list's query, the page's query string, and the row it selects.
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useRouteSearch, type RouteName, type SearchKey } from '../routing/paths';

export function useListPage<T, K extends QueryKey, N extends RouteName>(
  query: UseQueryOptions<T, Error, T, K>,
  page: N,
  selectedBy: SearchKey<N>,
) {
  const list = useQuery(query);
  const [search, update] = useRouteSearch(page);
  return { list, search, update, selected: search.get(selectedBy) };
}
