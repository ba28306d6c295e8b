import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useCommand } from '../../api/query';
import { ConfirmButton } from '../../components/confirm';
import { Badge, Empty, ErrorMessage, QueryState } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { numberOf } from '../../components/form-values';
import { formatDateTime } from '../../components/format';
import { OneTimeSecret } from '../../components/one-time-secret';
import { ListTable, Unseen } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { IDENTITY, identityCommands, identityQueries } from './identity.api';

const COLUMNS = ['Label', 'Key id', 'State', 'Created', 'Expires', <Unseen key="r">Revoke</Unseen>];

/** A client's API keys: issue one (its secret shown once), revoke one. */
export function ClientKeys({ clientId, name }: { clientId: string; name: string | undefined }) {
  const keys = useQuery(identityQueries.keys(clientId));
  const [issued, setIssued] = useState<string | null>(null);
  const revoke = useCommand((keyId: string) => identityCommands.revokeKey(clientId, keyId), {
    invalidates: [IDENTITY],
  });
  const issue = useCommandForm({
    initial: { label: '', expiresInDays: '90' },
    invalidates: [IDENTITY],
    resetOnSuccess: true,
    send: (v) =>
      identityCommands.issueKey(clientId, {
        label: v.label.trim(),
        expiresInDays: numberOf(v.expiresInDays),
      }),
    onSuccess: (result) => setIssued(result.apiKey),
  });
  return (
    <section className="panel" aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys of {name ?? clientId}</h2>
      {issued ? (
        <OneTimeSecret
          title="The new API key"
          secret={issued}
          note="Copy it into the department's system now: the platform keeps only a hash, and it is not shown again."
          onDismiss={() => setIssued(null)}
        />
      ) : null}
      <QueryState query={keys} what="Loading keys" />
      <ErrorMessage error={revoke.error} />
      {keys.data?.length === 0 ? <Empty>No key yet.</Empty> : null}
      {keys.data?.length ? (
        <ListTable label="API keys" columns={COLUMNS}>
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
                {key.status === 'active' ? (
                  <ConfirmButton
                    question={`Revoke ${key.label}?`}
                    confirm="Yes, revoke"
                    onConfirm={() => revoke.run(key.id)}
                  >
                    Revoke
                  </ConfirmButton>
                ) : null}
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      <form onSubmit={issue.onSubmit} aria-label="Issue an API key" noValidate>
        <h3>Issue a key</h3>
        <TextField
          label="Label"
          {...issue.bind('label')}
          required
          hint="Where it is used, e.g. production ERP"
        />
        <TextField
          label="Expires in (days)"
          type="number"
          {...issue.bind('expiresInDays')}
          hint="1 to 730"
        />
        <FormFooter form={issue} submit="Issue the key" busyLabel="Issuing…" />
      </form>
    </section>
  );
}
