import { useState, type FormEvent, type ReactNode } from 'react';
import {
  CANCELLED_BY,
  GLOBAL_INITIATIVES,
  PRIORITIES,
  REFERRAL_TARGETS,
  REQUEST_COMMAND_ACTIONS,
  REQUEST_KINDS,
  requestCommandsAllowedIn,
  THEMES,
  type RequestCommandType,
} from '@sfp/contracts';
import { ApiError, get, post } from '../api/client';
import { label, type CommandResult, type HistoryEntry, type RequestDetail } from '../api/types';
import {
  ActionButtons,
  Badge,
  CheckboxGroup,
  ErrorMessage,
  FormErrors,
  formatDateTime,
  Loading,
  Notice,
  SelectField,
  TextField,
  useLoad,
} from '../components/ui';
import { Link } from 'react-router';
import { href } from '../routing/paths';
import { useAuth, useDirectory } from '../session';

/**
 * A command given on the request. Which ones a status allows is the help
 * desk's transition table (@sfp/contracts), by which its decider refuses the
 * rest with 409: the buttons offer exactly what the API accepts.
 */
type Action = RequestCommandType;

const ACTION_LABELS: Record<Action, string> = {
  TriageServiceRequest: 'Triage',
  AssignServiceRequest: 'Assign',
  StartWorkOnServiceRequest: 'Start work',
  ReferServiceRequest: 'Refer',
  ResolveServiceRequest: 'Resolve',
  CloseServiceRequest: 'Close',
  ReopenServiceRequest: 'Reopen',
  CancelServiceRequest: 'Cancel request',
  CommentOnServiceRequest: 'Comment',
};

export function RequestPage({ id }: { id: string }) {
  const { can } = useAuth();
  const detail = useLoad(
    () => get<RequestDetail>(`/api/help-desk/service-requests/${encodeURIComponent(id)}`),
    id,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const request = detail.data;
  if (!request) {
    return (
      <main id="main">
        <p>
          <Link to={href('queue')}>← Request queue</Link>
        </p>
        {detail.error ? (
          <ErrorMessage error={detail.error} />
        ) : (
          <Loading what="Loading the request" />
        )}
      </main>
    );
  }
  const done = (what: string) => {
    setNotice(what);
    detail.reload();
  };
  return (
    <main id="main">
      <p>
        <Link to={href('queue')}>← Request queue</Link>
      </p>
      <div className="title-row">
        <h1>{request.title}</h1>
        <div>
          <Badge kind={`status-${request.status}`}>
            <span data-testid="request-status">{label(request.status)}</span>
          </Badge>{' '}
          <Badge kind={`priority-${request.priority}`}>{label(request.priority)}</Badge>{' '}
          {request.slaBreached ? <Badge kind="sla-breached">SLA breached</Badge> : null}
        </div>
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      {detail.error ? <ErrorMessage error={detail.error} /> : null}
      <div className="columns">
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className="details">
            <dt>Description</dt>
            <dd className="prose">{request.description}</dd>
            <dt>Requester</dt>
            <dd>
              {request.requester.name} &lt;{request.requester.email}&gt;
              <div className="sub">
                {label(request.requester.origin)}, {request.requester.organisation}
                {request.requester.constituentGroup
                  ? ` (${label(request.requester.constituentGroup)})`
                  : ''}
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
            <dt>Submitted</dt>
            <dd>{formatDateTime(request.submittedAt)}</dd>
            <dt>Due</dt>
            <dd>{formatDateTime(request.dueAt)}</dd>
            {request.firstResponseAt ? (
              <>
                <dt>First response</dt>
                <dd>{formatDateTime(request.firstResponseAt)}</dd>
              </>
            ) : null}
            {request.resolvedAt ? (
              <>
                <dt>Resolved</dt>
                <dd>{formatDateTime(request.resolvedAt)}</dd>
              </>
            ) : null}
            <dt>Version</dt>
            <dd>{request.streamVersion}</dd>
          </dl>
        </section>
        {can('records:write') ? (
          <section aria-labelledby="actions-heading">
            <h2 id="actions-heading">Actions</h2>
            <Actions request={request} onDone={done} onStale={detail.reload} />
          </section>
        ) : null}
      </div>
      <Timeline history={request.history} />
    </main>
  );
}

function Actions({
  request,
  onDone,
  onStale,
}: {
  request: RequestDetail;
  onDone: (what: string) => void;
  onStale: () => void;
}) {
  const allowed = requestCommandsAllowedIn(request.status);
  const [open, setOpen] = useState<Action | null>(null);
  if (allowed.length === 0)
    return (
      <p className="empty">No action: this request is {label(request.status).toLowerCase()}.</p>
    );
  const current = open && allowed.includes(open) ? open : null;
  return (
    <div>
      <ActionButtons
        label="Actions this status allows"
        actions={allowed}
        labels={ACTION_LABELS}
        open={current}
        onToggle={setOpen}
      />
      {current ? (
        <ActionForm
          key={`${current}-${request.streamVersion}`}
          action={current}
          request={request}
          onCancel={() => setOpen(null)}
          onDone={(what) => {
            setOpen(null);
            onDone(what);
          }}
          onStale={onStale}
        />
      ) : null}
    </div>
  );
}

function ActionForm(props: {
  action: Action;
  request: RequestDetail;
  onCancel: () => void;
  onDone: (what: string) => void;
  onStale: () => void;
}) {
  const { action, request } = props;
  const [values, setValues] = useState<Record<string, string>>({
    kind: request.kind,
    globalInitiative: request.globalInitiative ?? '',
    priority: request.priority,
    target: 'external-body',
    cancelledBy: 'operator',
  });
  const [themes, setThemes] = useState<string[]>(request.themes);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const errors = error instanceof ApiError ? error : null;
  const text = (
    name: string,
    fieldLabel: string,
    extra: { multiline?: boolean; hint?: string; required?: boolean } = {},
  ) => (
    <TextField
      label={fieldLabel}
      name={name}
      value={values[name] ?? ''}
      onChange={set(name)}
      errors={errors}
      required={extra.required ?? true}
      multiline={extra.multiline}
      hint={extra.hint}
    />
  );

  const body = (): Record<string, unknown> => {
    switch (action) {
      case 'TriageServiceRequest':
        return {
          kind: values.kind,
          themes,
          priority: values.priority,
          ...(values.kind === 'global-initiative-coordination' && values.globalInitiative
            ? { globalInitiative: values.globalInitiative }
            : {}),
          ...(values.note ? { note: values.note } : {}),
        };
      case 'AssignServiceRequest':
        return { assignee: values.assignee ?? '' };
      case 'ReferServiceRequest':
        return {
          target: values.target,
          referredTo: values.referredTo ?? '',
          reason: values.reason ?? '',
        };
      case 'ResolveServiceRequest':
        return {
          answer: values.answer ?? '',
          outputs: (values.outputs ?? '')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        };
      case 'ReopenServiceRequest':
        return { reason: values.reason ?? '' };
      case 'CancelServiceRequest':
        return { reason: values.reason ?? '', cancelledBy: values.cancelledBy };
      case 'CommentOnServiceRequest':
        return { text: values.text ?? '' };
      case 'StartWorkOnServiceRequest':
      case 'CloseServiceRequest':
        return {};
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post<CommandResult>(
        `/api/help-desk/service-requests/${request.requestId}/${REQUEST_COMMAND_ACTIONS[action]}`,
        body(),
        request.streamVersion,
      );
      props.onDone(`${ACTION_LABELS[action]}: done.`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  let fields: ReactNode = null;
  switch (action) {
    case 'TriageServiceRequest':
      fields = (
        <>
          <SelectField
            label="Kind"
            name="kind"
            value={values.kind ?? ''}
            onChange={set('kind')}
            options={REQUEST_KINDS}
            format={label}
            errors={errors}
          />
          {values.kind === 'global-initiative-coordination' ? (
            <SelectField
              label="Global initiative"
              name="globalInitiative"
              value={values.globalInitiative ?? ''}
              onChange={set('globalInitiative')}
              options={GLOBAL_INITIATIVES}
              emptyLabel="Choose…"
              format={label}
              errors={errors}
            />
          ) : null}
          <CheckboxGroup
            legend="Themes"
            name="themes"
            options={THEMES}
            value={themes}
            onChange={setThemes}
            format={label}
            errors={errors}
          />
          <SelectField
            label="Priority"
            name="priority"
            value={values.priority ?? ''}
            onChange={set('priority')}
            options={PRIORITIES}
            format={label}
            errors={errors}
          />
          {text('note', 'Note (optional)', { multiline: true, required: false })}
        </>
      );
      break;
    case 'AssignServiceRequest':
      fields = text('assignee', 'Assignee', {
        hint: 'The staff member who will handle it, e.g. staff-jkamau',
      });
      break;
    case 'ReferServiceRequest':
      fields = (
        <>
          <SelectField
            label="Refer to"
            name="target"
            value={values.target ?? ''}
            onChange={set('target')}
            options={REFERRAL_TARGETS}
            format={label}
            errors={errors}
          />
          {text('referredTo', 'Unit or body')}
          {text('reason', 'Reason', { multiline: true })}
        </>
      );
      break;
    case 'ResolveServiceRequest':
      fields = (
        <>
          {text('answer', 'Answer', { multiline: true })}
          {text('outputs', 'Outputs (one a line)', {
            multiline: true,
            required: false,
            hint: 'Documents or tools sent, one a line',
          })}
        </>
      );
      break;
    case 'ReopenServiceRequest':
      fields = text('reason', 'Why reopen it', { multiline: true });
      break;
    case 'CancelServiceRequest':
      fields = (
        <>
          {text('reason', 'Reason', { multiline: true })}
          <SelectField
            label="Cancelled at the request of"
            name="cancelledBy"
            value={values.cancelledBy ?? ''}
            onChange={set('cancelledBy')}
            options={CANCELLED_BY}
            format={label}
            errors={errors}
          />
        </>
      );
      break;
    case 'CommentOnServiceRequest':
      fields = text('text', 'Comment', { multiline: true });
      break;
    case 'StartWorkOnServiceRequest':
      fields = <p>Record that work on this request has started.</p>;
      break;
    case 'CloseServiceRequest':
      fields = (
        <p>Close this resolved request. It can still be reopened within the reopen window.</p>
      );
      break;
  }
  const stale = error instanceof ApiError && error.code === 'WRONG_EXPECTED_VERSION';
  return (
    <form className="panel" onSubmit={submit} aria-label={ACTION_LABELS[action]} noValidate>
      <h3>{ACTION_LABELS[action]}</h3>
      {fields}
      {stale ? (
        <div className="error" role="alert">
          <strong>Someone changed this request since you opened it.</strong> Reload it to see what
          changed, then try again.{' '}
          <button type="button" onClick={props.onStale}>
            Reload the request
          </button>
        </div>
      ) : (
        <FormErrors
          error={error}
          fields={[
            'kind',
            'globalInitiative',
            'themes',
            'priority',
            'note',
            'assignee',
            'target',
            'referredTo',
            'reason',
            'answer',
            'outputs',
            'cancelledBy',
            'text',
          ]}
        />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : `Confirm: ${ACTION_LABELS[action].toLowerCase()}`}
        </button>
        <button type="button" onClick={props.onCancel}>
          Back
        </button>
      </div>
    </form>
  );
}

/** Who did what, when: one entry per event of the request's stream. */
function Timeline({ history }: { history: HistoryEntry[] }) {
  const nameOf = useDirectory();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline" aria-label="Timeline">
        {[...history].reverse().map((entry) => (
          <li key={entry.streamVersion} data-event={entry.event}>
            <div className="when">
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
            </div>
            <div>
              <strong>{eventTitle(entry.event)}</strong> by{' '}
              <span className="actor">{nameOf(entry.actor?.kind, entry.actor?.id)}</span>
              {entry.actor?.department ? (
                <span className="sub"> for {entry.actor.department}</span>
              ) : null}
              <EventSummary entry={entry} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function eventTitle(event: string): string {
  const name = event.replace(/^.*\./, '').replace(/^ServiceRequest/, '');
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function EventSummary({ entry }: { entry: HistoryEntry }) {
  const d = entry.data;
  const s = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const parts: string[] = [];
  switch (entry.event.replace(/^.*\./, '')) {
    case 'ServiceRequestSubmitted':
      parts.push(
        `${label(s('kind') ?? '')}, priority ${s('priority')}, due ${formatDateTime(s('dueAt'))}`,
      );
      break;
    case 'ServiceRequestTriaged':
      parts.push(
        `${label(s('kind') ?? '')}, priority ${s('priority')}, due ${formatDateTime(s('dueAt'))}`,
      );
      if (s('note')) parts.push(`Note: ${s('note')}`);
      break;
    case 'ServiceRequestAssigned':
      parts.push(
        `To ${s('assignee')}${s('previousAssignee') ? ` (was ${s('previousAssignee')})` : ''}`,
      );
      break;
    case 'ServiceRequestReferred':
      parts.push(`To ${s('referredTo')} (${label(s('target') ?? '')}): ${s('reason')}`);
      break;
    case 'ServiceRequestResolved':
      parts.push(`Answer: ${s('answer')}`);
      if (Array.isArray(d.outputs) && d.outputs.length)
        parts.push(`Outputs: ${(d.outputs as string[]).join(', ')}`);
      break;
    case 'ServiceRequestReopened':
      parts.push(`Reason: ${s('reason')}; due ${formatDateTime(s('dueAt'))}`);
      break;
    case 'ServiceRequestCancelled':
      parts.push(`At the request of the ${s('cancelledBy')}: ${s('reason')}`);
      break;
    case 'ServiceRequestCommented':
      parts.push(`“${s('text')}”`);
      break;
    case 'ServiceRequestSlaBreached':
      parts.push(`Was due ${formatDateTime(s('dueAt'))}`);
      break;
  }
  if (!parts.length) return null;
  return (
    <div className="event-summary">
      {parts.map((part) => (
        <div key={part}>{part}</div>
      ))}
    </div>
  );
}
