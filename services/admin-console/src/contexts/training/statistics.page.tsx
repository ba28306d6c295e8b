import { useQuery } from '@tanstack/react-query';
import {
  type CompletionFigure,
  EVALUATION_ITEMS,
  type KnowledgeGainFigure,
  LIKERT_RANGE,
  REGIONS,
  TRAINING_LANGUAGES,
  type TrainingStatistics,
} from '@sfp/contracts';
import { BarChart, barsOf } from '../../components/charts';
import { Empty, QueryState } from '../../components/feedback';
import { Figures } from '../../components/figures';
import { FilterBar, FilterInput, FilterSelect } from '../../components/filters';
import { formatCount, formatNumber, formatPercent, NONE } from '../../components/format';
import { ListTable } from '../../components/table';
import { useRouteSearch } from '../../routing/paths';
import { trainingQueries, type StatisticsFilters } from './training.api';
import {
  CONSTITUENT_GROUP_LABELS,
  COURSE_KIND_LABELS,
  EVALUATION_ITEM_LABELS,
  languageName,
  regionName,
  SEX_LABELS,
} from './training-labels';

const FILTERS = ['region', 'language', 'courseKind', 'from', 'to'] as const;
const regions = Object.fromEntries(REGIONS.map((code) => [code, regionName(code)]));
const languages = Object.fromEntries(TRAINING_LANGUAGES.map((code) => [code, languageName(code)]));

/** A code of the statistics' keys as its label (an unknown one as it is). */
const labelOf =
  (labels: Readonly<Record<string, string>>, others: Readonly<Record<string, string>> = {}) =>
  (key: string) =>
    labels[key] ?? others[key] ?? key;
const groupName = labelOf(CONSTITUENT_GROUP_LABELS, {
  staff: 'The organisation’s staff',
  none: 'No constituent group',
});
const kindName = labelOf(COURSE_KIND_LABELS);

/** A share with its base: "86.7 % of 15". */
const rateOf = (c: CompletionFigure) =>
  c.rate === null ? NONE : `${formatPercent(c.rate)} of ${formatNumber(c.n, 0)}`;
/** A mean gain in points, signed: "+31.5 points". */
const pointsOf = (value: number | null) =>
  value === null ? NONE : `${value > 0 ? '+' : ''}${formatNumber(value, 1)} points`;
const scoreOf = (value: number | null) => (value === null ? NONE : formatPercent(value / 100));

/** Training statistics for analysts (reports:read): the offerings the filters select. */
export function TrainingStatisticsPage() {
  const [search, update] = useRouteSearch('trainingStatistics');
  const filters: StatisticsFilters = Object.fromEntries(
    FILTERS.map((name) => [name, search.get(name)]),
  );
  const stats = useQuery(trainingQueries.statistics(filters));
  const s = stats.data;
  const choice = (name: 'region' | 'language' | 'courseKind') => ({
    value: search.get(name),
    onChange: (value: string | undefined) => update({ [name]: value }, { replace: true }),
  });
  return (
    <main id="main">
      <h1>Training statistics</h1>
      <FilterBar label="Offerings counted">
        <FilterSelect label="Region" {...choice('region')} options={regions} />
        <FilterSelect label="Language" {...choice('language')} options={languages} />
        <FilterSelect label="Kind" {...choice('courseKind')} options={COURSE_KIND_LABELS} />
        <FilterInput
          label="From"
          type="date"
          value={search.get('from') ?? ''}
          onChange={(from) => update({ from }, { replace: true })}
        />
        <FilterInput
          label="To"
          type="date"
          value={search.get('to') ?? ''}
          onChange={(to) => update({ to }, { replace: true })}
        />
      </FilterBar>
      <QueryState query={stats} what="Computing the statistics" />
      {s ? <Statistics s={s} /> : null}
    </main>
  );
}

function Statistics({ s }: { s: TrainingStatistics }) {
  const { participants, completion, knowledgeGain, satisfaction, waitlists } = s;
  return (
    <>
      <Figures
        items={[
          { label: 'Participants', value: formatNumber(participants.n, 0) },
          { label: 'Completion rate', value: rateOf(completion.overall) },
          {
            label: 'Mean knowledge gain',
            value:
              knowledgeGain.overall.n === 0
                ? NONE
                : `${pointsOf(knowledgeGain.overall.meanGain)} (${formatCount(knowledgeGain.overall.n, 'participant')})`,
          },
          { label: 'Evaluations', value: formatNumber(satisfaction.evaluations, 0) },
          { label: 'Waiting now', value: formatNumber(waitlists.waitingNow, 0) },
          {
            label: 'Offerings with a waitlist',
            value: `${formatNumber(waitlists.offeringsWithWaitlist, 0)} of ${formatNumber(waitlists.offerings, 0)}`,
          },
          {
            label: 'Longest waitlist, mean / most',
            value: `${waitlists.meanPeak === null ? NONE : formatNumber(waitlists.meanPeak, 1)} / ${formatNumber(waitlists.maxPeak, 0)}`,
          },
        ]}
      />
      <div className="chart-grid">
        <BarChart
          title="Participants by constituent group"
          bars={barsOf(participants.byConstituentGroup, groupName)}
        />
        <BarChart
          title="Participants by sex"
          bars={barsOf(participants.bySex, labelOf(SEX_LABELS))}
        />
        <BarChart title="Participants by region" bars={barsOf(participants.byRegion, regionName)} />
        <BarChart
          title="Participants by year"
          bars={Object.entries(participants.byYear)
            .sort()
            .map(([year, value]) => ({ label: year, value }))}
        />
      </div>
      <section aria-labelledby="completion-heading">
        <h2 id="completion-heading">Completion</h2>
        <h3>By kind of course</h3>
        <CompletionTable
          label="Completion by kind of course"
          first="Kind of course"
          rows={completion.byCourseKind}
          name={kindName}
        />
        <h3>By year</h3>
        <CompletionTable
          label="Completion by year"
          first="Year"
          rows={completion.byYear}
          name={(year) => year}
        />
      </section>
      <section aria-labelledby="gain-heading">
        <h2 id="gain-heading">Knowledge gain</h2>
        <GainTable rows={knowledgeGain.byCourseKind} />
      </section>
      <section aria-labelledby="satisfaction-heading">
        <h2 id="satisfaction-heading">Satisfaction</h2>
        <ListTable
          label="Satisfaction by item"
          columns={['Item', `Mean (${LIKERT_RANGE.min} to ${LIKERT_RANGE.max})`, 'Answers']}
        >
          {EVALUATION_ITEMS.map((item) => {
            const figure = satisfaction.items[item];
            return (
              <tr key={item}>
                <td>{EVALUATION_ITEM_LABELS[item]}</td>
                <td>
                  {figure.mean === null
                    ? NONE
                    : `${formatNumber(figure.mean, 1)} of ${LIKERT_RANGE.max}`}
                </td>
                <td>{formatNumber(figure.n, 0)}</td>
              </tr>
            );
          })}
        </ListTable>
      </section>
    </>
  );
}

function CompletionTable(props: {
  label: string;
  first: string;
  rows: Record<string, CompletionFigure>;
  name: (key: string) => string;
}) {
  const entries = Object.entries(props.rows).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <Empty>No participant has a result yet.</Empty>;
  return (
    <ListTable label={props.label} columns={[props.first, 'Completed', 'Not completed', 'Rate']}>
      {entries.map(([key, c]) => (
        <tr key={key}>
          <td>{props.name(key)}</td>
          <td>{formatNumber(c.completed, 0)}</td>
          <td>{formatNumber(c.failed, 0)}</td>
          <td>{c.rate === null ? NONE : formatPercent(c.rate)}</td>
        </tr>
      ))}
    </ListTable>
  );
}

function GainTable({ rows }: { rows: Record<string, KnowledgeGainFigure> }) {
  const entries = Object.entries(rows).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <Empty>No participant has both test scores yet.</Empty>;
  return (
    <ListTable
      label="Knowledge gain by kind of course"
      columns={[
        'Kind of course',
        'Pre-test, mean',
        'Post-test, mean',
        'Gain, mean',
        'Participants',
      ]}
    >
      {entries.map(([key, g]) => (
        <tr key={key}>
          <td>{kindName(key)}</td>
          <td>{scoreOf(g.meanPreTest)}</td>
          <td>{scoreOf(g.meanPostTest)}</td>
          <td>{pointsOf(g.meanGain)}</td>
          <td>{formatNumber(g.n, 0)}</td>
        </tr>
      ))}
    </ListTable>
  );
}
