import { useState } from 'react';
import { get, post, queryString } from '../api/client';
import {
  Badge,
  Empty,
  ErrorMessage,
  formatDateTime,
  Loading,
  Notice,
  Pager,
  useLoad,
} from '../components/ui';
import { useRouteSearch } from '../routing/paths';

interface DeadLetter {
  id: string;
  dlqTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  payload: string | null;
  payloadTruncated: boolean;
  headers: Record<string, string>;
  reason: string;
  error: string;
  fieldErrors: Array<{ field: string; messages?: string[]; message?: string }>;
  originalTopic: string;
  originalPartition?: number;
  originalOffset?: string;
  consumerGroup?: string;
  deadLetteredAt: string;
  status: 'pending' | 'redriven';
  redrivenAt?: string;
  redrivenBy?: string;
}

/** Messages no consumer could process, per dead-letter topic: why, what, and a once-only re-drive (platform:admin). */
export function DeadLettersPage() {
  const [search, update] = useRouteSearch('deadLetters');
  const topic = search.get('topic') ?? undefined;
  const status = search.get('status') ?? 'pending';
  const cursor = search.get('cursor') ?? undefined;
  const trail = (search.get('trail') ?? '').split('.').filter(Boolean);
  const summary = useLoad(
    () =>
      get<Array<{ dlqTopic: string; pending: number; redriven: number }>>(
        '/api/dead-letters/summary',
      ),
    'summary',
  );
  const query = queryString({
    topic,
    status: status === 'all' ? undefined : status,
    limit: 25,
    cursor,
  });
  const list = useLoad(
    () => get<{ items: DeadLetter[]; nextCursor?: string }>(`/api/dead-letters${query}`),
    query,
  );
  const open = search.get('letter');
  return (
    <main id="main">
      <h1>Dead letters</h1>
      <p>
        Messages a consumer could not process, kept on each context&apos;s dead-letter topic with
        the reason. Re-drive one when its cause is fixed: it is published again to its original
        topic, once.
      </p>
      <ErrorMessage error={summary.error} />
      {summary.data ? (
        <table className="list" aria-label="Dead-letter topics">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Pending</th>
              <th scope="col">Re-driven</th>
            </tr>
          </thead>
          <tbody>
            {summary.data.map((s) => (
              <tr key={s.dlqTopic}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      update({ topic: s.dlqTopic, cursor: undefined, trail: undefined })
                    }
                    aria-pressed={topic === s.dlqTopic}
                  >
                    {s.dlqTopic}
                  </button>
                </th>
                <td>{s.pending}</td>
                <td>{s.redriven}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="dl-topic">Topic</label>
          <select
            id="dl-topic"
            value={topic ?? ''}
            onChange={(e) =>
              update({ topic: e.target.value || undefined, cursor: undefined, trail: undefined })
            }
          >
            <option value="">Every topic</option>
            {(summary.data ?? []).map((s) => (
              <option key={s.dlqTopic} value={s.dlqTopic}>
                {s.dlqTopic}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dl-status">Status</label>
          <select
            id="dl-status"
            value={status}
            onChange={(e) =>
              update({
                status: e.target.value === 'pending' ? undefined : e.target.value,
                cursor: undefined,
                trail: undefined,
              })
            }
          >
            <option value="pending">Pending</option>
            <option value="redriven">Re-driven</option>
            <option value="all">All</option>
          </select>
        </div>
      </form>
      <ErrorMessage error={list.error} />
      {!list.data && list.loading ? <Loading what="Loading dead letters" /> : null}
      {list.data?.items.length === 0 ? (
        <Empty>No dead letter{status === 'pending' ? ' waiting' : ''}.</Empty>
      ) : null}
      {list.data?.items.length ? (
        <>
          <ul className="letters">
            {list.data.items.map((letter) => (
              <li key={letter.id} className="panel">
                <div className="title-row">
                  <div>
                    <strong>{letter.reason}</strong>{' '}
                    <Badge kind={letter.status === 'pending' ? 'warn' : 'good'}>
                      {letter.status}
                    </Badge>
                    <div className="sub">
                      {letter.dlqTopic} · from {letter.originalTopic}
                      {letter.originalPartition !== undefined
                        ? ` [${letter.originalPartition}]`
                        : ''}
                      {letter.originalOffset ? ` @${letter.originalOffset}` : ''} ·{' '}
                      {formatDateTime(letter.deadLetteredAt)}
                    </div>
                  </div>
                  <button
                    type="button"
                    aria-expanded={open === letter.id}
                    onClick={() => update({ letter: open === letter.id ? undefined : letter.id })}
                  >
                    {open === letter.id ? 'Hide' : 'Details'}
                  </button>
                </div>
                <p>{letter.error}</p>
                {open === letter.id ? (
                  <LetterDetails letter={letter} onRedriven={list.reload} />
                ) : null}
              </li>
            ))}
          </ul>
          <Pager
            hasPrevious={cursor !== undefined}
            nextCursor={list.data.nextCursor}
            onFirst={() => update({ cursor: undefined, trail: undefined })}
            onPrevious={() =>
              update({ cursor: trail.at(-1), trail: trail.slice(0, -1).join('.') || undefined })
            }
            onNext={(next) =>
              update({ cursor: next, trail: cursor ? [...trail, cursor].join('.') : undefined })
            }
          />
        </>
      ) : null}
    </main>
  );
}

function LetterDetails({ letter, onRedriven }: { letter: DeadLetter; onRedriven: () => void }) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const redrive = async () => {
    setError(null);
    try {
      await post(
        `/api/dead-letters/${encodeURIComponent(letter.id)}/redrive`,
        reason.trim() ? { reason: reason.trim() } : {},
      );
      setDone(true);
      setConfirming(false);
      onRedriven();
    } catch (e) {
      setError(e);
    }
  };
  let payload = letter.payload ?? '(no payload)';
  try {
    payload = JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    // not JSON: shown as it is
  }
  return (
    <div>
      {letter.fieldErrors.length ? (
        <>
          <h4>Field errors</h4>
          <ul>
            {letter.fieldErrors.map((f) => (
              <li key={f.field}>
                <code>{f.field}</code>: {(f.messages ?? [f.message ?? '']).join('; ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>Payload{letter.payloadTruncated ? ' (cut; the topic keeps it whole)' : ''}</h4>
      <pre className="payload">{payload}</pre>
      <h4>Headers</h4>
      <pre className="payload">
        {JSON.stringify(
          { key: letter.key, ...letter.headers, consumerGroup: letter.consumerGroup },
          null,
          2,
        )}
      </pre>
      {done ? <Notice>Re-driven to {letter.originalTopic}.</Notice> : null}
      <ErrorMessage error={error} />
      {letter.status === 'pending' && !done ? (
        confirming ? (
          <div className="actions">
            <div className="field">
              <label htmlFor={`redrive-reason-${letter.offset}`}>Why it can be processed now</label>
              <input
                id={`redrive-reason-${letter.offset}`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                size={50}
              />
            </div>
            <button type="button" className="primary" onClick={() => void redrive()}>
              Re-drive to {letter.originalTopic}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Re-drive…
          </button>
        )
      ) : letter.redrivenAt ? (
        <p className="sub">
          Re-driven {formatDateTime(letter.redrivenAt)} by {letter.redrivenBy}
        </p>
      ) : null}
    </div>
  );
}
