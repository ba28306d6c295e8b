import { useQuery } from '@tanstack/react-query';
import type { DeadLetter } from '@sfp/contracts';
import { Badge, Empty, ErrorMessage, QueryState } from '../../components/feedback';
import { FilterBar, FilterSelect } from '../../components/filters';
import { formatDateTime, formatNumber } from '../../components/format';
import { CursorPager, FIRST_PAGE, filterOf } from '../../components/pager';
import { ListTable } from '../../components/table';
import { useRouteSearch } from '../../routing/paths';
import { DeadLetterDetails } from './dead-letter-details';
import { operationsQueries } from './operations.api';

const STATUSES = {
  pending: 'Pending',
  redriven: 'Re-driven',
  all: 'All',
};

/** Messages no consumer could process, per dead-letter topic: why, what, and a once-only re-drive (platform:admin). */
export function DeadLettersPage() {
  const [search, update] = useRouteSearch('deadLetters');
  const topic = search.get('topic');
  const status = search.get('status') ?? 'pending';
  const topics = useQuery(operationsQueries.deadLetterTopics());
  const list = useQuery(
    operationsQueries.deadLetters(
      topic,
      status === 'all' ? undefined : status,
      search.get('cursor'),
    ),
  );
  const showTopic = (dlqTopic: string | undefined) => update({ topic: dlqTopic, ...FIRST_PAGE });
  return (
    <main id="main">
      <h1>Dead letters</h1>
      <p>
        Messages a consumer could not process, kept on each context&apos;s dead-letter topic with
        the reason. Re-drive one when its cause is fixed: it is published again to its original
        topic, once.
      </p>
      <ErrorMessage error={topics.error} />
      {topics.data ? (
        <ListTable label="Dead-letter topics" columns={['Topic', 'Pending', 'Re-driven']}>
          {topics.data.map((t) => (
            <tr key={t.dlqTopic}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => showTopic(t.dlqTopic)}
                  aria-pressed={topic === t.dlqTopic}
                >
                  {t.dlqTopic}
                </button>
              </th>
              <td>{formatNumber(t.pending, 0)}</td>
              <td>{formatNumber(t.redriven, 0)}</td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      <FilterBar label="Filters">
        <FilterSelect
          label="Topic"
          value={topic}
          options={(topics.data ?? []).map((t) => t.dlqTopic)}
          emptyLabel="Every topic"
          format={(name) => name}
          onChange={showTopic}
        />
        <FilterSelect
          label="Status"
          {...filterOf(search, update, 'status')}
          options={STATUSES}
          fallback="pending"
        />
      </FilterBar>
      <QueryState query={list} what="Loading dead letters" />
      {list.data?.items.length === 0 ? (
        <Empty>No dead letter{status === 'pending' ? ' waiting' : ''}.</Empty>
      ) : null}
      {list.data?.items.length ? (
        <>
          <ul className="letters">
            {list.data.items.map((letter) => (
              <Letter key={letter.id} letter={letter} />
            ))}
          </ul>
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
    </main>
  );
}

function Letter({ letter }: { letter: DeadLetter }) {
  const [search, update] = useRouteSearch('deadLetters');
  const open = search.get('letter') === letter.id;
  return (
    <li className="panel">
      <div className="title-row">
        <div>
          <strong>{letter.reason}</strong>{' '}
          <Badge kind={letter.status === 'pending' ? 'warn' : 'good'}>{letter.status}</Badge>
          <div className="sub">
            {letter.dlqTopic} · from {letter.originalTopic}
            {letter.originalPartition !== undefined ? ` [${letter.originalPartition}]` : ''}
            {letter.originalOffset ? ` @${letter.originalOffset}` : ''} ·{' '}
            {formatDateTime(letter.deadLetteredAt)}
          </div>
        </div>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => update({ letter: open ? undefined : letter.id })}
        >
          {open ? 'Hide' : 'Details'}
        </button>
      </div>
      <p>{letter.error}</p>
      {open ? <DeadLetterDetails letter={letter} /> : null}
    </li>
  );
}
