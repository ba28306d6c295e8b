// Sent mail (operators): every mail to a requester the outbox holds — queued,
// sent, or failed and waiting for its next try, with the attempts — and, on
// the embedded platform and in tests, the mails the local SMTP sink caught,
// each with its text (the requester's link included).
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge, Empty, QueryState } from '../../components/feedback';
import { formatCount, formatDateTime } from '../../components/format';
import { href } from '../../routing/paths';
import { requesterQueries, type SentMail } from './requester.api';

const KIND_LABELS: Record<SentMail['outbox'][number]['kind'], string> = {
  received: 'Request received',
  replied: 'Public reply',
  resolved: 'Request resolved',
};

const STATUS_LABELS: Record<SentMail['outbox'][number]['status'], string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed, will retry',
  dropped: 'Not sent: requester’s data erased',
};

export function SentMailPage() {
  const mail = useQuery(requesterQueries.sentMail());
  const data = mail.data;
  return (
    <main id="main">
      <h1>Sent mail</h1>
      <p className="sub">
        The help desk’s mails to requesters: on receipt, on a public reply and on resolution.
      </p>
      <QueryState query={mail} what="Loading the mail" />
      {data ? (
        <>
          <section aria-labelledby="outbox-heading">
            <h2 id="outbox-heading">Outbox</h2>
            {data.outbox.length ? (
              <table className="data" data-testid="mail-outbox">
                <thead>
                  <tr>
                    <th scope="col">Queued</th>
                    <th scope="col">Mail</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                  </tr>
                </thead>
                <tbody>
                  {data.outbox.map((m) => (
                    <tr key={m.notificationId}>
                      <td>{formatDateTime(m.queuedAt)}</td>
                      <td>{KIND_LABELS[m.kind]}</td>
                      <td>
                        <Link to={href('request', { requestId: m.requestId })}>{m.subject}</Link>
                      </td>
                      <td>
                        <Badge
                          kind={
                            m.status === 'failed' ? 'bad' : m.status === 'sent' ? 'good' : 'info'
                          }
                        >
                          {STATUS_LABELS[m.status]}
                        </Badge>
                        {m.status === 'sent' && m.sentAt ? (
                          <div className="sub">{formatDateTime(m.sentAt)}</div>
                        ) : null}
                        {m.status === 'failed' ? (
                          <div className="sub">
                            {m.lastError}; next try {formatDateTime(m.nextAttemptAt)}
                          </div>
                        ) : null}
                      </td>
                      <td>{m.attempts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <Empty>No mail to requesters yet.</Empty>
            )}
          </section>
          <section aria-labelledby="sink-heading">
            <h2 id="sink-heading">Caught by the local SMTP sink</h2>
            {!data.sink ? (
              <p>Mail goes to the configured SMTP server (SFP_SMTP_URL): nothing is caught here.</p>
            ) : data.caught.length ? (
              <>
                <p className="sub">
                  {formatCount(data.caught.length, 'mail')} caught on this platform; none left the
                  machine.
                </p>
                <ul className="mail-list" data-testid="caught-mail">
                  {data.caught.map((m) => (
                    <li key={m.id} className="panel">
                      <details>
                        <summary>
                          <strong>{m.subject}</strong> to {m.to}{' '}
                          <span className="sub">{formatDateTime(m.receivedAt)}</span>
                        </summary>
                        <pre className="prose mail-text">{m.text}</pre>
                      </details>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <Empty>The sink has caught no mail yet.</Empty>
            )}
          </section>
        </>
      ) : null}
    </main>
  );
}
