import { ErrorMessage } from '../../components/feedback';
import { SubmitButton, TextField } from '../../components/fields';
import { useCommandForm } from '../../components/use-command-form';
import { useAuth } from '../../session';

/** Sign-in with a user name and password; shown at any path until signed in. */
export function SignInPage() {
  const { signIn } = useAuth();
  const form = useCommandForm({
    initial: { username: '', password: '' },
    invalidates: [],
    send: (v) => signIn(v.username.trim(), v.password),
  });
  const refused = form.errors?.status === 401 ? form.errors : null;
  return (
    <main className="narrow" id="main">
      <h1>Sign in to the SFP Platform</h1>
      <p>
        Administrators, operators and analysts sign in with their user name. On the first start, the
        administrator is <code>admin</code> with the one-time password the platform printed.
      </p>
      <form onSubmit={form.onSubmit} aria-label="Sign in">
        <TextField label="User name" {...form.bind('username')} required autoComplete="username" />
        <TextField
          label="Password"
          type="password"
          {...form.bind('password')}
          required
          autoComplete="current-password"
        />
        {refused ? (
          <div className="error" role="alert">
            <strong>Wrong user name or password.</strong> {refused.message}
          </div>
        ) : (
          <ErrorMessage error={form.error} />
        )}
        <SubmitButton busy={form.busy} busyLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
    </main>
  );
}
