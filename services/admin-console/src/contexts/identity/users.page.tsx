import { useState } from 'react';
import { Badge, Empty, QueryState } from '../../components/feedback';
import { FilterInput } from '../../components/filters';
import { formatDateTime, label, NONE } from '../../components/format';
import { OneTimeSecret } from '../../components/one-time-secret';
import { ListTable, Unseen } from '../../components/table';
import { useListPage } from '../../components/use-list-page';
import { ACCOUNT_COLUMNS, identityQueries, type User } from './identity.api';
import { CreateUser, EditUser, type Secret } from './user-forms';

const COLUMNS = ['User', 'Roles', ...ACCOUNT_COLUMNS, <Unseen key="edit">Edit</Unseen>];

/** People who sign in, their roles; create, edit, reset passwords, unlock (platform:admin). */
export function UsersPage() {
  const {
    list: users,
    search,
    update,
    selected,
  } = useListPage(identityQueries.users(), 'users', 'user');
  const [secret, setSecret] = useState<Secret | null>(null);
  const filter = (search.get('q') ?? '').toLowerCase();
  const shown = (users.data ?? []).filter(
    (u) =>
      !filter ||
      `${u.username} ${u.displayName} ${u.roles.join(' ')}`.toLowerCase().includes(filter),
  );
  const editing = users.data?.find((u) => u.id === selected);
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
      <FilterInput
        label="Find"
        type="search"
        inline
        value={search.get('q') ?? ''}
        onChange={(q) => update({ q }, { replace: true })}
      />
      <QueryState query={users} what="Loading users" />
      {users.data && shown.length === 0 ? <Empty>No user matches.</Empty> : null}
      {shown.length ? (
        <ListTable label="Users" columns={COLUMNS}>
          {shown.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              open={selected === user.id}
              onToggle={() => update({ user: selected === user.id ? undefined : user.id })}
            />
          ))}
        </ListTable>
      ) : null}
      {selected && users.data ? (
        <EditUser
          key={selected + (editing?.roles.join() ?? '')}
          user={editing}
          onSecret={setSecret}
        />
      ) : null}
      <CreateUser onSecret={setSecret} />
    </main>
  );
}

function UserRow(props: { user: User; open: boolean; onToggle: () => void }) {
  const { user } = props;
  return (
    <tr>
      <td>
        {user.displayName}
        <div className="sub">{user.username}</div>
      </td>
      <td>{user.roles.map(label).join(', ')}</td>
      <td>{user.department ?? NONE}</td>
      <td>
        {user.disabled ? <Badge kind="bad">disabled</Badge> : <Badge kind="good">active</Badge>}{' '}
        {user.locked ? <Badge kind="bad">locked</Badge> : null}{' '}
        {user.passwordChangeRequired ? <Badge kind="warn">one-time password</Badge> : null}
      </td>
      <td>{formatDateTime(user.createdAt)}</td>
      <td>
        <button type="button" onClick={props.onToggle} aria-expanded={props.open}>
          {props.open ? 'Close' : `Edit ${user.username}`}
        </button>
      </td>
    </tr>
  );
}
