import { useState, type FormEvent } from 'react';
import { useCommand } from '../../api/query';
import { ApiError } from '../../api/client';
import { Notice } from '../../components/feedback';
import { FormErrors, TextField } from '../../components/fields';
import { HELP_DESK_KEY, helpDeskCommands } from '../help-desk/help-desk.api';

interface Erased {
  email: string;
  personId: string;
  erased: boolean;
}

/**
 * Erases a person's personal data (platform:admin): their key is deleted, so
 * every personal field of theirs in the help desk reads "[erased]"; events
 * and figures stay. The address is typed twice: it cannot be undone.
 */
export function ErasurePage() {
  const [email, setEmail] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<Erased | null>(null);
  const erase = useCommand((address: string) => helpDeskCommands.erasePersonalData(address), {
    invalidates: [HELP_DESK_KEY],
    onSuccess: (answer, address) => {
      setResult({ email: address, ...answer });
      setEmail('');
      setConfirming(false);
    },
    onError: () => setConfirming(false),
  });
  const ask = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    erase.reset();
    setTyped('');
    setConfirming(true);
  };
  const matches = typed.trim().toLowerCase() === email.trim().toLowerCase();
  return (
    <main id="main" className="medium">
      <h1>Erase a person&apos;s personal data</h1>
      <p>
        For a request under data-protection rules. The person&apos;s name and e-mail address in
        every help-desk request become <code>[erased]</code>; the requests, their history and the
        statistics stay. <strong>This cannot be undone.</strong>
      </p>
      {result ? <ErasureNotice result={result} /> : null}
      <form onSubmit={ask} aria-label="Erase personal data" noValidate>
        <TextField
          label="The person's e-mail address"
          name="email"
          type="email"
          value={email}
          onChange={(value) => {
            setEmail(value);
            setConfirming(false);
          }}
          errors={erase.error instanceof ApiError ? erase.error : null}
          required
        />
        <FormErrors form={{ error: erase.error, fields: ['email'] }} />
        {!confirming ? (
          <button type="submit" className="danger" disabled={!email.trim()}>
            Erase…
          </button>
        ) : null}
      </form>
      {confirming ? (
        <div
          className="panel danger-zone"
          role="alertdialog"
          aria-labelledby="erase-confirm-title"
          aria-describedby="erase-confirm-text"
        >
          <h2 id="erase-confirm-title">Confirm the erasure</h2>
          <p id="erase-confirm-text">
            Type the address <strong>{email.trim()}</strong> again to erase this person&apos;s
            personal data for good.
          </p>
          <TextField
            label="Type the e-mail address to confirm"
            name="confirm"
            value={typed}
            onChange={setTyped}
            autoComplete="off"
          />
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={erase.busy || !matches}
              onClick={() => erase.run(email.trim())}
            >
              {erase.busy ? 'Erasing…' : 'Erase for good'}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </main>
  );
}

function ErasureNotice({ result }: { result: Erased }) {
  return (
    <Notice>
      {result.erased ? (
        <>
          Erased: the personal data of <strong>{result.email}</strong> ({result.personId}) now reads
          [erased].
        </>
      ) : (
        <>
          Nothing was held for <strong>{result.email}</strong> ({result.personId}); nothing to
          erase.
        </>
      )}
    </Notice>
  );
}
