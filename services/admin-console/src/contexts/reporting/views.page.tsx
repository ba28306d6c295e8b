import { useQuery } from '@tanstack/react-query';
import { Empty, ErrorMessage, Loading } from '../../components/feedback';
import { useRouteSearch } from '../../routing/paths';
import { QueryForm } from './query-form';
import { QueryResult } from './query-result';
import { reportingQueries, type ReportingView } from './reporting.api';

const AGGREGATES = ['avg', 'median', 'sum', 'min', 'max'];

/** What a view can be grouped by: its text fields, and its times by year, quarter or month. */
function groupOptions(view: ReportingView): string[] {
  return view.fields.flatMap((f) =>
    f.type === 'timestamp'
      ? [`${f.name}:year`, `${f.name}:quarter`, `${f.name}:month`]
      : f.type === 'number'
        ? []
        : [f.name],
  );
}

/** What a view can measure: its rows counted, or an aggregate of a number field. */
function measureOptions(view: ReportingView): string[] {
  return [
    'count',
    ...view.fields
      .filter((f) => f.type === 'number')
      .flatMap((f) => AGGREGATES.map((a) => `${a}:${f.name}`)),
  ];
}

/** The analyst query API as a form: a view, one grouping, one measure, a filter; table, chart and CSV. The query is in the URL. */
export function ReportingViewsPage() {
  const catalogue = useQuery(reportingQueries.views());
  const [search, update] = useRouteSearch('reportingViews');
  const views = catalogue.data?.views ?? [];
  const view = views.find((v) => v.name === search.get('view')) ?? views[0];
  if (!view) {
    return (
      <main id="main">
        <h1>Reporting views</h1>
        <ErrorMessage error={catalogue.error} />
        {catalogue.isLoading ? (
          <Loading what="Loading the views" />
        ) : (
          <Empty>No reporting view.</Empty>
        )}
      </main>
    );
  }
  const query = {
    view: view.name,
    group: search.get('group') ?? '',
    measure: search.get('measure') ?? 'count',
    filter: search.get('filter') ?? '',
    asOf: search.get('asOf') ?? '',
  };
  return (
    <main id="main">
      <h1>Reporting views</h1>
      <QueryForm
        key={JSON.stringify(query)}
        views={views}
        initial={query}
        groupOptions={groupOptions(view)}
        measureOptions={measureOptions(view)}
        onRun={(q) =>
          update({
            view: q.view,
            group: q.group,
            measure: q.measure === 'count' ? undefined : q.measure,
            filter: q.filter,
            asOf: q.asOf,
          })
        }
      />
      <p className="sub">{view.description}</p>
      <QueryResult view={view} query={query} />
    </main>
  );
}
