// What a page says while it loads, when something failed, when there is
// nothing to show, and after a command.
import type { ReactNode } from 'react';
import { ApiError, messageOf } from '../api/client';
import { fieldName, readableMessage } from './field-messages';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}

export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : undefined;
  const status = error instanceof ApiError ? error.status : undefined;
  // Refused fields shown where no form shows them: each by its name, in words, not the raw summary.
  if (error instanceof ApiError && error.fieldErrors.length) {
    return (
      <div className="error" role="alert">
        <strong>{title ?? 'Please correct:'}</strong>
        <ul>
          {error.fieldErrors.map((e) => (
            <li key={e.field}>
              {fieldName(e.field)}: {e.messages.map(readableMessage).join('; ')}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="error" role="alert">
      <strong>{title ?? headline(status)}</strong> {messageOf(error)}
      {code && status !== 0 ? <span className="code"> ({code})</span> : null}
    </div>
  );
}

function headline(status: number | undefined): string {
  switch (status) {
    case 0:
      return 'No connection.';
    case 403:
      return 'Not allowed.';
    case 404:
      return 'Not found.';
    case 409:
      return 'Conflict.';
    case 429:
      return 'Too many attempts.';
    default:
      return status && status >= 500 ? 'The platform failed.' : 'Could not do that.';
  }
}

/** A query's failure, or that it is loading (the first time: later loads keep what is shown). */
export function QueryState(props: { query: { error: unknown; isLoading: boolean }; what: string }) {
  return (
    <>
      <ErrorMessage error={props.query.error} />
      {props.query.isLoading ? <Loading what={props.what} /> : null}
    </>
  );
}

/** A record's page before its record is there: the way back, and why it is not (yet). */
export function PendingRecord(props: { back?: ReactNode; error: unknown; what: string }) {
  return (
    <main id="main">
      {props.back}
      {props.error ? <ErrorMessage error={props.error} /> : <Loading what={props.what} />}
    </main>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}
