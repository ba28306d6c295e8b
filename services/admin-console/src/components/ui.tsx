import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiError, messageOf } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads once per change of `key`; `reload()` loads again. A stale answer never overwrites a newer one. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  // Layout effects run before effects: the load below always calls the latest `load`.
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the effect that starts a load marks it as loading (keeping the previous data); deriving `loading` from key and tick instead would restructure the hook
    setState((previous) => ({ data: previous.data, loading: true }));
    Promise.resolve()
      .then(() => loadRef.current())
      .then(
        (data) => current && setState({ data, loading: false }),
        (error: unknown) => current && setState({ error, loading: false }),
      );
    return () => {
      current = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

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

/** Field messages from the API, linked to the input by aria-describedby. */
export function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <ul className="field-error" id={id}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  errors?: ApiError | null;
  required?: boolean;
  hint?: string;
}

function useFieldIds(name: string) {
  const base = useId();
  return { input: `${base}-${name}`, error: `${base}-${name}-error`, hint: `${base}-${name}-hint` };
}

export function TextField(
  props: FieldProps & {
    type?: string;
    multiline?: boolean;
    autoComplete?: string;
    maxLength?: number;
  },
) {
  const ids = useFieldIds(props.name);
  const messages = props.errors?.messagesFor(props.name) ?? [];
  const described =
    [messages.length ? ids.error : '', props.hint ? ids.hint : ''].filter(Boolean).join(' ') ||
    undefined;
  const common = {
    id: ids.input,
    name: props.name,
    value: props.value,
    required: props.required,
    'aria-invalid': messages.length ? true : undefined,
    'aria-describedby': described,
  };
  return (
    <div className={`field${messages.length ? ' invalid' : ''}`}>
      <label htmlFor={ids.input}>{props.label}</label>
      {props.multiline ? (
        <textarea
          {...common}
          rows={4}
          onChange={(e) => props.onChange(e.target.value)}
          maxLength={props.maxLength}
        />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          maxLength={props.maxLength}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {props.hint ? (
        <small id={ids.hint} className="hint">
          {props.hint}
        </small>
      ) : null}
      <FieldMessages id={ids.error} messages={messages} />
    </div>
  );
}

export function SelectField(
  props: FieldProps & {
    options: readonly string[];
    emptyLabel?: string;
    format?: (v: string) => string;
  },
) {
  const ids = useFieldIds(props.name);
  const messages = props.errors?.messagesFor(props.name) ?? [];
  return (
    <div className={`field${messages.length ? ' invalid' : ''}`}>
      <label htmlFor={ids.input}>{props.label}</label>
      <select
        id={ids.input}
        name={props.name}
        value={props.value}
        required={props.required}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={messages.length ? ids.error : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.format ? props.format(option) : option}
          </option>
        ))}
      </select>
      <FieldMessages id={ids.error} messages={messages} />
    </div>
  );
}

export function CheckboxGroup(props: {
  legend: string;
  name: string;
  options: readonly string[];
  value: string[];
  onChange: (value: string[]) => void;
  errors?: ApiError | null;
  format?: (v: string) => string;
}) {
  const ids = useFieldIds(props.name);
  const messages = props.errors?.messagesFor(props.name) ?? [];
  return (
    <fieldset
      className={`field checkboxes${messages.length ? ' invalid' : ''}`}
      aria-describedby={messages.length ? ids.error : undefined}
    >
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            name={props.name}
            value={option}
            checked={props.value.includes(option)}
            onChange={(e) =>
              props.onChange(
                e.target.checked
                  ? [...props.value, option]
                  : props.value.filter((v) => v !== option),
              )
            }
          />
          {props.format ? props.format(option) : option}
        </label>
      ))}
      <FieldMessages id={ids.error} messages={messages} />
    </fieldset>
  );
}

/** Errors the form shows by no field (the rest are shown beside their fields). */
export function FormErrors({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error) return null;
  if (error instanceof ApiError && error.fieldErrors.length) {
    const elsewhere = error.fieldErrors.filter((e) => !fields.includes(e.field));
    return (
      <div className="error" role="alert">
        <strong>Please correct the fields marked in red.</strong>
        {elsewhere.length ? (
          <ul>
            {elsewhere.map((e) => (
              <li key={e.field}>
                {e.field}: {e.messages.join('; ')}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

export { formatDateTime } from './format';

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}

/** Downloads a text body (CSV, HTML) under a file name. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Previous / next over cursor pages; the cursor is in the URL, earlier ones in `trail` (comma-separated). */
export function Pager(props: {
  hasPrevious: boolean;
  nextCursor?: string;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  onFirst: () => void;
}) {
  if (!props.hasPrevious && !props.nextCursor) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={props.onFirst} disabled={!props.hasPrevious}>
        First page
      </button>
      <button type="button" onClick={props.onPrevious} disabled={!props.hasPrevious}>
        Previous page
      </button>
      <button
        type="button"
        onClick={() => props.nextCursor && props.onNext(props.nextCursor)}
        disabled={!props.nextCursor}
      >
        Next page
      </button>
    </nav>
  );
}

/** A row of toggle buttons, one per action: the open one is pressed, and its form shows below. */
export function ActionButtons<A extends string>(props: {
  label: string;
  actions: readonly A[];
  labels: Record<A, string>;
  open: A | null;
  onToggle: (action: A | null) => void;
}) {
  return (
    <div className="action-buttons" role="group" aria-label={props.label}>
      {props.actions.map((action) => (
        <button
          key={action}
          type="button"
          aria-expanded={props.open === action}
          onClick={() => props.onToggle(props.open === action ? null : action)}
          className={props.open === action ? 'selected' : undefined}
        >
          {props.labels[action]}
        </button>
      ))}
    </div>
  );
}
