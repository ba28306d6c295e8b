import { useState } from 'react';

/** A secret shown once (a one-time password, an API key), with a copy button. */
export function OneTimeSecret(props: {
  title: string;
  secret: string;
  note: string;
  onDismiss: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret" role="alert">
      <strong>{props.title}</strong>
      <p>{props.note}</p>
      <code data-testid="one-time-secret">{props.secret}</code>{' '}
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard?.writeText(props.secret).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : 'Copy'}
      </button>{' '}
      <button type="button" onClick={props.onDismiss}>
        I have kept it — hide
      </button>
    </div>
  );
}
