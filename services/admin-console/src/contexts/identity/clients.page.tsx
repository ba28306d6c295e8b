import { useCommand } from '../../api/query';
import { Badge, Empty, ErrorMessage, QueryState } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { formatDateTime } from '../../components/format';
import { ListTable, Unseen } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { useListPage } from '../../components/use-list-page';
import { ClientKeys } from './client-keys';
import {
  ACCOUNT_COLUMNS,
  IDENTITY,
  identityCommands,
  identityQueries,
  type IntegrationClient,
} from './identity.api';

const COLUMNS = ['Client', ...ACCOUNT_COLUMNS, <Unseen key="actions">Actions</Unseen>];

/** Departments' systems and their API keys (platform:admin). A new key is shown once. */
export function ClientsPage() {
  const {
    list: clients,
    update,
    selected,
  } = useListPage(identityQueries.clients(), 'clients', 'client');
  const toggle = useCommand(
    (client: IntegrationClient) => identityCommands.setClientDisabled(client.id, !client.disabled),
    { invalidates: [IDENTITY] },
  );
  return (
    <main id="main">
      <h1>Integration clients and API keys</h1>
      <p>
        An integration client is a department&apos;s system: it acts for its department only, with
        API keys that expire and can be revoked.
      </p>
      <QueryState query={clients} what="Loading clients" />
      <ErrorMessage error={toggle.error} />
      {clients.data?.length === 0 ? <Empty>No integration client yet.</Empty> : null}
      {clients.data?.length ? (
        <ListTable label="Integration clients" columns={COLUMNS}>
          {clients.data.map((client) => (
            <tr key={client.id}>
              <td>
                {client.name}
                <div className="sub">{client.id}</div>
              </td>
              <td>{client.department}</td>
              <td>
                {client.disabled ? (
                  <Badge kind="bad">disabled</Badge>
                ) : (
                  <Badge kind="good">enabled</Badge>
                )}
              </td>
              <td>{formatDateTime(client.createdAt)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  onClick={() => update({ client: selected === client.id ? undefined : client.id })}
                  aria-expanded={selected === client.id}
                >
                  {selected === client.id ? 'Hide keys' : `Keys of ${client.name}`}
                </button>
                <button type="button" disabled={toggle.busy} onClick={() => toggle.run(client)}>
                  {client.disabled ? 'Enable' : 'Disable'}
                </button>
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      {selected ? (
        <ClientKeys
          key={selected}
          clientId={selected}
          name={clients.data?.find((c) => c.id === selected)?.name}
        />
      ) : null}
      <CreateClient onCreated={(client) => update({ client: client.id })} />
    </main>
  );
}

function CreateClient({ onCreated }: { onCreated: (client: IntegrationClient) => void }) {
  const form = useCommandForm({
    initial: { name: '', department: '' },
    invalidates: [IDENTITY],
    resetOnSuccess: true,
    send: (v) =>
      identityCommands.createClient({ name: v.name.trim(), department: v.department.trim() }),
    onSuccess: onCreated,
  });
  return (
    <FormPanel title="Add an integration client" onSubmit={form.onSubmit}>
      <TextField
        label="System name"
        {...form.bind('name')}
        required
        hint="Unique, e.g. finance-dept-erp"
      />
      <TextField
        label="Department"
        {...form.bind('department')}
        required
        hint="It sees only this department's records"
      />
      <FormFooter form={form} submit="Add the client" busyLabel="Adding…" />
    </FormPanel>
  );
}
