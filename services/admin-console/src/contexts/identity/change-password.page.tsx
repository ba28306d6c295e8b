import { useState, type FormEvent } from 'react';
import { Notice } from '../../components/feedback';
import { FormErrors, SubmitButton, TextField } from '../../components/fields';
import { useCommandForm } from '../../components/use-command-form';
import { useAuth } from '../../session';

/** The one-time password change (forced, before anything else) or a voluntary one. */
export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const { me, changePassword, signOut } = useAuth();
  const [done, setDone] = useState(false);
  const form = useCommandForm({
    initial: { currentPassword: '', newPassword: '', repeat: '' },
    invalidates: [],
    resetOnSuccess: true,
    send: (v) => {
      setDone(false);
      return changePassword(v.currentPassword, v.newPassword);
    },
    onSuccess: () => setDone(true),
  });
  const { newPassword, repeat } = form.values;
  const mismatch = repeat.length > 0 && newPassword !== repeat;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (newPassword === repeat) form.onSubmit(event);
    else event.preventDefault();
  };
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
          type="password"
          {...form.bind('currentPassword')}
          required
          autoComplete="current-password"
        />
        <TextField
          label="New password"
          type="password"
          {...form.bind('newPassword')}
          required
          autoComplete="new-password"
        />
        <TextField
          label="Repeat the new password"
          type="password"
          {...form.bind('repeat')}
          errors={{
            messagesFor: (field) =>
              field === 'repeat' && mismatch ? ['The two new passwords differ'] : [],
          }}
          required
          autoComplete="new-password"
        />
        <FormErrors form={form} />
        <div className="actions">
          <SubmitButton busy={form.busy} busyLabel="Changing…" disabled={mismatch}>
            Change password
          </SubmitButton>
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
