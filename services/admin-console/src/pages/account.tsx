import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ErrorMessage, FormErrors, Notice, TextField } from '../components/ui';
import { useAuth } from '../session';

export function SignInPage() {
  const { signIn } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <main className="narrow" id="main">
      <h1>Sign in to the SFP Platform</h1>
      <p>
        Administrators, operators and analysts sign in with their user name. On the first start, the
        administrator is <code>admin</code> with the one-time password the platform printed.
      </p>
      <form onSubmit={submit} aria-label="Sign in">
        <TextField
          label="User name"
          name="username"
          value={username}
          onChange={setUsername}
          required
          autoComplete="username"
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          required
          autoComplete="current-password"
        />
        {error instanceof ApiError && error.status === 401 ? (
          <div className="error" role="alert">
            <strong>Wrong user name or password.</strong> {error.message}
          </div>
        ) : (
          <ErrorMessage error={error} />
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

/** The one-time password change (forced) or a voluntary one. */
export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const { me, changePassword, signOut } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat.length > 0 && next !== repeat;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const errors = error instanceof ApiError ? error : null;
  return (
    <main className="narrow" id="main">
      <h1>{forced ? 'Choose your password' : 'Change your password'}</h1>
      {forced ? (
        <p>
          Signed in as <strong>{me?.name}</strong> with a one-time password. Choose your own before
          you go on: at least 12 characters, 5 different ones, not containing your user name.
        </p>
      ) : (
        <p>
          At least 12 characters, 5 different ones, not containing your user name. Your other
          sessions are signed out.
        </p>
      )}
      {done ? <Notice>Your password has been changed.</Notice> : null}
      <form onSubmit={submit} aria-label="Change password">
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          value={current}
          onChange={setCurrent}
          required
          autoComplete="current-password"
          errors={errors}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          value={next}
          onChange={setNext}
          required
          autoComplete="new-password"
          errors={errors}
        />
        <div className={`field${mismatch ? ' invalid' : ''}`}>
          <label htmlFor="repeat-password">Repeat the new password</label>
          <input
            id="repeat-password"
            type="password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            required
            autoComplete="new-password"
            aria-invalid={mismatch || undefined}
            aria-describedby={mismatch ? 'repeat-password-error' : undefined}
          />
          {mismatch ? (
            <ul className="field-error" id="repeat-password-error">
              <li>The two new passwords differ</li>
            </ul>
          ) : null}
        </div>
        <FormErrors error={error} fields={['currentPassword', 'newPassword']} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || mismatch}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
          {forced ? (
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          ) : null}
        </div>
      </form>
    </main>
  );
}
