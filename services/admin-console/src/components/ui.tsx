// Until every page has moved to its context (src/contexts/*): the old names,
// from the shared components that replace them.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { FormErrors as Errors } from './fields';

export { Badge, Empty, ErrorMessage, Loading, Notice } from './feedback';
export { CheckboxGroup, FieldMessages, SelectField, TextField } from './fields';
export { downloadText } from './download';
export { formatDateTime } from './format';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Errors the form shows by no field (the rest are shown beside their fields). */
export function FormErrors({ error, fields }: { error: unknown; fields: readonly string[] }) {
  return <Errors form={{ error, fields }} />;
}

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
