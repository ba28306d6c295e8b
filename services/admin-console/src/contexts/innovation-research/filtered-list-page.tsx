// A research list page (milestone calendar, findings library): its title with
// "Download CSV", its filters, then the list as a table of rows, a page at a time.
import type { ReactNode } from 'react';
import type { Page } from '../../api/types';
import { Empty, QueryState } from '../../components/feedback';
import { FilterBar } from '../../components/filters';
import { CursorPager } from '../../components/pager';
import { ListTable } from '../../components/table';
import { CsvButton } from './csv-button';

export function FilteredListPage<Item>(props: {
  title: string;
  /** The list the CSV download is of, with the filters shown. */
  csv: Parameters<typeof CsvButton>[0];
  /** The filter fields (in the filter bar). */
  filters: ReactNode;
  list: { error: unknown; isLoading: boolean; data?: Page<Item> };
  /** What the page is loading, e.g. "Loading the calendar". */
  loading: string;
  /** What the page says when nothing matches. */
  empty: string;
  table: { label: string; columns: readonly ReactNode[] };
  row: (item: Item) => ReactNode;
}) {
  const { list } = props;
  return (
    <main id="main">
      <div className="title-row">
        <h1>{props.title}</h1>
        <CsvButton {...props.csv} />
      </div>
      <FilterBar label="Filters">{props.filters}</FilterBar>
      <QueryState query={list} what={props.loading} />
      {list.data?.items.length === 0 ? <Empty>{props.empty}</Empty> : null}
      {list.data?.items.length ? (
        <>
          <ListTable label={props.table.label} columns={props.table.columns}>
            {list.data.items.map(props.row)}
          </ListTable>
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
    </main>
  );
}
