import { useState } from 'react';
import { PERSON_ROLES, type PersonRole } from '@sfp/contracts';
import { useCommand } from '../../api/query';
import { ConfirmButton } from '../../components/confirm';
import { ErrorMessage, Notice } from '../../components/feedback';
import { CheckboxGroup, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { useCommandForm } from '../../components/use-command-form';
import { IDENTITY, identityCommands, type User } from './identity.api';

/** A one-time password to show once, with whose it is. */
export interface Secret {
  username: string;
  password: string;
}

const isPersonRole = (role: string): role is PersonRole =>
  (PERSON_ROLES as readonly string[]).includes(role);

/** Adds a user with a one-time password, shown once; they choose their own at the first sign-in. */
export function CreateUser({ onSecret }: { onSecret: (secret: Secret) => void }) {
  const form = useCommandForm({
    initial: { username: '', displayName: '', department: '', roles: ['operator'] as PersonRole[] },
    invalidates: [IDENTITY],
    resetOnSuccess: true,
    send: (v) =>
      identityCommands.createUser({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        roles: v.roles,
        ...(v.department.trim() ? { department: v.department.trim() } : {}),
      }),
    onSuccess: (created) => {
      if (created.oneTimePassword)
        onSecret({ username: created.user.username, password: created.oneTimePassword });
    },
  });
  const { bind } = form;
  return (
    <FormPanel title="Add a user" onSubmit={form.onSubmit}>
      <p>
        A one-time password is generated and shown once; the person chooses their own at the first
        sign-in.
      </p>
      <TextField
        label="User name"
        {...bind('username')}
        required
        hint="3–60 letters, digits, . _ @ -"
      />
      <TextField label="Display name" {...bind('displayName')} required />
      <TextField label="Department (optional)" {...bind('department')} />
      <CheckboxGroup legend="Roles" {...bind('roles')} options={PERSON_ROLES} />
      <FormFooter form={form} submit="Add the user" busyLabel="Adding…" />
    </FormPanel>
  );
}

/** A user's name, department and roles; enable or disable, unlock, reset the password. */
export function EditUser(props: { user: User | undefined; onSecret: (secret: Secret) => void }) {
  const { user } = props;
  const [notice, setNotice] = useState<string | null>(null);
  const form = useCommandForm({
    initial: {
      displayName: user?.displayName ?? '',
      department: user?.department ?? '',
      roles: (user?.roles ?? []).filter(isPersonRole),
    },
    invalidates: [IDENTITY],
    send: (v) =>
      identityCommands.changeUser(user?.id ?? '', {
        displayName: v.displayName.trim(),
        roles: v.roles,
        department: v.department.trim() || null,
      }),
    onSuccess: () => setNotice('Saved.'),
  });
  const action = useCommand(
    async (run: { done: string; send: () => Promise<unknown> }) => {
      setNotice(null);
      await run.send();
      return run.done;
    },
    { invalidates: [IDENTITY], onSuccess: setNotice },
  );
  if (!user) return <ErrorMessage error={new Error('No such user')} />;
  const resetPassword = async () => {
    const result = await identityCommands.resetPassword(user.id);
    props.onSecret({ username: user.username, password: result.oneTimePassword });
  };
  const { bind } = form;
  return (
    <FormPanel title={`Edit ${user.username}`} onSubmit={form.onSubmit}>
      {notice ? <Notice>{notice}</Notice> : null}
      <TextField label="Display name" {...bind('displayName')} required />
      <TextField label="Department" {...bind('department')} hint="Empty removes it" />
      <CheckboxGroup legend="Roles" {...bind('roles')} options={PERSON_ROLES} />
      <ErrorMessage error={action.error} />
      <FormFooter form={form} submit="Save changes" busyLabel="Saving…">
        <button
          type="button"
          disabled={action.busy}
          onClick={() =>
            action.run({
              done: user.disabled ? 'Enabled.' : 'Disabled: their sessions have ended.',
              send: () => identityCommands.changeUser(user.id, { disabled: !user.disabled }),
            })
          }
        >
          {user.disabled ? 'Enable' : 'Disable'} {user.username}
        </button>
        {user.locked ? (
          <button
            type="button"
            disabled={action.busy}
            onClick={() =>
              action.run({ done: 'Unlocked.', send: () => identityCommands.unlockUser(user.id) })
            }
          >
            Unlock
          </button>
        ) : null}
        <ConfirmButton
          question={`Reset the password of ${user.username}? Their sessions end.`}
          confirm="Yes, reset"
          onConfirm={() => action.run({ done: 'Password reset.', send: resetPassword })}
        >
          Reset password
        </ConfirmButton>
      </FormFooter>
    </FormPanel>
  );
}
