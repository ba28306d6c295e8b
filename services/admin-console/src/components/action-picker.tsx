// The commands a record's status allows (its context's transition table in
// @sfp/contracts, by which the API refuses the rest): one toggle button each;
// the open one's form shows below.
import { useState, type ReactNode } from 'react';

export function ActionPicker<A extends string>(props: {
  /** The group's accessible name ('Actions this status allows'). */
  label: string;
  allowed: readonly A[];
  labels: Record<A, string>;
  /** Said when the status allows nothing. */
  none: string;
  /** The open action's form; `close` folds it. */
  children: (action: A, close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState<A | null>(null);
  if (props.allowed.length === 0) return <p className="empty">{props.none}</p>;
  // A status change may withdraw the open action.
  const current = open && props.allowed.includes(open) ? open : null;
  return (
    <div>
      <div className="action-buttons" role="group" aria-label={props.label}>
        {props.allowed.map((action) => (
          <button
            key={action}
            type="button"
            aria-expanded={current === action}
            onClick={() => setOpen(current === action ? null : action)}
            className={current === action ? 'selected' : undefined}
          >
            {props.labels[action]}
          </button>
        ))}
      </div>
      {current ? props.children(current, () => setOpen(null)) : null}
    </div>
  );
}
