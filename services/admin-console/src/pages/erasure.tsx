import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../api/client';
import { FormErrors, Notice, TextField } from '../components/ui';

/**
 * Erases a person's personal data (platform:admin): their key is deleted, so
 * every personal field of theirs reads "[erased]"; events and figures stay.
 */
export function ErasurePage() {
  const [email, setEmail] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<{ email: string; personId: string; erased: boolean } | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = error instanceof ApiError ? error : null;
  const ask = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setError(null);
    setTyped('');
    setConfirming(true);
  };
  const erase = async () => {
    setBusy(true);
    try {
      const answer = await post<{ personId: string; erased: boolean }>(
        '/api/help-desk/personal-data/erasures',
        { email: email.trim() },
      );
      setResult({ email: email.trim(), ...answer });
      setEmail('');
      setConfirming(false);
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="medium">
      <h1>Erase a person&apos;s personal data</h1>
      <p>
        For a request under data-protection rules. The person&apos;s name and e-mail address in
        every help-desk request become <code>[erased]</code>; the requests, their history and the
        statistics stay. <strong>This cannot be undone.</strong>
      </p>
      {result ? (
        <Notice>
          {result.erased ? (
            <>
              Erased: the personal data of <strong>{result.email}</strong> ({result.personId}) now
              reads [erased].
            </>
          ) : (
            <>
              Nothing was held for <strong>{result.email}</strong> ({result.personId}); nothing to
              erase.
            </>
          )}
        </Notice>
      ) : null}
      <form onSubmit={ask} aria-label="Erase personal data" noValidate>
        <TextField
          label="The person's e-mail address"
          name="email"
          type="email"
          value={email}
          onChange={(v) => {
            setEmail(v);
            setConfirming(false);
          }}
          errors={errors}
          required
        />
        <FormErrors error={error} fields={['email']} />
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
          <div className="field">
            <label htmlFor="erase-confirm">Type the e-mail address to confirm</label>
            <input
              id="erase-confirm"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
            />
          </div>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={busy || typed.trim().toLowerCase() !== email.trim().toLowerCase()}
              onClick={() => void erase()}
            >
              {busy ? 'Erasing…' : 'Erase for good'}
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
