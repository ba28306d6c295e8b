import { useState } from 'react';
import { useCommand } from '../../api/query';
import { ErrorMessage, Notice } from '../../components/feedback';
import { FilterInput } from '../../components/filters';
import { formatDateTime } from '../../components/format';
import type { DeadLetter } from '@sfp/contracts';
import { OPERATIONS_KEY, operationsCommands } from './operations.api';

/** JSON laid out for reading; anything else as it is. */
function readable(payload: string | null): string {
  if (payload === null) return '(no payload)';
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/** A letter's field errors, payload and headers, and its re-drive (with why it can be processed now). */
export function DeadLetterDetails({ letter }: { letter: DeadLetter }) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const redrive = useCommand(() => operationsCommands.redrive(letter.id, reason.trim()), {
    invalidates: [OPERATIONS_KEY],
    onSuccess: () => {
      setDone(true);
      setConfirming(false);
    },
  });
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
      <pre className="payload">{readable(letter.payload)}</pre>
      <h4>Headers</h4>
      <pre className="payload">
        {JSON.stringify(
          { key: letter.key, ...letter.headers, consumerGroup: letter.consumerGroup },
          null,
          2,
        )}
      </pre>
      {done ? <Notice>Re-driven to {letter.originalTopic}.</Notice> : null}
      <ErrorMessage error={redrive.error} />
      {letter.status === 'pending' && !done ? (
        confirming ? (
          <div className="actions">
            <FilterInput
              label="Why it can be processed now"
              value={reason}
              onChange={setReason}
              size={50}
            />
            <button
              type="button"
              className="primary"
              disabled={redrive.busy}
              onClick={() => redrive.run()}
            >
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
