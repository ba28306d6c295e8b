import { useState, type FormEvent } from 'react';
import { PERSON_ROLES } from '@sfp/contracts';
import { ApiError, get, patch, post } from '../api/client';
import { label, type User } from '../api/types';
import {
  Badge,
  CheckboxGroup,
  Empty,
  ErrorMessage,
  FormErrors,
  formatDateTime,
  Loading,
  Notice,
  TextField,
  useLoad,
} from '../components/ui';
import { useRouteSearch } from '../routing/paths';

/** People who sign in, their roles; create, edit, reset passwords, unlock (platform:admin). */
export function UsersPage() {
  const users = useLoad(() => get<User[]>('/api/auth/users'), 'users');
  const [search, update] = useRouteSearch('users');
  const selected = search.get('user');
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const filter = (search.get('q') ?? '').toLowerCase();
  const shown = (users.data ?? []).filter(
    (u) =>
      !filter ||
      `${u.username} ${u.displayName} ${u.roles.join(' ')}`.toLowerCase().includes(filter),
  );
  return (
    <main id="main">
      <h1>Users and roles</h1>
      {secret ? (
        <OneTimeSecret
          title={`One-time password for ${secret.username}`}
          secret={secret.password}
          onDismiss={() => setSecret(null)}
          note="Give it to the person; they must change it at their first sign-in. It is not shown again."
        />
      ) : null}
      <div className="field inline">
        <label htmlFor="users-q">Find</label>
        <input
          id="users-q"
          type="search"
          value={search.get('q') ?? ''}
          onChange={(e) => update({ q: e.target.value || undefined }, { replace: true })}
        />
      </div>
      <ErrorMessage error={users.error} />
      {!users.data && users.loading ? <Loading what="Loading users" /> : null}
      {users.data && shown.length === 0 ? <Empty>No user matches.</Empty> : null}
      {shown.length ? (
        <table className="list" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Roles</th>
              <th scope="col">Department</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Edit</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.displayName}
                  <div className="sub">{user.username}</div>
                </td>
                <td>{user.roles.map(label).join(', ')}</td>
                <td>{user.department ?? '—'}</td>
                <td>
                  {user.disabled ? (
                    <Badge kind="bad">disabled</Badge>
                  ) : (
                    <Badge kind="good">active</Badge>
                  )}{' '}
                  {user.locked ? <Badge kind="bad">locked</Badge> : null}{' '}
                  {user.passwordChangeRequired ? (
                    <Badge kind="warn">one-time password</Badge>
                  ) : null}
                </td>
                <td>{formatDateTime(user.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => update({ user: selected === user.id ? undefined : user.id })}
                    aria-expanded={selected === user.id}
                  >
                    {selected === user.id ? 'Close' : `Edit ${user.username}`}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {selected && users.data ? (
        <EditUser
          key={selected + (users.data.find((u) => u.id === selected)?.roles.join() ?? '')}
          user={users.data.find((u) => u.id === selected)}
          onSaved={users.reload}
          onSecret={setSecret}
        />
      ) : null}
      <CreateUser
        onCreated={(username, password) => {
          users.reload();
          if (password) setSecret({ username, password });
        }}
      />
    </main>
  );
}

function CreateUser({
  onCreated,
}: {
  onCreated: (username: string, oneTimePassword?: string) => void;
}) {
  const [values, setValues] = useState({ username: '', displayName: '', department: '' });
  const [roles, setRoles] = useState<string[]>(['operator']);
  const [error, setError] = useState<unknown>(null);
  const errors = error instanceof ApiError ? error : null;
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await post<{ user: User; oneTimePassword?: string }>('/api/auth/users', {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        roles,
        ...(values.department.trim() ? { department: values.department.trim() } : {}),
      });
      setValues({ username: '', displayName: '', department: '' });
      onCreated(created.user.username, created.oneTimePassword);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-user-heading" noValidate>
      <h2 id="create-user-heading">Add a user</h2>
      <p>
        A one-time password is generated and shown once; the person chooses their own at the first
        sign-in.
      </p>
      <TextField
        label="User name"
        name="username"
        value={values.username}
        onChange={set('username')}
        errors={errors}
        required
        hint="3–60 letters, digits, . _ @ -"
      />
      <TextField
        label="Display name"
        name="displayName"
        value={values.displayName}
        onChange={set('displayName')}
        errors={errors}
        required
      />
      <TextField
        label="Department (optional)"
        name="department"
        value={values.department}
        onChange={set('department')}
        errors={errors}
      />
      <CheckboxGroup
        legend="Roles"
        name="roles"
        options={PERSON_ROLES}
        value={roles}
        onChange={setRoles}
        format={label}
        errors={errors}
      />
      <FormErrors error={error} fields={['username', 'displayName', 'department', 'roles']} />
      <button type="submit" className="primary">
        Add the user
      </button>
    </form>
  );
}

function EditUser({
  user,
  onSaved,
  onSecret,
}: {
  user: User | undefined;
  onSaved: () => void;
  onSecret: (s: { username: string; password: string }) => void;
}) {
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [department, setDepartment] = useState(user?.department ?? '');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  if (!user) return <ErrorMessage error={new Error('No such user')} />;
  const errors = error instanceof ApiError ? error : null;
  const run = async (what: string, action: () => Promise<unknown>) => {
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(what);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run('Saved.', () =>
      patch(`/api/auth/users/${user.id}`, {
        displayName: displayName.trim(),
        roles,
        department: department.trim() || null,
      }),
    );
  };
  return (
    <form className="panel" onSubmit={save} aria-labelledby="edit-user-heading" noValidate>
      <h2 id="edit-user-heading">Edit {user.username}</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      <TextField
        label="Display name"
        name="displayName"
        value={displayName}
        onChange={setDisplayName}
        errors={errors}
        required
      />
      <TextField
        label="Department"
        name="department"
        value={department}
        onChange={setDepartment}
        errors={errors}
        hint="Empty removes it"
      />
      <CheckboxGroup
        legend="Roles"
        name="roles"
        options={PERSON_ROLES}
        value={roles}
        onChange={setRoles}
        format={label}
        errors={errors}
      />
      <FormErrors error={error} fields={['displayName', 'department', 'roles']} />
      <div className="actions">
        <button type="submit" className="primary">
          Save changes
        </button>
        <button
          type="button"
          onClick={() =>
            void run(user.disabled ? 'Enabled.' : 'Disabled: their sessions have ended.', () =>
              patch(`/api/auth/users/${user.id}`, { disabled: !user.disabled }),
            )
          }
        >
          {user.disabled ? 'Enable' : 'Disable'} {user.username}
        </button>
        {user.locked ? (
          <button
            type="button"
            onClick={() => void run('Unlocked.', () => post(`/api/auth/users/${user.id}/unlock`))}
          >
            Unlock
          </button>
        ) : null}
        {confirmReset ? (
          <span className="confirm">
            Reset the password of {user.username}? Their sessions end.{' '}
            <button
              type="button"
              onClick={() =>
                void run('Password reset.', async () => {
                  setConfirmReset(false);
                  const result = await post<{ oneTimePassword: string }>(
                    `/api/auth/users/${user.id}/password-reset`,
                  );
                  onSecret({ username: user.username, password: result.oneTimePassword });
                })
              }
            >
              Yes, reset
            </button>
            <button type="button" onClick={() => setConfirmReset(false)}>
              No
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirmReset(true)}>
            Reset password
          </button>
        )}
      </div>
    </form>
  );
}

/** A secret shown once, with a copy button. */
export function OneTimeSecret({
  title,
  secret,
  note,
  onDismiss,
}: {
  title: string;
  secret: string;
  note: string;
  onDismiss: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret" role="alert">
      <strong>{title}</strong>
      <p>{note}</p>
      <code data-testid="one-time-secret">{secret}</code>{' '}
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard?.writeText(secret).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : 'Copy'}
      </button>{' '}
      <button type="button" onClick={onDismiss}>
        I have kept it — hide
      </button>
    </div>
  );
}
