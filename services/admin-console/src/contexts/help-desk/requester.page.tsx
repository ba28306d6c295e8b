// The requester's page, reached from their mail without an account
// (/requester/<signed link>): their request, where it stands, the public
// thread (never the help desk's internal notes), a reply form, and once the
// request is resolved the one satisfaction question. A forged link, or one
// that expired, says so.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Badge, ErrorMessage, Loading, Notice } from '../../components/feedback';
import { formatDate, formatDateTime, label } from '../../components/format';
import { requesterCommands, requesterQueries, type RequesterView } from './requester.api';

const RATINGS = [
  [1, 'Very dissatisfied'],
  [2, 'Dissatisfied'],
  [3, 'Neither satisfied nor dissatisfied'],
  [4, 'Satisfied'],
  [5, 'Very satisfied'],
] as const;

export function RequesterPage() {
  const { token = '' } = useParams();
  useEffect(() => {
    document.title = 'Your request — SFP Help Desk';
  }, []);
  const view = useQuery(requesterQueries.view(token));
  return (
    <>
      <header className="top">
        <span className="brand">SFP Help Desk</span>
      </header>
      <main id="main">
        {view.error ? (
          <LinkRefused error={view.error} />
        ) : view.data ? (
          <Request token={token} view={view.data} />
        ) : (
          <Loading what="Opening your request" />
        )}
      </main>
    </>
  );
}

function LinkRefused({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 410)
    return (
      <section className="panel" data-testid="requester-link-refused">
        <h1>This link has expired</h1>
        <p>Links to a request work for a limited time. Ask the help desk for a new one.</p>
      </section>
    );
  if (error instanceof ApiError && (error.status === 401 || error.status === 400))
    return (
      <section className="panel" data-testid="requester-link-refused">
        <h1>This link is not valid</h1>
        <p>Open the link exactly as it is in the help desk’s mail.</p>
      </section>
    );
  return <ErrorMessage error={error} />;
}

function Request({ token, view }: { token: string; view: RequesterView }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div className="title-row">
        <h1>{view.title}</h1>
        <Badge kind={`status-${view.status}`}>
          <span data-testid="requester-status">{label(view.status)}</span>
        </Badge>
      </div>
      <p className="sub">
        Submitted {formatDateTime(view.submittedAt)}
        {view.resolvedAt ? `, resolved ${formatDateTime(view.resolvedAt)}` : ''}. This link works
        until {formatDate(view.linkExpiresAt)}.
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">Conversation</h2>
        <ol className="timeline" aria-label="Conversation" data-testid="requester-thread">
          {view.thread.map((entry, index) => (
            <li key={`${entry.at}-${index}`} data-from={entry.from}>
              <div className="when">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </div>
              <div>
                <strong>{entryTitle(entry)}</strong>
                <div className="event-summary prose">{entry.text}</div>
              </div>
            </li>
          ))}
        </ol>
      </section>
      {view.satisfaction ? (
        <p data-testid="requester-satisfaction">
          You rated this request: {RATINGS[view.satisfaction.rating - 1]?.[1]} (
          {view.satisfaction.rating} of 5). Thank you.
        </p>
      ) : null}
      {view.canRate ? <SatisfactionForm token={token} onDone={setNotice} /> : null}
      {view.canReply ? <ReplyForm token={token} onDone={setNotice} /> : null}
    </>
  );
}

function entryTitle(entry: RequesterView['thread'][number]): string {
  if (entry.kind === 'request') return 'Your request';
  if (entry.kind === 'resolution') return 'The help desk’s answer (resolved)';
  return entry.from === 'requester' ? 'Your reply' : 'Reply from the help desk';
}

function ReplyForm({ token, onDone }: { token: string; onDone: (notice: string) => void }) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const reply = useMutation({
    mutationFn: () => requesterCommands.reply(token, text.trim()),
    onSuccess: async () => {
      setText('');
      onDone('Your reply was sent to the help desk.');
      await client.invalidateQueries({ queryKey: ['help-desk-requester', token] });
    },
  });
  return (
    <form
      className="panel"
      aria-label="Reply"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) reply.mutate();
      }}
    >
      <h2>Reply to the help desk</h2>
      <div className="field">
        <label htmlFor="requester-reply">Your reply</label>
        <textarea
          id="requester-reply"
          value={text}
          maxLength={5000}
          rows={4}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <ErrorMessage error={reply.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={reply.isPending || !text.trim()}>
          {reply.isPending ? 'Sending…' : 'Send reply'}
        </button>
      </div>
    </form>
  );
}

function SatisfactionForm({ token, onDone }: { token: string; onDone: (notice: string) => void }) {
  const client = useQueryClient();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () => requesterCommands.rate(token, rating ?? 0, comment),
    onSuccess: async () => {
      onDone('Thank you for your answer.');
      await client.invalidateQueries({ queryKey: ['help-desk-requester', token] });
    },
  });
  return (
    <form
      className="panel"
      aria-label="Satisfaction"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (rating) rate.mutate();
      }}
    >
      <h2>How satisfied are you with the help desk’s answer?</h2>
      <fieldset className="field">
        <legend>Your rating</legend>
        {RATINGS.map(([value, text]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="rating"
              value={value}
              checked={rating === value}
              onChange={() => setRating(value)}
            />{' '}
            {text}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="requester-comment">Comment (optional)</label>
        <textarea
          id="requester-comment"
          value={comment}
          maxLength={2000}
          rows={3}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <ErrorMessage error={rate.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={rate.isPending || rating === null}>
          Send my answer
        </button>
      </div>
    </form>
  );
}
