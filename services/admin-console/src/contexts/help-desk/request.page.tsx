import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, ErrorMessage, Notice, PendingRecord } from '../../components/feedback';
import { formatDateTime, label } from '../../components/format';
import { Timeline } from '../../components/timeline';
import { BackLink } from '../../routing/back-link';
import { href, useRouteParams } from '../../routing/paths';
import { useAuth } from '../../session';
import { Attachments } from './attachments';
import { helpDeskQueries, type RequestDetail } from './help-desk.api';
import { EscalationBadge } from './escalation-badge';
import { MacroReply } from './macros.page';
import { RequestActions } from './request-actions';
import { requestEventSummary, requestEventTitle } from './request-history';

/** One request: its details, the actions its status allows, and its timeline. */
export function RequestPage() {
  const { requestId } = useRouteParams('request');
  const { can } = useAuth();
  const detail = useQuery(helpDeskQueries.request(requestId));
  const [notice, setNotice] = useState<string | null>(null);
  const request = detail.data;
  const back = <BackLink to={href('queue')}>Request queue</BackLink>;
  if (!request)
    return <PendingRecord back={back} error={detail.error} what="Loading the request" />;
  return (
    <main id="main">
      {back}
      <div className="title-row">
        <h1>{request.title}</h1>
        <div>
          <Badge kind={`status-${request.status}`}>
            <span data-testid="request-status">{label(request.status)}</span>
          </Badge>{' '}
          <Badge kind={`priority-${request.priority}`}>{label(request.priority)}</Badge>{' '}
          {request.slaBreached ? <Badge kind="sla-breached">SLA breached</Badge> : null}{' '}
          <EscalationBadge
            escalation={request.escalation?.reason}
            escalatedTo={request.escalation?.teamLead}
          />
        </div>
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorMessage error={detail.error} />
      <div className="columns">
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <RequestDetails request={request} />
        </section>
        {can('records:write') ? (
          <section aria-labelledby="actions-heading">
            <h2 id="actions-heading">Actions</h2>
            <RequestActions
              request={request}
              onDone={setNotice}
              onStale={() => void detail.refetch()}
            />
            <MacroReply request={request} onDone={setNotice} />
          </section>
        ) : null}
      </div>
      <Attachments requestId={request.requestId} canAdd={can('records:write')} />
      <Timeline
        heading="Timeline"
        history={request.history}
        title={requestEventTitle}
        summary={requestEventSummary}
      />
    </main>
  );
}

function RequestDetails({ request }: { request: RequestDetail }) {
  const { requester } = request;
  const when = (term: string, value: string | undefined) =>
    value ? (
      <>
        <dt>{term}</dt>
        <dd>{formatDateTime(value)}</dd>
      </>
    ) : null;
  return (
    <dl className="details">
      <dt>Description</dt>
      <dd className="prose">{request.description}</dd>
      <dt>Requester</dt>
      <dd>
        {requester.name} &lt;{requester.email}&gt;
        <div className="sub">
          {label(requester.origin)}, {requester.organisation}
          {requester.constituentGroup ? ` (${label(requester.constituentGroup)})` : ''}
        </div>
      </dd>
      <dt>Kind</dt>
      <dd>
        {label(request.kind)}
        {request.globalInitiative ? ` — ${label(request.globalInitiative)}` : ''}
      </dd>
      <dt>Themes</dt>
      <dd>{request.themes.map(label).join(', ') || '—'}</dd>
      <dt>Region, country</dt>
      <dd>
        {label(request.region)}, {request.country}
      </dd>
      <dt>Assignee</dt>
      <dd>{request.assignee ?? 'nobody yet'}</dd>
      {when('Submitted', request.submittedAt)}
      {when('Due', request.dueAt)}
      {when('First response', request.firstResponseAt)}
      {when('Resolved', request.resolvedAt)}
      {request.satisfaction ? (
        <>
          <dt>Requester’s satisfaction</dt>
          <dd data-testid="request-satisfaction">
            {request.satisfaction.rating} of 5
            {request.satisfaction.comment ? ` — “${request.satisfaction.comment}”` : ''}
          </dd>
        </>
      ) : null}
      <dt>Version</dt>
      <dd>{request.streamVersion}</dd>
    </dl>
  );
}
