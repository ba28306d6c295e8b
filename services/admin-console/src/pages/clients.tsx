import { useState, type FormEvent } from 'react';
import { ApiError, get, patch, post } from '../api/client';
import type { ApiKey, IntegrationClient } from '../api/types';
import {
  Badge,
  Empty,
  ErrorMessage,
  FormErrors,
  formatDateTime,
  Loading,
  TextField,
  useLoad,
} from '../components/ui';
import { useRouteSearch } from '../routing/paths';
import { OneTimeSecret } from './users';

/** Departments' systems and their API keys (platform:admin). A new key is shown once. */
export function ClientsPage() {
  const clients = useLoad(() => get<IntegrationClient[]>('/api/auth/clients'), 'clients');
  const [search, update] = useRouteSearch('clients');
  const selected = search.get('client');
  const [error, setError] = useState<unknown>(null);
  const toggle = async (client: IntegrationClient) => {
    setError(null);
    try {
      await patch(`/api/auth/clients/${client.id}`, { disabled: !client.disabled });
      clients.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <main id="main">
      <h1>Integration clients and API keys</h1>
      <p>
        An integration client is a department&apos;s system: it acts for its department only, with
        API keys that expire and can be revoked.
      </p>
      <ErrorMessage error={clients.error ?? error} />
      {!clients.data && clients.loading ? <Loading what="Loading clients" /> : null}
      {clients.data?.length === 0 ? <Empty>No integration client yet.</Empty> : null}
      {clients.data?.length ? (
        <table className="list" aria-label="Integration clients">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Department</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
                    onClick={() =>
                      update({ client: selected === client.id ? undefined : client.id })
                    }
                    aria-expanded={selected === client.id}
                  >
                    {selected === client.id ? 'Hide keys' : `Keys of ${client.name}`}
                  </button>
                  <button type="button" onClick={() => void toggle(client)}>
                    {client.disabled ? 'Enable' : 'Disable'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {selected ? (
        <ClientKeys
          key={selected}
          client={clients.data?.find((c) => c.id === selected)}
          clientId={selected}
        />
      ) : null}
      <CreateClient
        onCreated={(client) => {
          clients.reload();
          update({ client: client.id });
        }}
      />
    </main>
  );
}

function CreateClient({ onCreated }: { onCreated: (client: IntegrationClient) => void }) {
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = error instanceof ApiError ? error : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const client = await post<IntegrationClient>('/api/auth/clients', {
        name: name.trim(),
        department: department.trim(),
      });
      setName('');
      setDepartment('');
      onCreated(client);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-client-heading" noValidate>
      <h2 id="create-client-heading">Add an integration client</h2>
      <TextField
        label="System name"
        name="name"
        value={name}
        onChange={setName}
        errors={errors}
        required
        hint="Unique, e.g. finance-dept-erp"
      />
      <TextField
        label="Department"
        name="department"
        value={department}
        onChange={setDepartment}
        errors={errors}
        required
        hint="It sees only this department's records"
      />
      <FormErrors error={error} fields={['name', 'department']} />
      <button type="submit" className="primary">
        Add the client
      </button>
    </form>
  );
}

function ClientKeys({
  client,
  clientId,
}: {
  client: IntegrationClient | undefined;
  clientId: string;
}) {
  const keys = useLoad(() => get<ApiKey[]>(`/api/auth/clients/${clientId}/keys`), clientId);
  const [labelText, setLabel] = useState('');
  const [days, setDays] = useState('90');
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const errors = error instanceof ApiError ? error : null;
  const issue = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await post<{ key: ApiKey; apiKey: string }>(
        `/api/auth/clients/${clientId}/keys`,
        { label: labelText.trim(), expiresInDays: Number(days) },
      );
      setIssued(result.apiKey);
      setLabel('');
      keys.reload();
    } catch (e) {
      setError(e);
    }
  };
  const revoke = async (keyId: string) => {
    setError(null);
    setRevoking(null);
    try {
      await post(`/api/auth/clients/${clientId}/keys/${keyId}/revoke`);
      keys.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="panel" aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys of {client?.name ?? clientId}</h2>
      {issued ? (
        <OneTimeSecret
          title="The new API key"
          secret={issued}
          note="Copy it into the department's system now: the platform keeps only a hash, and it is not shown again."
          onDismiss={() => setIssued(null)}
        />
      ) : null}
      <ErrorMessage error={keys.error} />
      {!keys.data && keys.loading ? <Loading what="Loading keys" /> : null}
      {keys.data?.length === 0 ? <Empty>No key yet.</Empty> : null}
      {keys.data?.length ? (
        <table className="list" aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Key id</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((key) => (
              <tr key={key.id}>
                <td>{key.label}</td>
                <td>
                  <code>{key.id}</code>
                </td>
                <td>
                  <Badge kind={key.status === 'active' ? 'good' : 'bad'}>{key.status}</Badge>
                </td>
                <td>{formatDateTime(key.createdAt)}</td>
                <td>{formatDateTime(key.expiresAt)}</td>
                <td>
                  {key.status !== 'active' ? null : revoking === key.id ? (
                    <span className="confirm">
                      Revoke {key.label}?{' '}
                      <button type="button" onClick={() => void revoke(key.id)}>
                        Yes, revoke
                      </button>
                      <button type="button" onClick={() => setRevoking(null)}>
                        No
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setRevoking(key.id)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form onSubmit={issue} aria-label="Issue an API key" noValidate>
        <h3>Issue a key</h3>
        <TextField
          label="Label"
          name="label"
          value={labelText}
          onChange={setLabel}
          errors={errors}
          required
          hint="Where it is used, e.g. production ERP"
        />
        <TextField
          label="Expires in (days)"
          name="expiresInDays"
          type="number"
          value={days}
          onChange={setDays}
          errors={errors}
          hint="1 to 730"
        />
        <FormErrors error={error} fields={['label', 'expiresInDays']} />
        <button type="submit" className="primary">
          Issue the key
        </button>
      </form>
    </section>
  );
}
