import { useState, type ReactNode } from 'react';

/**
 * A button for an action that cannot be undone: it asks first ("Revoke the
 * key?"), then runs the action on "Yes".
 */
export function ConfirmButton(props: {
  /** The button's text, and its accessible name when it differs. */
  children: ReactNode;
  label?: string;
  question: ReactNode;
  confirm: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        aria-label={props.label}
        disabled={props.disabled}
        onClick={() => setAsking(true)}
      >
        {props.children}
      </button>
    );
  return (
    <span className="confirm">
      {props.question}{' '}
      <button
        type="button"
        className="primary"
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirm}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        No
      </button>
    </span>
  );
}
